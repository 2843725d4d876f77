/** `gigawatt report`: one self-contained HTML file with the dashboard's campus views of a run. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { reproductionTable } from '../../analysis/reproduce/table.js';
import { REGIONS } from '../../catalog/regions.js';
import { fileDataSource } from '../../io/data-source.js';
import { loadScenario } from '../../io/load-scenario.js';
import { packageRoot, packageVersion } from '../../io/paths.js';
import { encodeTyped } from '../../io/typed-json.js';
import { reportHtml } from '../../report/html.js';
import { reproductionSectionHtml } from '../../report/reproduction.js';
import { CAMPUS_VIEW_COLUMNS } from '../../report/view-columns.js';
import { runScenario } from '../../run.js';
import { UsageError } from '../usage-error.js';
import { reproductionInputs } from './reproduce.js';

export interface ReportOptions {
  out: string;
  /** Adds the reproduction table (as `gigawatt reproduce --no-campus`) as a section. */
  reproduce?: boolean;
}

export function reportCommand(nameOrPath: string, opts: ReportOptions): string {
  const bundle = join(packageRoot(), 'web', 'dist', 'report');
  if (!existsSync(join(bundle, 'report.js'))) {
    throw new UsageError(
      `the report bundle is not built (${bundle}/report.js): run \`npm run build:web\` first`,
      1,
    );
  }
  const { scenario, raw, file } = loadScenario(nameOrPath);
  const result = runScenario(scenario, fileDataSource(), { raw });
  const sites = result.sites.map(({ hourly }) => ({
    siteId: hourly.siteId,
    startMs: hourly.startMs,
    hours: hourly.hours,
    columns: Object.fromEntries(CAMPUS_VIEW_COLUMNS.map((c) => [c, hourly[c]])),
  }));
  const data = {
    generated: new Date().toISOString().slice(0, 10),
    version: packageVersion(),
    yaml: readFileSync(file, 'utf8'),
    regions: REGIONS.map((r) => r.id),
    // Hourly series as float32 (7 significant digits, half the size); the summary keeps full precision.
    run: { raw, summary: result.summary, sites: encodeTyped(sites, { float32: true }), units: {} },
  };
  const html = reportHtml({
    title: result.summary.title ?? result.summary.scenario,
    js: readFileSync(join(bundle, 'report.js'), 'utf8'),
    css: readFileSync(join(bundle, 'report.css'), 'utf8'),
    dataJson: JSON.stringify(data),
    ...(opts.reproduce === true
      ? { sectionsHtml: reproductionSectionHtml(reproductionTable(reproductionInputs({ campus: false }))) }
      : {}),
  });
  writeFileSync(opts.out, html);
  return opts.out;
}

/** Registers `gigawatt report`. */
export function registerReport(cli: Command): void {
  cli
    .command('report')
    .description('write one self-contained HTML report (charts and data inline, opens offline) of a scenario')
    .argument('[scenario]', 'scenario file or built-in name', 'anthropic-fluidstack')
    .option('-o, --out <file>', 'HTML file to write', 'report.html')
    .option(
      '--reproduce',
      'add the section "Reproducing published figures": the table of gigawatt reproduce --no-campus',
    )
    .addHelpText(
      'after',
      `
The report has the dashboard's campus views: headline numbers, the map, a zoomable year of hourly
power, monthly energy, PUE, CO2 and water, compute and capex by year, every metric by site, the
scenario YAML and every value used with its source. Each chart exports as PNG, SVG and CSV.
With --reproduce it also has the table of gigawatt reproduce --no-campus (model vs published vs
tolerance, pass/MISS, each row's source and note).
Needs the web build (npm run build:web).

Examples:
  $ gigawatt report -o texas-new-york.html
  $ gigawatt report stargate-abilene -o abilene.html
  $ gigawatt report stargate-abilene --reproduce -o abilene.html
  $ gigawatt report my-campus.yaml -o my-campus.html`,
    )
    .action((scenario: string, opts: ReportOptions) => {
      const out = reportCommand(scenario, opts);
      process.stderr.write(`wrote ${out}\n`);
    });
}
