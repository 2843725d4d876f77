/**
 * `gigawatt buildout [scenario]`: the national picture of a fleet (default: the built-in us-buildout):
 * per balancing authority and year, can the grid carry the campuses; national totals; which BAs have no
 * data. A thin shell over `buildoutReport` (src/analysis/buildout/report.ts).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { fleetScenario } from '../../analysis/buildout/fleet.js';
import {
  type ConversionRules,
  type ConvertedCampus,
  convertRegister,
  DEFAULT_RULES,
  parseRegister,
} from '../../analysis/buildout/register.js';
import {
  type BuildoutOptions,
  type BuildoutReport,
  buildoutRun,
  phasePlans,
  realisticRegister,
} from '../../analysis/buildout/report.js';
import { type SupplyChainOptions, supplyChain } from '../../analysis/buildout/supply-chain.js';
import {
  type BuildoutUncertainty,
  buildoutUncertainty,
  UNCERTAIN_INPUTS,
  type UncertainInputId,
} from '../../analysis/buildout/uncertainty.js';
import type { Quantiles } from '../../analysis/sweep/statistics.js';
import { completeYears } from '../../engine/replay.js';
import type { HourlySeries } from '../../engine/series.js';
import { buildoutTableFiles } from '../../io/buildout-tables.js';
import { fileDataSource } from '../../io/data-source.js';
import { loadDemandHistory } from '../../io/grid.js';
import { loadScenario, parseScenarioText } from '../../io/load-scenario.js';
import { dataDir, packageVersion } from '../../io/paths.js';
import type { Scenario } from '../../model/scenario.js';
import { type Distribution, DistributionError, parseVary } from '../../model/uncertainty.js';
import { buildoutPageHtml } from '../../report/buildout.js';
import { formatBuildout } from '../format-buildout.js';
import { UsageError } from '../usage-error.js';
import { DEFAULT_YEARS, parseLimitsPct, parseYears } from './headroom.js';

export interface BuildoutCliOptions {
  curtailment?: string;
  years?: string;
  size?: string;
  duplicates?: string;
  json?: boolean;
  out?: string;
  html?: string;
  trials?: string;
  seed?: string;
  dates?: string;
  samples?: string;
  vary?: string[];
  sampling?: string;
  quiet?: boolean;
}

function positiveInt(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const x = Number(text);
  if (!Number.isInteger(x) || x < 1 || x > 1_000_000)
    throw new UsageError(`${flag}: must be a whole number from 1 to 1000000 (got "${text}")`);
  return x;
}

const REGISTER_FILE = () => join(dataDir(), 'campuses', 'us_ai_campuses.csv');

function rulesOf(opts: BuildoutCliOptions): ConversionRules {
  const size = opts.size ?? DEFAULT_RULES.size;
  const duplicates = opts.duplicates ?? DEFAULT_RULES.duplicates;
  if (size !== 'near-term' && size !== 'announced')
    throw new UsageError(`--size: must be one of: near-term, announced (got "${size}")`);
  if (duplicates !== 'drop' && duplicates !== 'keep')
    throw new UsageError(`--duplicates: must be one of: drop, keep (got "${duplicates}")`);
  return { size, duplicates };
}

function datesOf(opts: BuildoutCliOptions): 'announced' | 'p50' | 'p90' {
  const d = opts.dates ?? 'announced';
  if (d !== 'announced' && d !== 'p50' && d !== 'p90')
    throw new UsageError(`--dates: must be one of: announced, p50, p90 (got "${d}")`);
  return d;
}

/** The scenario, and the converted register (rebuilt in memory when --size, --duplicates or --dates are given). */
function inputs(
  name: string | Scenario,
  opts: BuildoutCliOptions,
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

const csvCell = (v: unknown) => {
  const s = Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
function csv(rows: Record<string, unknown>[]): string {
  const header = Object.keys(rows[0] ?? {});
  return `${[header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\n')}\n`;
}

/** The Monte Carlo in long form: one row per scope × year × metric with its quantiles. */
export function uncertaintyRows(
  u: BuildoutUncertainty,
  limitsPct: readonly number[],
): Record<string, unknown>[] {
  const row = (scope: string, region: string, year: number, metric: string, q: Quantiles) => ({
    scope,
    region,
    year,
    metric,
    p5: q.p5,
    p50: q.p50,
    p95: q.p95,
    mean: q.mean,
    min: q.min,
    max: q.max,
    n: q.n,
  });
  return [
    ...u.national.flatMap(({ year, ...m }) =>
      Object.entries(m).map(([k, q]) => row('national', '', year, k, q as Quantiles)),
    ),
    ...u.regions.flatMap((r) => [
      row('region', r.region, r.year, 'campusAtRegionPeakMW', r.campusAtRegionPeakMW),
      ...limitsPct.map((p, i) =>
        row('region', r.region, r.year, `headroomUsedMW@${p}pct`, r.headroomUsedMW[i] as Quantiles),
      ),
      row('region', r.region, r.year, 'firmNeedMW', r.firmNeedMW),
      row('region', r.region, r.year, 'curtailedGWh', r.curtailedGWh),
    ]),
    ...u.pjm.flatMap(({ year, ...m }) =>
      Object.entries(m).map(([k, q]) => row('pjm', 'PJM', year, k, q as Quantiles)),
    ),
    ...u.ercot4CP.map((e) => row('ercot-4cp', 'ERCOT', e.year, 'shiftedToOthersUSD', e.shiftedToOthersUSD)),
  ];
}

/**
 * `--out DIR`: regions, campuses and water-by-county as CSV and Parquet (src/io/buildout-tables.ts),
 * national, environment, pjm-capacity and supply-chain as CSV, and report.json.
 */
export function writeBuildoutOutputs(r: BuildoutReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string | Uint8Array][] = [
    ...buildoutTableFiles(r).map((f): [string, string | Uint8Array] => [f.name, f.data]),
    ['national.csv', csv(r.national.map((n) => ({ ...n })))],
    ...(r.supplyChain === null
      ? []
      : ([
          ['supply-chain-phases.csv', csv(r.supplyChain.phases.map((p) => ({ ...p })))],
          ['supply-chain-national.csv', csv(r.supplyChain.national.map((n) => ({ ...n })))],
        ] as [string, string][])),
    ['environment.csv', csv(r.environment.map((e) => ({ ...e })))],
    ...(r.whoPays.pjm === null
      ? []
      : ([
          [
            'pjm-capacity.csv',
            csv(
              r.whoPays.pjm.years.flatMap((y) =>
                [y.firm, y.flexible, y.byog].map((c) => ({ year: y.year, ...c })),
              ),
            ),
          ],
        ] as [string, string][])),
    ...(r.uncertainty === null
      ? []
      : ([['uncertainty.csv', csv(uncertaintyRows(r.uncertainty, r.limitsPct))]] as [string, string][])),
    ['report.json', `${JSON.stringify(r, null, 2)}\n`],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
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
  opts: BuildoutCliOptions,
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
function sweepOptionsOf(opts: BuildoutCliOptions) {
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

/** Progress of the Monte Carlo on stderr: a line every tenth of the samples, then the rate. */
function stderrProgress(quiet: boolean | undefined) {
  let t0 = performance.now();
  let last = 0;
  return (done: number, total: number) => {
    if (quiet) return;
    // timed from the first sample: the deterministic run before it is not part of the rate
    if (done === 0) {
      t0 = performance.now();
      return;
    }
    const s = (performance.now() - t0) / 1000;
    if (done === total)
      process.stderr.write(
        `buildout sweep: ${total} samples in ${s.toFixed(1)} s (${(total / s).toFixed(2)} samples/s)\n`,
      );
    else if (Math.floor((10 * done) / total) > last) {
      last = Math.floor((10 * done) / total);
      process.stderr.write(`buildout sweep: ${done}/${total} samples, ${s.toFixed(0)} s\n`);
    }
  };
}

/**
 * The report of `gigawatt buildout [name] --json` for these options (also GET and POST /api/buildout):
 * `name` a built-in or a file, or a scenario already validated (a request's).
 */
export function buildoutReportFor(
  name: string | Scenario,
  opts: BuildoutCliOptions,
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

/** `--html FILE`: the build-out section of the HTML report as one self-contained page (src/report/buildout.ts). */
export function writeBuildoutHtml(r: BuildoutReport, file: string): string {
  const html = buildoutPageHtml(r, {
    generated: new Date().toISOString().slice(0, 10),
    version: packageVersion(),
  });
  try {
    writeFileSync(file, html);
  } catch (err) {
    throw new UsageError(
      `--html: cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  return file;
}

/** Refuses an --html file whose folder does not exist before the (long) computation, not after it. */
function checkHtmlTarget(file: string | undefined): void {
  if (file === undefined) return;
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`--html: cannot write ${file}: the folder ${dir} does not exist`);
}

export function buildoutCommand(name: string, opts: BuildoutCliOptions): void {
  checkHtmlTarget(opts.html);
  const report = buildoutReportFor(name, opts, stderrProgress(opts.quiet));
  if (opts.out !== undefined) {
    const files = writeBuildoutOutputs(report, opts.out);
    if (!opts.json) process.stderr.write(`wrote ${files.join(', ')}\n`);
  }
  if (opts.html !== undefined) {
    const file = writeBuildoutHtml(report, opts.html);
    if (!opts.json) process.stderr.write(`wrote ${file}\n`);
  }
  process.stdout.write(`${opts.json ? JSON.stringify(report, null, 2) : formatBuildout(report)}\n`);
}

/** Registers `gigawatt buildout`. */
export function registerBuildout(cli: Command): void {
  cli
    .command('buildout')
    .description(
      'the national picture of a fleet (default us-buildout): can the grids and the supply chains carry it, year by year, and who pays',
    )
    .argument('[scenario]', 'scenario file or built-in name', 'us-buildout')
    .option(
      '-c, --curtailment <pct>',
      'curtailment-rate limits in percent of the new load’s energy',
      '0.25,0.5,1,5',
    )
    .option(
      '-y, --years <years>',
      'historical UTC years of demand to judge against, as gigawatt headroom (default: every complete year of the bundled EIA-930 history, 2016–2024), e.g. 2019-2024',
    )
    .option(
      '--size <rule>',
      'us-buildout only: near-term (first stages of aspirational campuses) or announced (register maxima)',
    )
    .option(
      '--duplicates <rule>',
      'us-buildout only: drop or keep the rows that may be the same facility as another',
    )
    .option(
      '--dates <which>',
      "us-buildout only: phase dates for the grid analysis: announced, p50 or p90 (the supply chain's realistic dates)",
    )
    .option('--trials <n>', 'Monte Carlo trials of the supply-chain lead times', '2000')
    .option('--seed <n>', 'seed of the Monte Carlo', '1')
    .option(
      '-n, --samples <n>',
      'Monte Carlo of the whole build-out: P5/P50/P95 of every national figure over N samples (sizes, dates, lead times, flexible share, PJM clearing relation)',
    )
    .option(
      '--vary <name=dist:args>',
      `with --samples: replace an uncertain input's distribution (repeatable; ${Object.keys(UNCERTAIN_INPUTS).join(', ')}), e.g. flexibleShare=uniform:0,0.2`,
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option('--sampling <method>', 'with --samples: lhs (Latin hypercube, default) or random')
    .option('-q, --quiet', 'no progress lines on stderr')
    .option('--json', 'print the report as JSON (contract: docs/buildout.md)')
    .option(
      '-o, --out <dir>',
      'write the tables to DIR: regions, campuses and water-by-county as CSV and Parquet; national, environment, pjm-capacity, supply-chain (and uncertainty with --samples) as CSV; report.json',
    )
    .option('--html <file>', 'write the build-out section of the HTML report as one self-contained page')
    .addHelpText(
      'after',
      `
Examples:
  $ gigawatt buildout                          every announced campus, 2025–2030
  $ gigawatt buildout --size announced         with the aspirational maxima instead of first stages
  $ gigawatt buildout --dates p50              the grid on the dates the supply chains allow
  $ gigawatt buildout --json > buildout.json
  $ gigawatt buildout --out out/buildout
  $ gigawatt buildout --html buildout.html     the report section: tables, chart, who pays, water
  $ gigawatt buildout --samples 100 --seed 7  P5/P50/P95 of every national figure
  $ gigawatt buildout --samples 100 --vary flexibleShare=uniform:0.2,0.8 --vary size=discrete:1

Uncertain by default with --samples (docs/buildout.md, "Uncertainty"):
${Object.entries(UNCERTAIN_INPUTS)
  .map(([id, x]) => `  ${id}  ${JSON.stringify(x.distribution)}: ${x.source}`)
  .join('\n')}
  lead times  the supply chain's sourced distributions (transformers, switchgear, turbines, buildings,
              interconnection by region): one trial per sample
  PJM clearing relation  (ln P0, k) from the least-squares fit's sampling distribution over the five auctions`,
    )
    .action((name: string, opts: BuildoutCliOptions) => {
      buildoutCommand(name, opts);
    });
}
