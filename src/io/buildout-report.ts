/**
 * The report of `gigawatt buildout [scenario] --json` and of GET and POST /api/buildout, from the
 * options given as text (the CLI's flags, the API's query parameters): the fleet (a built-in, a file,
 * or a scenario already validated; the register rebuilt for --size, --duplicates, --dates), the
 * historical demand of `gigawatt headroom` (src/io/headroom-report.ts), and with --samples the
 * Monte Carlo. The analysis is src/analysis/buildout/; the CLI (src/cli/commands/buildout.ts) writes
 * and formats the report, the server (src/server/compute/buildout-body.ts) serialises it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fleetScenario } from '../analysis/buildout/fleet.js';
import {
  type ConversionRules,
  type ConvertedCampus,
  convertRegister,
  DEFAULT_RULES,
  parseRegister,
} from '../analysis/buildout/register.js';
import {
  type BuildoutOptions,
  type BuildoutReport,
  buildoutRun,
  phasePlans,
  realisticRegister,
} from '../analysis/buildout/report.js';
import { type SupplyChainOptions, supplyChain } from '../analysis/buildout/supply-chain.js';
import {
  buildoutUncertainty,
  UNCERTAIN_INPUTS,
  type UncertainInputId,
} from '../analysis/buildout/uncertainty.js';
import { DEFAULT_YEARS, parseLimitsPct, parseYears } from '../analysis/headroom-options.js';
import { completeYears } from '../engine/replay.js';
import type { HourlySeries } from '../engine/series.js';
import type { Scenario } from '../model/scenario.js';
import { type Distribution, DistributionError, parseVary } from '../model/uncertainty.js';
import { UsageError } from '../model/usage-error.js';
import { fileDataSource } from './data-source.js';
import { loadDemandHistory } from './grid.js';
import { loadScenario, parseScenarioText } from './load-scenario.js';
import { dataDir } from './paths.js';

/** The options as text, as the CLI's flags and the API's query parameters give them (absent: the default). */
export interface BuildoutReportOptions {
  curtailment?: string;
  years?: string;
  size?: string;
  duplicates?: string;
  trials?: string;
  seed?: string;
  dates?: string;
  samples?: string;
  vary?: string[];
  sampling?: string;
}

function positiveInt(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const x = Number(text);
  if (!Number.isInteger(x) || x < 1 || x > 1_000_000)
    throw new UsageError(`${flag}: must be a whole number from 1 to 1000000 (got "${text}")`);
  return x;
}

const REGISTER_FILE = () => join(dataDir(), 'campuses', 'us_ai_campuses.csv');

function rulesOf(opts: BuildoutReportOptions): ConversionRules {
  const size = opts.size ?? DEFAULT_RULES.size;
  const duplicates = opts.duplicates ?? DEFAULT_RULES.duplicates;
  if (size !== 'near-term' && size !== 'announced')
    throw new UsageError(`--size: must be one of: near-term, announced (got "${size}")`);
  if (duplicates !== 'drop' && duplicates !== 'keep')
    throw new UsageError(`--duplicates: must be one of: drop, keep (got "${duplicates}")`);
  return { size, duplicates };
}

function datesOf(opts: BuildoutReportOptions): 'announced' | 'p50' | 'p90' {
  const d = opts.dates ?? 'announced';
  if (d !== 'announced' && d !== 'p50' && d !== 'p90')
    throw new UsageError(`--dates: must be one of: announced, p50, p90 (got "${d}")`);
  return d;
}

/** The scenario, and the converted register (rebuilt in memory when --size, --duplicates or --dates are given). */
function inputs(
  name: string | Scenario,
  opts: BuildoutReportOptions,
  chainOptions: SupplyChainOptions,
): { scenario: Scenario; register: ConvertedCampus[] } {
  const rules = rulesOf(opts);
  const dates = datesOf(opts);
  const file = REGISTER_FILE();
  const register = convertRegister(parseRegister(readFileSync(file, 'utf8'), file), rules);
  const custom = opts.size !== undefined || opts.duplicates !== undefined || dates !== 'announced';
  if (custom) {
    if (name !== 'us-buildout')
      throw new UsageError('--size, --duplicates and --dates apply to the us-buildout scenario only');
    const ids = new Set(register.filter((c) => c.excluded === null).map((c) => c.record.id));
    const shifted =
      dates === 'announced'
        ? register
        : realisticRegister(register, supplyChain(phasePlans(register, ids), chainOptions), dates);
    const { scenario } = fleetScenario(shifted);
    return {
      scenario: parseScenarioText(
        JSON.stringify(scenario),
        `us-buildout (${rules.size}, ${rules.duplicates}, ${dates} dates)`,
      ),
      register,
    };
  }
  return { scenario: typeof name === 'string' ? loadScenario(name).scenario : name, register };
}

/** The demand basis of `gigawatt headroom`: each BA's whole bundled EIA-930 history (src/io/grid.ts). */
export const HEADROOM_DEMAND_SOURCE =
  'EIA-930 cleaned demand, the bundled history of gigawatt headroom (loadDemandHistory: 2016–2024 for the scenario regions)';
const headroomDemand = (regionId: string): HourlySeries => loadDemandHistory(regionId, dataDir()).demandMW;

/** Complete historical years common to every region of the scenario's sites. */
function commonYears(scenario: Scenario): number[] {
  const regions = [...new Set(scenario.sites.map((s) => s.region))];
  const lists = regions.map((r) => completeYears(headroomDemand(r)));
  return (lists[0] ?? []).filter((y) => lists.every((l) => l.includes(y)));
}

/** The options `buildoutReport` gets from the CLI flags (also GET /api/buildout). */
export function buildoutOptionsFor(
  name: string | Scenario,
  opts: BuildoutReportOptions,
): { scenario: Scenario; options: BuildoutOptions } {
  const limitsPct = parseLimitsPct(opts.curtailment);
  const chainOptions = {
    trials: positiveInt(opts.trials, '--trials', 2000),
    seed: positiveInt(opts.seed, '--seed', 1),
  };
  const { scenario, register } = inputs(name, opts, chainOptions);
  // as gigawatt headroom: by default the years of its window (DEFAULT_YEARS) each region has complete
  const historicalYears =
    opts.years === undefined
      ? Array.from(
          { length: DEFAULT_YEARS.last - DEFAULT_YEARS.first + 1 },
          (_, i) => DEFAULT_YEARS.first + i,
        )
      : parseYears(opts.years, commonYears(scenario), 'the scenario (all its regions)');
  return {
    scenario,
    options: {
      dates: datesOf(opts),
      limitsPct,
      register,
      historicalYears,
      supplyChain: chainOptions,
      demandHistory: headroomDemand,
      demandSource: HEADROOM_DEMAND_SOURCE,
    },
  };
}

/** `--vary NAME=dist:args` of the build-out sweep: NAME one of UNCERTAIN_INPUTS. */
export function parseBuildoutVary(args: readonly string[]): Partial<Record<UncertainInputId, Distribution>> {
  const out: Partial<Record<UncertainInputId, Distribution>> = {};
  for (const arg of args) {
    let v: ReturnType<typeof parseVary>;
    try {
      v = parseVary(arg);
    } catch (e) {
      if (e instanceof DistributionError) throw new UsageError(e.message);
      throw e;
    }
    // own keys only: `in` would take inherited names (__proto__, toString) for inputs
    if (!Object.hasOwn(UNCERTAIN_INPUTS, v.path))
      throw new UsageError(
        `--vary ${v.path}: not an uncertain input of the build-out (allowed: ${Object.keys(UNCERTAIN_INPUTS).join(', ')})`,
      );
    out[v.path as UncertainInputId] = v.distribution;
  }
  return out;
}

/** The options of the build-out Monte Carlo, or null without --samples. */
function sweepOptionsOf(opts: BuildoutReportOptions) {
  if (opts.samples === undefined) {
    if ((opts.vary ?? []).length > 0 || opts.sampling !== undefined)
      throw new UsageError('--vary and --sampling need --samples N (the build-out Monte Carlo)');
    return null;
  }
  const samples = positiveInt(opts.samples, '--samples', 1);
  if (datesOf(opts) !== 'announced')
    throw new UsageError(
      `--samples draws the online dates from the supply chain itself; drop --dates ${opts.dates}`,
    );
  const sampling = opts.sampling ?? 'lhs';
  if (sampling !== 'lhs' && sampling !== 'random')
    throw new UsageError(`--sampling: must be one of: lhs, random (got "${sampling}")`);
  return { samples, sampling, vary: parseBuildoutVary(opts.vary ?? []) } as const;
}

/**
 * The report of `gigawatt buildout [name] --json` for these options (also GET and POST /api/buildout):
 * `name` a built-in or a file, or a scenario already validated (a request's).
 */
export function buildoutReportFor(
  name: string | Scenario,
  opts: BuildoutReportOptions,
  onProgress?: (done: number, total: number) => void,
): BuildoutReport {
  const sweep = sweepOptionsOf(opts);
  const { scenario, options } = buildoutOptionsFor(name, opts);
  const { report, context } = buildoutRun(scenario, fileDataSource(), options);
  if (sweep === null) return report;
  const uncertainty = buildoutUncertainty(context, report, {
    ...sweep,
    seed: positiveInt(opts.seed, '--seed', 1),
    ...(options.supplyChain === undefined ? {} : { supplyChain: options.supplyChain }),
    ...(onProgress === undefined ? {} : { onProgress }),
  });
  return { ...report, uncertainty };
}
