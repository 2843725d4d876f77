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
  NORRIS_2025_BASIS,
  NORRIS_2025_NATIONAL_GW,
  seasonalThresholds,
  solveHeadroomMW,
} from '../../analysis/headroom.js';
import {
  DEMAND_HISTORIES,
  type DemandHistory,
  findDemandHistory,
  getRegion,
  REGIONS,
  type Region,
} from '../../catalog/regions.js';
import { completeYears } from '../../engine/replay.js';
import { HOUR_MS } from '../../engine/series.js';
import { fileDataSource } from '../../io/data-source.js';
import { DemandQuality, loadDemandHistory } from '../../io/grid.js';
import { loadScenario } from '../../io/load-scenario.js';
import { dataDir } from '../../io/paths.js';
import { runScenario } from '../../run.js';
import { count, energy, power, table } from '../quantities.js';
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
  'EIA-930 demand_cleaned_MW (Ruggles & Farnham, doi:10.5281/zenodo.3517197; data/grid/PROVENANCE.md §1, PROVENANCE-extension.md)';
/** The window of years used by default where the data have them: that of Norris et al. (2025). */
export const DEFAULT_YEARS = { first: 2016, last: 2024 } as const;
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

/** A balancing authority with bundled demand history, by catalog id or EIA code, or a UsageError listing them. */
export function historyOrUsage(id: string, path = '--region'): DemandHistory {
  const h = findDemandHistory(id);
  if (h !== undefined) return h;
  const allowed = DEMAND_HISTORIES.map((x) =>
    x.regionId === null || x.regionId === x.eiaBaCode ? x.eiaBaCode : `${x.regionId} (${x.eiaBaCode})`,
  );
  throw new UsageError(`${path}: unknown balancing authority '${id}'; allowed: all, ${allowed.join(', ')}`);
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
  if (text === undefined) {
    const inWindow = available.filter((y) => y >= DEFAULT_YEARS.first && y <= DEFAULT_YEARS.last);
    return inWindow.length > 0 ? inWindow : [...available];
  }
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

function utcOffsetFor(history: DemandHistory, clock: string | undefined): number {
  const c = clock ?? 'local';
  if (c === 'utc') return 0;
  if (c !== 'local') throw new UsageError(`--clock: must be one of: local, utc (got "${c}")`);
  return history.seasonUtcOffsetHours;
}

const clockText = (offset: number) =>
  offset === 0 ? 'UTC' : `UTC${offset < 0 ? '−' : '+'}${Math.abs(offset)}`;

interface RegionData {
  history: DemandHistory;
  /** Catalog id, or the EIA code of a demand-only BA. */
  id: string;
  years: number[];
  offset: number;
  screened: ScreenedDemand;
  /** `DemandQuality` of each screened hour. */
  quality: Uint8Array;
}

function regionData(regionId: string, opts: HeadroomOptions): RegionData {
  const history = historyOrUsage(regionId);
  const id = history.regionId ?? history.eiaBaCode;
  const loaded = loadDemandHistory(history.eiaBaCode, dataDir());
  const years = parseYears(opts.years, completeYears(loaded.demandMW), id);
  const offset = utcOffsetFor(history, opts.clock);
  const screened = screenDemand(loaded.demandMW, { years });
  const quality = new Uint8Array(screened.timeMs.length);
  for (let t = 0; t < quality.length; t++) {
    const i = Math.round(((screened.timeMs[t] as number) - loaded.demandMW.startMs) / HOUR_MS);
    quality[t] = loaded.quality[i] as number;
  }
  return { history, id, years, offset, screened, quality };
}

/** What the figures of one BA rest on: shares of imputed and unflagged hours, and the peak hours' quality. */
export interface DataQualityJson {
  imputedOrFlaggedHours: number;
  imputedOrFlaggedPct: number;
  /** Hours whose source carries no screening flag (2020–2024 sub-BA sums). */
  unflaggedHours: number;
  summerPeakImputedOrFlagged: boolean;
  winterPeakImputedOrFlagged: boolean;
  caveats: readonly string[];
}

function dataQuality(d: RegionData, a: HeadroomAnalysis): DataQualityJson {
  let flagged = 0;
  let unflagged = 0;
  for (const q of d.quality) {
    if (q === DemandQuality.imputedOrFlagged) flagged++;
    else if (q === DemandQuality.unflagged) unflagged++;
  }
  const qualityAt = (ms: number) => {
    const t = d.screened.timeMs.indexOf(ms);
    return t < 0 ? DemandQuality.okay : d.quality[t];
  };
  const n = d.quality.length;
  return {
    imputedOrFlaggedHours: flagged,
    imputedOrFlaggedPct: n === 0 ? 0 : (100 * flagged) / n,
    unflaggedHours: unflagged,
    summerPeakImputedOrFlagged: qualityAt(a.thresholds.summerPeakTimeMs) === DemandQuality.imputedOrFlagged,
    winterPeakImputedOrFlagged: qualityAt(a.thresholds.winterPeakTimeMs) === DemandQuality.imputedOrFlagged,
    caveats: d.history.caveats,
  };
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
    region: d.id,
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
    dataQuality: dataQuality(d, a),
  };
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

function qualityText(q: DataQualityJson): string {
  const peaks = [
    q.summerPeakImputedOrFlagged ? 'the summer peak hour is imputed/flagged' : '',
    q.winterPeakImputedOrFlagged ? 'the winter peak hour is imputed/flagged' : '',
  ].filter((x) => x !== '');
  return (
    `Source flags: ${pct(q.imputedOrFlaggedPct, 2)} of hours imputed or corrected upstream` +
    (q.unflaggedHours > 0 ? `, ${count(q.unflaggedHours)} h without a flag (2020–2024 sub-BA sums)` : '') +
    (peaks.length > 0 ? `; ${peaks.join(' and ')}` : '; both peak hours measured') +
    (q.caveats.length > 0 ? `. Caveats: ${q.caveats.join('; ')}.` : '.')
  );
}

function formatRegion(d: RegionData, a: HeadroomAnalysis): string {
  const th = a.thresholds;
  const peak = Math.max(th.summerPeakMW, th.winterPeakMW);
  const Y = a.years.length;
  const out: string[] = [];
  out.push(pc.bold(`gigawatt headroom · ${d.id} — ${d.history.name}`));
  out.push(
    `New constant load that ${d.id} could serve with the curtailment rate held to each limit, UTC years ${spanText(a.years)} (${count(a.hours)} h).`,
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
        qualityText(dataQuality(d, a)),
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

/** One BA's row in `gigawatt headroom` over every bundled BA. */
export interface NationalRow {
  region: string;
  eiaBaCode: string;
  name: string;
  years: number[];
  peakMW: number;
  /** Headroom at each limit, in the order of `limitsPct`, MW. */
  headroomMW: number[];
  dataQuality: DataQualityJson;
}

/** `gigawatt headroom` (no region, or `--region all`): every BA with bundled demand, and their sum. */
export function nationalHeadroom(opts: HeadroomOptions) {
  const limitsPct = parseLimitsPct(opts.curtailment);
  const rows: NationalRow[] = DEMAND_HISTORIES.map((h) => {
    const { data, analysis } = regionHeadroom({
      ...opts,
      region: h.eiaBaCode,
      curtailment: opts.curtailment,
    });
    return {
      region: data.id,
      eiaBaCode: h.eiaBaCode,
      name: h.name,
      years: data.years,
      peakMW: Math.max(analysis.thresholds.summerPeakMW, analysis.thresholds.winterPeakMW),
      headroomMW: analysis.results.map((r) => r.headroomMW),
      dataQuality: dataQuality(data, analysis),
    };
  });
  const total = limitsPct.map((p, k) => {
    const reference = NORRIS_2025_NATIONAL_GW[String(p)];
    const headroomMW = rows.reduce((sum, r) => sum + (r.headroomMW[k] as number), 0);
    return {
      curtailmentPct: p,
      headroomMW,
      ...(reference === undefined
        ? {}
        : { norris2025MW: reference * 1000, ratioToNorris2025: headroomMW / (reference * 1000) }),
    };
  });
  const yearSets = [...new Set(rows.map((r) => spanText(r.years)))];
  return {
    bas: rows.length,
    years: yearSets.length === 1 ? (rows[0]?.years ?? []) : null,
    limitsPct,
    rows,
    total,
    reference: { basis: NORRIS_2025_BASIS, nationalGW: NORRIS_2025_NATIONAL_GW },
    source: DEMAND_SOURCE,
    method: METHOD,
  };
}

function formatNational(x: ReturnType<typeof nationalHeadroom>): string {
  const out: string[] = [];
  const years = x.years === null ? 'per BA (see the years column)' : spanText(x.years);
  out.push(pc.bold(`gigawatt headroom · ${x.bas} balancing authorities, UTC years ${years}`));
  out.push(
    'New constant load each BA could serve with the curtailment rate held to each limit (each BA alone, against its own peaks).',
  );
  out.push('');
  const flag = (r: NationalRow) => {
    const q = r.dataQuality;
    const marks: string[] = [];
    if (q.summerPeakImputedOrFlagged || q.winterPeakImputedOrFlagged) marks.push('peak imputed');
    if (q.caveats.length > 0) marks.push(`caveat${q.caveats.length > 1 ? 's' : ''}`);
    return marks.join(', ');
  };
  const rows = x.rows.map((r) => [
    r.region,
    spanText(r.years),
    power(r.peakMW),
    ...r.headroomMW.map((mw) => power(mw)),
    pct(r.dataQuality.imputedOrFlaggedPct, 2),
    flag(r),
  ]);
  rows.push([`total (${x.bas} BAs)`, '', '', ...x.total.map((t) => power(t.headroomMW)), '', '']);
  const ref = x.total.map((t) => ('norris2025MW' in t ? power(t.norris2025MW as number) : '—'));
  if (ref.some((r) => r !== '—'))
    rows.push(['Norris et al. 2025 (22 BAs, 2016–2024)', '', '', ...ref, '', '']);
  out.push(
    table(['BA', 'years', 'peak', ...x.limitsPct.map((p) => `@${limitText(p)}`), 'imputed', 'flags'], rows),
  );
  out.push('');
  const caveats = x.rows
    .filter(
      (r) =>
        r.dataQuality.caveats.length > 0 ||
        r.dataQuality.summerPeakImputedOrFlagged ||
        r.dataQuality.winterPeakImputedOrFlagged,
    )
    .map((r) => {
      const q = r.dataQuality;
      const peaks = [
        q.summerPeakImputedOrFlagged ? 'summer peak hour imputed/flagged' : '',
        q.winterPeakImputedOrFlagged ? 'winter peak hour imputed/flagged' : '',
      ].filter((s) => s !== '');
      return `  ${r.region}: ${[...peaks, ...q.caveats].join('; ')}`;
    });
  out.push(
    pc.dim(
      [
        'imputed: share of the hours analysed that the source imputed or corrected (demand_cleaned_category not OKAY); 2020–2024 sub-BA sums carry no flag.',
        'The total is the sum of the BAs bundled here, each against its own peaks; it is not a coincident national figure.',
        ...(caveats.length > 0 ? ['Caveats (data/grid/PROVENANCE-extension.md):', ...caveats] : []),
        `Reference: ${x.reference.basis}. Method: ${METHOD}; see docs/grid-headroom.md. Demand: ${DEMAND_SOURCE}.`,
      ].join('\n'),
    ),
  );
  return out.join('\n');
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
  if (opts.region === undefined || opts.region.toLowerCase() === 'all') {
    const x = nationalHeadroom(opts);
    process.stdout.write(`${opts.json ? JSON.stringify(x, null, 2) : formatNational(x)}\n`);
    return;
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
      'balancing authority: catalog id (ERCOT, NYISO, PJM, …), EIA code (ERCO, NYIS, FPL, …), or all (the default: every bundled BA and the national total)',
    )
    .option(
      '-s, --scenario <file>',
      'instead: each site of a scenario (file or built-in name) as the new load in its region',
    )
    .option(
      '-y, --years <years>',
      'UTC years to analyse: a range (2019-2024) or a list (2019,2021); default: 2016–2024 where complete (the window of Norris et al.)',
    )
    .option(
      '-c, --curtailment <pct>',
      'curtailment-rate limits in percent of the new load’s energy',
      '0.25,0.5,1,5',
    )
    .option('--clock <clock>', 'clock for the seasons: local (the region’s standard time) or utc', 'local')
    .option(
      '--json',
      'print JSON: {region, years, results, cleaning, dataQuality}, or for all BAs {bas, years, rows, total, …} (docs/grid-headroom.md)',
    )
    .addHelpText(
      'after',
      `
A constant new load L is added to the region's historical hourly demand. Hours of April–October may
reach the highest demand ever seen in June–August, hours of November–March the highest seen in
December–February; anything above is curtailed from the new load. The headroom at a limit is the
largest L whose curtailed energy stays within that share of L × hours (mean of the years).

Examples:
  $ gigawatt headroom                      every bundled BA (31), 2016–2024, and the national total
  $ gigawatt headroom --region ERCOT
  $ gigawatt headroom --region PJM --years 2022-2024 --curtailment 0.5,1 --json
  $ gigawatt headroom --region NYIS --years 2019,2021
  $ gigawatt headroom --scenario anthropic-fluidstack`,
    )
    .action((opts: HeadroomOptions) => {
      headroomCommand(opts);
    });
}
