/**
 * The reports of `gigawatt headroom` and GET /api/headroom, built from the bundled EIA-930 demand
 * (`loadDemandHistory`): one balancing authority (`regionHeadroom`, `headroomJson`: the JSON contract
 * of docs/grid-headroom.md), every bundled BA and their sum (`nationalHeadroom`), or the sites of a
 * scenario (`scenarioExposure`). The method is src/analysis/headroom.ts; the options come as text
 * (src/analysis/headroom-options.ts); the CLI (src/cli/commands/headroom.ts) formats them and the
 * server (src/server/compute/headroom-body.ts) serialises them.
 */
import { type ScreenedDemand, screenDemand } from '../analysis/demand-cleaning.js';
import {
  analyseHeadroom,
  type CurtailmentStats,
  curtailmentStats,
  type HeadroomAnalysis,
  headroomCurve,
  NORRIS_2025_BASIS,
  NORRIS_2025_NATIONAL_GW,
  seasonalThresholds,
  solveHeadroomMW,
} from '../analysis/headroom.js';
import {
  historyOrUsage,
  parseLimitsPct,
  parseYears,
  regionOrUsage,
  spanText,
  utcOffsetFor,
} from '../analysis/headroom-options.js';
import { DEMAND_HISTORIES, type DemandHistory } from '../catalog/regions.js';
import { completeYears } from '../engine/replay.js';
import { HOUR_MS } from '../engine/series.js';
import { runScenario } from '../run.js';
import { fileDataSource } from './data-source.js';
import { DemandQuality, loadDemandHistory } from './grid.js';
import { loadScenario } from './load-scenario.js';
import { dataDir } from './paths.js';

/** The options as text, as the CLI's flags and the API's query parameters give them. */
export interface HeadroomReportOptions {
  region?: string;
  scenario?: string;
  years?: string;
  curtailment?: string;
  clock?: string;
}

/** The demand basis, as the reports cite it. */
export const DEMAND_SOURCE =
  'EIA-930 demand_cleaned_MW (Ruggles & Farnham, doi:10.5281/zenodo.3517197; data/grid/PROVENANCE.md §1, PROVENANCE-extension.md)';
/** The method's reference (src/analysis/headroom.ts). */
export const METHOD =
  'Norris, Profeta, Patiño-Echeverri & Cowie-Haskell, Rethinking Load Growth, Duke Nicholas Institute NI R 25-01 (2025)';

/** One BA's screened demand over the years asked, with the clock of its seasons. */
export interface RegionData {
  history: DemandHistory;
  /** Catalog id, or the EIA code of a demand-only BA. */
  id: string;
  years: number[];
  offset: number;
  screened: ScreenedDemand;
  /** `DemandQuality` of each screened hour. */
  quality: Uint8Array;
}

/** Loads, screens and checks one BA's demand for the options (--years, --clock). */
export function regionData(regionId: string, opts: HeadroomReportOptions): RegionData {
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

export function dataQuality(d: RegionData, a: HeadroomAnalysis): DataQualityJson {
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
export function cleaningJson(d: RegionData) {
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

/** `gigawatt headroom --region …`: the data and the analysis behind its output (text or the JSON contract). */
export function regionHeadroom(opts: HeadroomReportOptions & { region: string }): {
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
export function nationalHeadroom(opts: HeadroomReportOptions) {
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

export interface SiteExposure extends CurtailmentStats {
  id: string;
  region: string;
  years: readonly number[];
  /** The region's headroom at the scenario-mode reference limit (0.5 %), MW. */
  regionHeadroomAtHalfPctMW: number;
}

/** `gigawatt headroom --scenario …`: each site's peak facility load as the new load L in its region. */
export function scenarioExposure(opts: HeadroomReportOptions & { scenario: string }) {
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
