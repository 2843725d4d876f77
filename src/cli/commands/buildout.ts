/**
 * `gigawatt buildout [scenario]`: the national picture of a fleet (default: the built-in us-buildout):
 * per balancing authority and year, can the grid carry the campuses; national totals; which BAs have no
 * data. A thin shell over `buildoutReport` (src/analysis/buildout/report.ts).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { fleetScenario } from '../../analysis/buildout/fleet.js';
import {
  type ConversionRules,
  type ConvertedCampus,
  convertRegister,
  DEFAULT_RULES,
  parseRegister,
} from '../../analysis/buildout/register.js';
import {
  type BuildoutReport,
  buildoutReport,
  phasePlans,
  realisticRegister,
} from '../../analysis/buildout/report.js';
import { type SupplyChainOptions, supplyChain } from '../../analysis/buildout/supply-chain.js';
import { buildoutTableFiles } from '../../io/buildout-tables.js';
import { fileDataSource } from '../../io/data-source.js';
import { loadScenario, parseScenarioText } from '../../io/load-scenario.js';
import { dataDir, packageVersion } from '../../io/paths.js';
import type { Scenario } from '../../model/scenario.js';
import { buildoutPageHtml } from '../../report/buildout.js';
import { count, energy, flop, power, tonnes, water } from '../format.js';
import { UsageError } from '../usage-error.js';
import { parseLimitsPct, parseYears } from './headroom.js';

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

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i <= 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  return [pc.bold(line(header)), ...rows.map(line)].join('\n');
}

const gw = (mw: number) => power(mw);
const limitList = (xs: readonly number[]) => xs.map((x) => (x >= 1e5 ? '∞' : count(x))).join(' / ');

export function formatBuildout(r: BuildoutReport): string {
  const out: string[] = [];
  const hist = r.regions[0]?.historicalYears ?? [];
  out.push(
    pc.bold(
      `gigawatt buildout · ${r.scenario}: can the grids carry it? (${r.years[0]}–${r.years[r.years.length - 1]}, ${r.dates === 'announced' ? 'announced dates' : `the supply chain's ${r.dates.toUpperCase()} dates`})`,
    ),
  );
  out.push(
    `Each region's campuses, their simulated hourly grid load summed, laid over its historical demand (UTC years ${hist[0]}–${hist[hist.length - 1]}).`,
  );
  out.push('');
  out.push(
    table(
      [
        'region',
        'year',
        'campuses',
        'campus peak',
        'at region peak',
        `headroom MW before @${r.limitsPct.join('/')} %`,
        'after (left)',
        'flexible: curtailed',
        'hours/yr',
        'events/yr',
        'energy/yr',
        'compute lost/yr',
        'firm need',
      ],
      r.regions.map((x) => [
        x.region,
        String(x.year),
        String(x.campuses.length),
        gw(x.campusPeakMW),
        gw(x.campusAtRegionPeakMW),
        limitList(x.headroomBeforeMW),
        limitList(x.headroomAfterMW),
        `${x.flexible.curtailmentPct.toFixed(2)} %`,
        count(x.flexible.curtailedHoursPerYear),
        x.flexible.eventsPerYear.toFixed(1),
        energy(x.flexible.curtailedGWhPerYear * 1000),
        flop(x.flexible.computeLostFLOPPerYear),
        gw(x.firmNeedMW),
      ]),
    ),
  );
  out.push('');
  out.push(pc.bold('National totals'));
  out.push(
    table(
      [
        'year',
        '',
        'IT installed',
        'at region peaks',
        'firm need',
        'grid energy',
        'off-grid energy',
        'curtailed if flexible',
        'compute lost',
        'CO2',
        'water',
      ],
      r.national.map((n) => [
        String(n.year),
        '',
        gw(n.itInstalledMW),
        gw(n.campusAtRegionPeaksMW),
        gw(n.firmNeedMW),
        energy(n.gridGWh * 1000),
        energy(n.offGridGWh * 1000),
        energy(n.flexibleCurtailedGWh * 1000),
        flop(n.computeLostFLOP),
        tonnes(n.co2Tonnes),
        water(n.waterM3),
      ]),
    ),
  );
  if (r.supplyChain !== null) out.push('', formatSupplyChain(r.supplyChain));
  out.push('', formatWhoPays(r));
  out.push('', formatWaterByCounty(r));
  const offGrid = r.campuses.filter((c) => c.offGrid).map((c) => c.id);
  out.push('');
  out.push(
    pc.dim(
      [
        'campus peak: highest hour of the summed grid load; at region peak: its mean over the 10 highest-demand hours of each historical year.',
        'headroom: the largest further constant load whose curtailment stays within each limit (Duke method), before and after the campuses.',
        'flexible: what the campuses would shed if they gave way whenever demand passed the seasonal peak; firm need: the largest excess over it',
        'if they do not (new firm capacity the region would need). Per-year figures are means over the historical years.',
        ...r.noDataBAs.map(
          (b) =>
            `No data for BA ${b.ba || '(blank in the register)'}: ${b.campuses.join(', ')} counted in ${b.standsIn}. ${b.basis}.`,
        ),
        offGrid.length > 0 ? `Off-grid (own plant, not in any region's load): ${offGrid.join(', ')}.` : '',
        `Method: ${r.method}.`,
      ]
        .filter((l) => l !== '')
        .join('\n'),
    ),
  );
  return out.join('\n');
}

function formatSupplyChain(sc: NonNullable<BuildoutReport['supplyChain']>): string {
  const out: string[] = [];
  out.push(
    pc.bold(
      `Can the supply chains carry it? Realistic online dates (${count(sc.trials)} Monte Carlo trials, as of ${sc.asOf})`,
    ),
  );
  out.push(
    table(
      ['campus', 'phase', 'region', 'IT', 'announced', 'P10', 'P50', 'P90', 'P(on time)', 'critical path'],
      sc.phases.map((p) => [
        p.campusId,
        p.phaseId,
        p.region,
        power(p.itMW),
        p.announced,
        p.p10,
        p.p50,
        p.p90,
        `${Math.round(100 * p.probabilityOnTime)} %`,
        p.done ? 'online' : `${p.criticalItem} (${Math.round(100 * p.criticalShare)} %)`,
      ]),
    ),
  );
  out.push('');
  out.push(pc.bold('IT capacity online by 31 December, national'));
  out.push(
    table(
      ['year', '', 'announced', 'P50', 'P90 (90 % chance of at least)'],
      sc.national.map((n) => [String(n.year), '', power(n.announcedMW), power(n.p50MW), power(n.p90MW)]),
    ),
  );
  out.push(
    pc.dim(
      [
        'Each phase: max(announced, start + the longest of its lead times). Start: an ASSUMPTION by status (operating: 36 months,',
        'under construction: 24, announced: 6 before the analysis date). Off-grid campuses wait for turbines instead of a grid connection.',
        ...sc.items.map((i) => `${i.label}: ${i.source}.`),
      ].join('\n'),
    ),
  );
  return out.join('\n');
}

const usdText = (x: number) => {
  const a = Math.abs(x);
  const t =
    a >= 1e9
      ? `$${(a / 1e9).toFixed(2)}B`
      : a >= 1e6
        ? `$${(a / 1e6).toFixed(1)}M`
        : `$${Math.round(a).toLocaleString('en-US')}`;
  return x < 0 ? `−${t}` : t;
};

function formatWhoPays(r: BuildoutReport): string {
  const out: string[] = [pc.bold('Who pays')];
  const pjm = r.whoPays.pjm;
  if (pjm !== null) {
    const c = pjm.calibration;
    out.push(
      `PJM capacity: the 2026/27 auction (published $329.17/MW-day at the collar cap, $388.57 uncapped) with the fleet's PJM load at PJM's peak added;`,
      `price from the calibrated clearing relation P = ${c.p0USDPerMWDay.toFixed(1)} × exp(−${c.kPerPct.toFixed(3)} × (reserve margin − target)) $/MW-day, no collar (it expired for 2028/29).`,
    );
    out.push(
      table(
        [
          'year',
          '',
          'added at peak',
          'firm: price',
          'Δ cost, all',
          'Δ others',
          'per household/mo',
          'flexible: Δ others',
          'BYOG: Δ others',
          'firm, with collar',
        ],
        pjm.years.map((y) => [
          String(y.year),
          '',
          power(y.addedPeakMW),
          `$${y.firm.uncappedUSDPerMWDay.toFixed(0)}`,
          usdText(y.firm.deltaCostUSD),
          usdText(y.firm.othersDeltaUSD),
          `$${y.firm.perHouseholdUSDPerMonth.toFixed(2)}`,
          usdText(y.flexible.othersDeltaUSD),
          usdText(y.byog.othersDeltaUSD),
          `$${y.firmWithCollar.priceUSDPerMWDay.toFixed(0)}, Δ ${usdText(y.firmWithCollar.othersDeltaUSD)}`,
        ]),
      ),
    );
    out.push(
      pc.dim(
        `Calibration residuals, published − model ($/MW-day): ${c.residuals.map((x) => `${x.deliveryYear} ${x.residualUSDPerMWDay >= 0 ? '+' : ''}${x.residualUSDPerMWDay.toFixed(1)}`).join(', ')}. Household: 2.37 kW at peak (ASSUMPTION, checked against Maryland OPC's $14–18/month for 2025/26).`,
      ),
    );
  }
  if (r.whoPays.ercot4CP.length > 0) {
    out.push(
      '',
      `ERCOT 4CP transmission (rate $${r.whoPays.ercot4CP[0]?.rateUSDPerKWYear}/kW-yr, an ASSUMPTION in the published $50–150+ range; TCOS held fixed):`,
    );
    out.push(
      table(
        [
          'year',
          '',
          'campus 4CP',
          'rate if firm',
          'campuses pay if firm',
          'others pay: firm',
          'others pay: avoiding the peaks',
          'shifted to others',
        ],
        r.whoPays.ercot4CP.map((e) => [
          String(e.year),
          '',
          power(e.campus4CPMW),
          `$${e.firmRateUSDPerKWYear.toFixed(1)}/kW-yr`,
          usdText(e.campusPaysFirmUSD),
          usdText(e.othersPayFirmUSD),
          usdText(e.othersPayAvoidUSD),
          usdText(e.othersPayAvoidUSD - e.othersPayFirmUSD),
        ]),
      ),
    );
  }
  if (r.whoPays.tariffs.length > 0) {
    out.push(
      '',
      'Large-load tariffs: minimum demand billed while a campus is late (realistic P50 vs announced):',
    );
    for (const t of r.whoPays.tariffs)
      out.push(
        `  ${t.campusId} (${t.tariff}): contract ${power(t.contractMW)}, ${t.monthsLate} months late → ${count(t.billedIdleMWMonths)} MW-months billed idle (no demand-charge rate sourced; × your $/kW-month).`,
      );
  }
  const sb6 = r.whoPays.sb6.filter((x) => x.applies);
  if (sb6.length > 0)
    out.push(
      '',
      `Texas SB 6 (≥ 75 MW): applies to ${sb6.map((x) => x.campusId).join(', ')}: ${sb6[0]?.obligations.join('; ')}.`,
    );
  const last = r.years[r.years.length - 1];
  const env = r.environment.filter((e) => e.year === last);
  if (env.length > 0) {
    out.push('', `CO2 and water in ${last}, by region:`);
    out.push(
      table(
        ['region', '', 'CO2 (grid lifecycle + on-site)', 'of which on-site gas', 'water on site'],
        env.map((e) => [e.region, '', tonnes(e.co2Tonnes), tonnes(e.onsiteCO2Tonnes), water(e.waterM3)]),
      ),
    );
  }
  return out.join('\n');
}

/** On-site water of the last year per register county, with the attribution rule (src/analysis/buildout/water.ts). */
function formatWaterByCounty(r: BuildoutReport): string {
  const last = r.years[r.years.length - 1];
  const rows = r.water.byCounty.filter((w) => w.year === last);
  if (rows.length === 0) return pc.dim(`No on-site water in ${last} (dry cooling, or no campus online).`);
  return [
    pc.bold(`On-site water in ${last}, by the county the campus register names`),
    table(
      ['state', 'county', 'water on site', 'campuses'],
      rows.map((w) => [w.state, w.county || '(not known)', water(w.waterM3), w.campuses.join(', ')]),
    ),
    pc.dim(r.water.rule),
  ].join('\n');
}

const csvCell = (v: unknown) => {
  const s = Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
function csv(rows: Record<string, unknown>[]): string {
  const header = Object.keys(rows[0] ?? {});
  return `${[header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\n')}\n`;
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
    ['report.json', `${JSON.stringify(r, null, 2)}\n`],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

/**
 * The report of `gigawatt buildout [name] --json` for these options (also GET and POST /api/buildout):
 * `name` a built-in or a file, or a scenario already validated (a request's).
 */
export function buildoutReportFor(name: string | Scenario, opts: BuildoutCliOptions): BuildoutReport {
  const limitsPct = parseLimitsPct(opts.curtailment);
  const historicalYears =
    opts.years === undefined
      ? undefined
      : parseYears(opts.years, [2019, 2020, 2021, 2022, 2023, 2024], 'the bundled regions');
  const chainOptions = {
    trials: positiveInt(opts.trials, '--trials', 2000),
    seed: positiveInt(opts.seed, '--seed', 1),
  };
  const { scenario, register } = inputs(name, opts, chainOptions);
  return buildoutReport(scenario, fileDataSource(), {
    dates: datesOf(opts),
    limitsPct,
    register,
    ...(historicalYears === undefined ? {} : { historicalYears }),
    supplyChain: {
      trials: positiveInt(opts.trials, '--trials', 2000),
      seed: positiveInt(opts.seed, '--seed', 1),
    },
  });
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
  const report = buildoutReportFor(name, opts);
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
      'historical UTC years of demand to judge against, e.g. 2019-2024 (default: all complete)',
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
    .option('--json', 'print the report as JSON (contract: docs/buildout.md)')
    .option(
      '-o, --out <dir>',
      'write the tables to DIR: regions, campuses and water-by-county as CSV and Parquet; national, environment, pjm-capacity, supply-chain as CSV; report.json',
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
  $ gigawatt buildout --html buildout.html     the report section: tables, chart, who pays, water`,
    )
    .action((name: string, opts: BuildoutCliOptions) => {
      buildoutCommand(name, opts);
    });
}
