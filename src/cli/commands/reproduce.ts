/**
 * `gigawatt reproduce`: runs published reference cases through the model and prints model vs published vs
 * tolerance, pass/miss and the source of each (the cases: src/analysis/reproduce/; docs/reproduce.md).
 * This command does the I/O: probe files, weather years, grid series, and full runs of the built-in
 * campus scenarios. A miss is a finding, not an error: the exit status is 0 whenever the table was built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { formatReproValue, type ReproCase, toleranceText } from '../../analysis/reproduce/case.js';
import { type ReproductionInputs, reproductionTable } from '../../analysis/reproduce/table.js';
import { getAccelerator } from '../../catalog/accelerators.js';
import { calibrationPointsFromProbe } from '../../catalog/power-curve.js';
import { REGIONS } from '../../catalog/regions.js';
import { fileDataSource } from '../../io/data-source.js';
import { loadElectricityMapsIntensity, loadRegionHourly } from '../../io/grid.js';
import { loadScenario } from '../../io/load-scenario.js';
import { dataDir } from '../../io/paths.js';
import { loadWeather } from '../../io/weather.js';
import { runScenario } from '../../run.js';

export interface ReproduceOptions {
  json?: boolean;
  /** `false` with --no-campus: skip the full scenario runs (their rows show no model value). */
  campus?: boolean;
}

function probe(chip: 'h200' | 'h100') {
  const dir = join(dataDir(), 'calibration');
  const summary = JSON.parse(readFileSync(join(dir, `${chip}_power_summary.json`), 'utf8')) as unknown;
  const samples = readFileSync(join(dir, `${chip}_power_samples.csv`), 'utf8');
  const board = getAccelerator(chip)?.boardPowerW.value;
  if (board === undefined || board === null) throw new Error(`catalog ${chip} has no board power`);
  return { chip, points: calibrationPointsFromProbe(summary, samples), boardPowerW: board };
}

/** Loads everything the cases need. */
export function reproductionInputs(opts: ReproduceOptions = {}): ReproductionInputs {
  const dir = dataDir();
  const carbon = REGIONS.flatMap((r) => {
    const em = loadElectricityMapsIntensity(r.id, dir, 'lifecycle');
    if (em === undefined) return [];
    const hourly = loadRegionHourly(r.id, dir);
    return [
      { regionId: r.id, model: hourly.carbonGPerKWh, electricityMaps: em, modelBasis: hourly.carbonBasis },
    ];
  });
  const peaks = new Map<string, number | null>();
  const peakFacilityMW = (name: string): number | null => {
    if (!peaks.has(name)) {
      const { scenario, raw } = loadScenario(name);
      const run = runScenario(scenario, fileDataSource(), { raw });
      peaks.set(name, run.summary.totals.peakFacilityMW);
    }
    return peaks.get(name) ?? null;
  };
  return {
    probes: [probe('h200'), probe('h100')],
    weather: (id) => loadWeather(id, dir),
    carbon,
    ...(opts.campus === false ? {} : { peakFacilityMW }),
  };
}

function formatTable(cases: readonly ReproCase[], passed: number): string {
  const header = ['case', 'model', 'published', 'unit', 'tolerance', 'result'];
  const rows = cases.map((c) => [
    c.id,
    formatReproValue(c.model),
    formatReproValue(c.published),
    c.unit,
    toleranceText(c.tolerance),
    c.pass ? 'pass' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 || i === 3 || i === 5 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number),
      )
      .join('  ');
  const out: string[] = [];
  out.push(pc.bold('gigawatt reproduce · published reference cases through the model'));
  out.push('');
  out.push(pc.bold(line(header)));
  let group = '';
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i] as ReproCase;
    if (c.group !== group) {
      group = c.group;
      out.push(pc.dim(`— ${group}`));
    }
    const text = line(rows[i] as string[]);
    out.push(c.pass ? text : pc.yellow(text));
  }
  out.push('');
  out.push(
    `${passed} of ${cases.length} cases agree within their tolerance; ${cases.length - passed} miss (kept, with their explanation).`,
  );
  out.push('');
  out.push(pc.bold('Sources and notes'));
  for (const c of cases) {
    out.push(`${c.id} — ${c.quantity}`);
    out.push(pc.dim(`  published: ${c.source}`));
    out.push(pc.dim(`  model: ${c.modelBasis}`));
    out.push(pc.dim(`  note: ${c.note}`));
  }
  return out.join('\n');
}

export function reproduceCommand(opts: ReproduceOptions): void {
  const table = reproductionTable(reproductionInputs(opts));
  process.stdout.write(
    `${opts.json ? JSON.stringify(table, null, 2) : formatTable(table.cases, table.passed)}\n`,
  );
}

/** Registers `gigawatt reproduce`. */
export function registerReproduce(cli: Command): void {
  cli
    .command('reproduce')
    .description(
      'run published reference cases through the model: model vs published vs tolerance, with sources',
    )
    .option(
      '--json',
      'print JSON: {cases: [{id, group, quantity, unit, model, published, tolerance, pass, source, modelBasis, note}], passed, failed}',
    )
    .option('--no-campus', 'skip the full runs of the built-in campus scenarios (their rows are left out)')
    .addHelpText(
      'after',
      `
Cases: system power of DGX/HGX servers and NVL72 racks (catalog vs published), the H200/H100 probe
curves, PUE and WUE of the cooling designs at their reference climate, Llama 3 effective training
time, the Young/Daly checkpoint optimum, hourly carbon vs Electricity Maps, the headroom method on
synthetic series with known answers, and campus power vs announced figures. A miss stays in the
table with its explanation (docs/reproduce.md). Exit status 0 whenever the table was built.

Examples:
  $ gigawatt reproduce
  $ gigawatt reproduce --no-campus --json`,
    )
    .action((opts: ReproduceOptions) => {
      reproduceCommand(opts);
    });
}
