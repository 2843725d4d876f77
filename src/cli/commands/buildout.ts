/**
 * `gigawatt buildout [scenario]`: the national picture of a fleet (default: the built-in us-buildout):
 * per balancing authority and year, can the grid carry the campuses; national totals; which BAs have no
 * data. A thin shell over `buildoutReportFor` (src/io/buildout-report.ts, shared with GET and POST
 * /api/buildout): options, outputs (--out, --html) and the text.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { BuildoutReport } from '../../analysis/buildout/report.js';
import { type BuildoutUncertainty, UNCERTAIN_INPUTS } from '../../analysis/buildout/uncertainty.js';
import type { Quantiles } from '../../analysis/sweep/statistics.js';
import { type BuildoutReportOptions, buildoutReportFor } from '../../io/buildout-report.js';
import { buildoutTableFiles } from '../../io/buildout-tables.js';
import { packageVersion } from '../../io/paths.js';
import { buildoutPageHtml } from '../../report/buildout.js';
import { formatBuildout } from '../format-buildout.js';
import { UsageError } from '../usage-error.js';

// The report is built in the library (src/io/buildout-report.ts), shared with /api/buildout.

export interface BuildoutCliOptions extends BuildoutReportOptions {
  json?: boolean;
  out?: string;
  html?: string;
  quiet?: boolean;
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
