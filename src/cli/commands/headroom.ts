/**
 * `gigawatt headroom`: how much new flexible load a balancing authority can absorb at a given curtailment
 * rate (Norris et al., *Rethinking Load Growth*, Duke Nicholas Institute 2025; method in
 * src/analysis/headroom.ts, docs/grid-headroom.md), and, with `--scenario`, what each site of a scenario
 * would be curtailed in its region at its size.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { type ScreenedDemand, screenDemand } from '../../analysis/demand-cleaning.js';
import {
  analyseHeadroom,
  type CurtailmentStats,
  curtailmentStats,
  DEFAULT_CURTAILMENT_LIMITS_PCT,
  type HeadroomAnalysis,
  headroomCurve,
  SEASON_UTC_OFFSET_HOURS,
  seasonalThresholds,
  solveHeadroomMW,
} from '../../analysis/headroom.js';
import { getRegion, REGIONS, type Region } from '../../catalog/regions.js';
import { completeYears } from '../../engine/replay.js';
import { fileDataSource } from '../../io/data-source.js';
import { loadRegionHourly } from '../../io/grid.js';
import { loadScenario } from '../../io/load-scenario.js';
import { dataDir } from '../../io/paths.js';
import { runScenario } from '../../run.js';
import { count, energy, power } from '../format.js';
import { UsageError } from '../usage-error.js';

export interface HeadroomOptions {
  region?: string;
  scenario?: string;
  years?: string;
  curtailment?: string;
  clock?: string;
  json?: boolean;
}

const DEMAND_SOURCE =
  'EIA-930 demand_cleaned_MW (Ruggles & Farnham, doi:10.5281/zenodo.3517197; data/grid/PROVENANCE.md §1)';
const METHOD =
  'Norris, Profeta, Patiño-Echeverri & Cowie-Haskell, Rethinking Load Growth, Duke Nicholas Institute NI R 25-01 (2025)';

/** A region by catalog id or EIA code, or a UsageError listing both. */
export function regionOrUsage(id: string, path = '--region'): Region {
  try {
    return getRegion(id);
  } catch {
    const allowed = REGIONS.map((r) => (r.eiaBaCode === r.id ? r.id : `${r.id} (${r.eiaBaCode})`));
    throw new UsageError(`${path}: unknown region '${id}'; allowed: ${allowed.join(', ')}`);
  }
}

const spanText = (years: readonly number[]) => {
  const contiguous = years.every((y, i) => i === 0 || y === (years[i - 1] as number) + 1);
  return years.length > 2 && contiguous ? `${years[0]}–${years[years.length - 1]}` : years.join(', ');
};

/** Parses `2019-2024`, `2019,2021` or `2019-2020,2023` into sorted distinct years; checks they have data. */
export function parseYears(
  text: string | undefined,
  available: readonly number[],
  regionId: string,
): number[] {
  if (text === undefined) return [...available];
  const out = new Set<number>();
  for (const part of text.split(',').map((s) => s.trim())) {
    const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(part);
    if (m === null) {
      throw new UsageError(
        `--years: '${part}' is not a year or a range (got "${text}"); write e.g. 2019-2024 or 2019,2021`,
      );
    }
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) throw new UsageError(`--years: range '${part}' runs backwards; write ${b}-${a}`);
    for (let y = a; y <= b; y++) out.add(y);
  }
  const years = [...out].sort((x, y) => x - y);
  const missing = years.filter((y) => !available.includes(y));
  if (missing.length > 0) {
    throw new UsageError(
      `--years: ${regionId} has no complete demand data for ${missing.join(', ')}; years with data: ${spanText(available)}`,
    );
  }
  return years;
}

/** Parses `0.25,0.5,1,5` (percent) into limits, each in (0, 100). */
export function parseLimitsPct(text: string | undefined): number[] {
  if (text === undefined) return [...DEFAULT_CURTAILMENT_LIMITS_PCT];
  const parts = text.split(',').map((s) => s.trim().replace(/%$/, ''));
  return parts.map((p) => {
    const x = p === '' ? Number.NaN : Number(p);
    if (!Number.isFinite(x) || x <= 0 || x >= 100) {
      throw new UsageError(
        `--curtailment: '${p}' is not a percentage in (0, 100) (got "${text}"); write e.g. 0.25,0.5,1,5`,
      );
    }
    return x;
  });
}

function utcOffsetFor(region: Region, clock: string | undefined): number {
  const c = clock ?? 'local';
  if (c === 'utc') return 0;
  if (c !== 'local') throw new UsageError(`--clock: must be one of: local, utc (got "${c}")`);
  return SEASON_UTC_OFFSET_HOURS[region.id] ?? 0;
}

const clockText = (offset: number) =>
  offset === 0 ? 'UTC' : `UTC${offset < 0 ? '−' : '+'}${Math.abs(offset)}`;

interface RegionData {
  region: Region;
  years: number[];
  offset: number;
  screened: ScreenedDemand;
}

function regionData(regionId: string, opts: HeadroomOptions): RegionData {
  const region = regionOrUsage(regionId);
  const demand = loadRegionHourly(region.id, dataDir()).demandMW;
  const years = parseYears(opts.years, completeYears(demand), region.id);
  const offset = utcOffsetFor(region, opts.clock);
  const screened = screenDemand(demand, { years });
  return { region, years, offset, screened };
}

/** The `cleaning` object of the JSON output. */
function cleaningJson(d: RegionData) {
  return {
    source: DEMAND_SOURCE,
    hoursInYears: d.screened.hoursInYears,
    hoursAnalysed: d.screened.timeMs.length,
    seasonClock: d.offset === 0 ? 'UTC' : `UTC${d.offset < 0 ? '-' : '+'}${Math.abs(d.offset)}`,
    rules: d.screened.rules,
  };
}

/** The result of `gigawatt headroom --region … --json` (the documented contract). */
export function headroomJson(d: RegionData, a: HeadroomAnalysis) {
  return {
    region: d.region.id,
    years: d.years,
    results: a.results.map((r) => ({
      curtailmentPct: r.curtailmentPct,
      headroomMW: r.headroomMW,
      curtailedHoursPerYear: r.curtailedHoursPerYear,
      meanEventHours: r.meanEventHours,
      events: r.events,
      retained50Pct: r.retained50Pct,
      retained75Pct: r.retained75Pct,
      retained90Pct: r.retained90Pct,
    })),
    cleaning: cleaningJson(d),
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  return [pc.bold(line(header)), ...rows.map(line)].join('\n');
}

const pct = (x: number, digits = 1) => `${x.toFixed(digits)} %`;
const limitText = (x: number) => `${x} %`;
const hoursText = (x: number) => `${x < 10 ? x.toFixed(1) : count(x)} h`;

function localTime(ms: number, offset: number): string {
  const s = new Date(ms + offset * 3_600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} ${clockText(offset)}`;
}

function cleaningText(d: RegionData): string {
  const parts = d.screened.rules.map((r) => `${r.id} ${count(r.hoursTouched)} h`);
  return `Screening of the cleaned demand: ${parts.join(', ')} (of ${count(d.screened.hoursInYears)} h).`;
}

function formatRegion(d: RegionData, a: HeadroomAnalysis): string {
  const th = a.thresholds;
  const peak = Math.max(th.summerPeakMW, th.winterPeakMW);
  const Y = a.years.length;
  const out: string[] = [];
  out.push(pc.bold(`gigawatt headroom · ${d.region.id} — ${d.region.name}`));
  out.push(
    `New constant load that ${d.region.id} could serve with the curtailment rate held to each limit, UTC years ${spanText(a.years)} (${count(a.hours)} h).`,
  );
  out.push(
    `Thresholds, with seasons and times in ${d.offset === 0 ? 'UTC' : `local standard time ${clockText(d.offset)}`}: Apr–Oct hours up to the summer peak ${power(th.summerPeakMW)} ` +
      `(${localTime(th.summerPeakTimeMs, d.offset)}), Nov–Mar hours up to the winter peak ${power(th.winterPeakMW)} ` +
      `(${localTime(th.winterPeakTimeMs, d.offset)}).`,
  );
  out.push('');
  out.push(
    table(
      [
        'curtailment limit',
        'headroom',
        '% of peak',
        'curtailed',
        'events',
        'mean event',
        '≥50 % kept',
        '≥75 % kept',
        '≥90 % kept',
      ],
      a.results.map((r) => [
        limitText(r.curtailmentPct),
        power(r.headroomMW),
        pct((100 * r.headroomMW) / peak),
        `${hoursText(r.curtailedHoursPerYear)}/yr`,
        `${(r.events / Y).toFixed(1)}/yr`,
        `${r.meanEventHours.toFixed(1)} h`,
        pct(r.retained50Pct, 0),
        pct(r.retained75Pct, 0),
        pct(r.retained90Pct, 0),
      ]),
    ),
  );
  out.push('');
  out.push(
    pc.dim(
      [
        `curtailment limit: curtailed energy / the new load's energy, mean of the years. % of peak: of ${power(peak)}, the highest hour.`,
        'curtailed: hours per year with any curtailment; events: runs of consecutive curtailed hours; ≥50 % kept: share',
        'of curtailed hours in which at least half of the new load still runs.',
        cleaningText(d),
        `Method: ${METHOD}; see docs/grid-headroom.md. Demand: ${DEMAND_SOURCE}.`,
      ].join('\n'),
    ),
  );
  return out.join('\n');
}

/** `gigawatt headroom --region …`: the analysis and its output (text or the JSON contract). */
export function regionHeadroom(opts: HeadroomOptions & { region: string }): {
  data: RegionData;
  analysis: HeadroomAnalysis;
} {
  const limitsPct = parseLimitsPct(opts.curtailment);
  const data = regionData(opts.region, opts);
  const analysis = analyseHeadroom({
    timeMs: data.screened.timeMs,
    demandMW: data.screened.demandMW,
    utcOffsetHours: data.offset,
    limitsPct,
  });
  return { data, analysis };
}

interface SiteExposure extends CurtailmentStats {
  id: string;
  region: string;
  years: readonly number[];
  /** The region's headroom at the scenario-mode reference limit (0.5 %), MW. */
  regionHeadroomAtHalfPctMW: number;
}

/** `gigawatt headroom --scenario …`: each site's peak facility load as the new load L in its region. */
export function scenarioExposure(opts: HeadroomOptions & { scenario: string }) {
  const { scenario, raw } = loadScenario(opts.scenario);
  const run = runScenario(scenario, fileDataSource(), { raw });
  const byRegion = new Map<string, { data: RegionData; curve: ReturnType<typeof headroomCurve> }>();
  const sites: SiteExposure[] = scenario.sites.map((site, i) => {
    const regionId = regionOrUsage(site.region, `sites[${i}].region`).id;
    let entry = byRegion.get(regionId);
    if (entry === undefined) {
      const data = regionData(regionId, opts);
      const th = seasonalThresholds(data.screened.timeMs, data.screened.demandMW, data.offset);
      entry = { data, curve: headroomCurve(data.screened.timeMs, data.screened.demandMW, th.thresholdMW) };
      byRegion.set(regionId, entry);
    }
    const loadMW = (run.summary.sites[i] as { peakFacilityMW: number }).peakFacilityMW;
    return {
      id: site.id,
      region: regionId,
      years: entry.data.years,
      regionHeadroomAtHalfPctMW: solveHeadroomMW(entry.curve, 0.005),
      ...curtailmentStats(entry.curve, loadMW),
    };
  });
  const cleaning = Object.fromEntries([...byRegion].map(([id, e]) => [id, cleaningJson(e.data)]));
  return { scenario: scenario.name, sites, cleaning };
}

function formatScenario(x: ReturnType<typeof scenarioExposure>): string {
  const out: string[] = [];
  out.push(pc.bold(`gigawatt headroom · ${x.scenario}: curtailment each site would face at its peak load`));
  out.push(
    'Each site alone is the new constant load L (its peak facility power from the run), added to its region’s historical demand.',
  );
  out.push('');
  out.push(
    table(
      [
        'site',
        'region',
        'load',
        'region headroom @0.5 %',
        'curtailment rate',
        'curtailed energy',
        'curtailed',
        'events',
        'mean event',
        'longest',
        '≥50 % kept',
      ],
      x.sites.map((s) => [
        s.id,
        s.region,
        power(s.loadMW),
        power(s.regionHeadroomAtHalfPctMW),
        pct(s.curtailmentPct, 3),
        `${energy(s.curtailedEnergyMWhPerYear)}/yr`,
        `${hoursText(s.curtailedHoursPerYear)}/yr`,
        `${s.eventsPerYear.toFixed(1)}/yr`,
        `${s.meanEventHours.toFixed(1)} h`,
        `${s.longestEventHours} h`,
        pct(s.retained50Pct, 0),
      ]),
    ),
  );
  out.push('');
  const years = [...new Set(x.sites.map((s) => spanText(s.years)))].join('; ');
  out.push(
    pc.dim(
      `UTC years ${years}. Sites in the same region are counted alone, not together. Method: ${METHOD}; see docs/grid-headroom.md.`,
    ),
  );
  return out.join('\n');
}

export function headroomCommand(opts: HeadroomOptions): void {
  if (opts.region !== undefined && opts.scenario !== undefined)
    throw new UsageError('give either --region or --scenario, not both');
  if (opts.scenario !== undefined) {
    parseLimitsPct(opts.curtailment);
    const x = scenarioExposure({ ...opts, scenario: opts.scenario });
    process.stdout.write(`${opts.json ? JSON.stringify(x, null, 2) : formatScenario(x)}\n`);
    return;
  }
  if (opts.region === undefined) {
    throw new UsageError(
      `give --region (one of: ${REGIONS.map((r) => r.id).join(', ')}) or --scenario FILE|builtin`,
    );
  }
  const { data, analysis } = regionHeadroom({ ...opts, region: opts.region });
  process.stdout.write(
    `${opts.json ? JSON.stringify(headroomJson(data, analysis), null, 2) : formatRegion(data, analysis)}\n`,
  );
}

/** Registers `gigawatt headroom`. */
export function registerHeadroom(cli: Command): void {
  cli
    .command('headroom')
    .description(
      'how much new flexible load a grid region can absorb at a given curtailment rate (Duke method), or what a scenario’s sites would be curtailed',
    )
    .option(
      '-r, --region <id>',
      'balancing authority: catalog id (ERCOT, NYISO, PJM, …) or EIA code (ERCO, NYIS, …)',
    )
    .option(
      '-s, --scenario <file>',
      'instead: each site of a scenario (file or built-in name) as the new load in its region',
    )
    .option(
      '-y, --years <years>',
      'UTC years to analyse: a range (2019-2024) or a list (2019,2021); default: all complete',
    )
    .option(
      '-c, --curtailment <pct>',
      'curtailment-rate limits in percent of the new load’s energy',
      '0.25,0.5,1,5',
    )
    .option('--clock <clock>', 'clock for the seasons: local (the region’s standard time) or utc', 'local')
    .option('--json', 'print JSON: {region, years, results: [...], cleaning} (see docs/grid-headroom.md)')
    .addHelpText(
      'after',
      `
A constant new load L is added to the region's historical hourly demand. Hours of April–October may
reach the highest demand ever seen in June–August, hours of November–March the highest seen in
December–February; anything above is curtailed from the new load. The headroom at a limit is the
largest L whose curtailed energy stays within that share of L × hours (mean of the years).

Examples:
  $ gigawatt headroom --region ERCOT
  $ gigawatt headroom --region PJM --years 2022-2024 --curtailment 0.5,1 --json
  $ gigawatt headroom --region NYIS --years 2019,2021
  $ gigawatt headroom --scenario anthropic-fluidstack`,
    )
    .action((opts: HeadroomOptions) => {
      headroomCommand(opts);
    });
}
