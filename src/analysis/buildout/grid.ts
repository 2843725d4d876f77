/**
 * Can the grid carry the build-out: for one balancing authority and one simulated year, the campuses'
 * summed hourly grid load C_k (k = hour of the year) is laid over each historical year of the region's
 * demand D_t (hour of year k(t)) and judged with the headroom method of src/analysis/headroom.ts
 * (Norris et al. 2025): seasonal thresholds T_t from the historical demand alone, then
 *
 * - headroom left at each curtailment limit: the largest further constant load L with the campuses in
 *   place, `solveHeadroomMW` on the gaps g'_t = T_t − D_t − C_t;
 * - curtailment the campuses would face if all ran flexibly: c_t = min(C_t, max(0, D_t + C_t − T_t)),
 *   its hours, events (runs of consecutive curtailed hours), energy and the compute given up
 *   (the campuses' FLOP in that hour × c_t / C_t);
 * - firm capacity needed if they do not curtail: the largest exceedance the campuses add,
 *   max_t (D_t + C_t − T_t)⁺ − max_t (D_t − T_t)⁺, MW;
 * - the campuses' load at the region's peak hours: the mean of C over the PEAK_HOURS_PER_YEAR highest-demand
 *   hours of each historical year (not the nameplate).
 *
 * All per-year figures are means over the historical years (like the headroom rate). Pure.
 */
import { HOUR_MS } from '../../engine/series.js';
import { type HeadroomCurve, headroomCurve, seasonalThresholds, solveHeadroomMW } from '../headroom.js';

/** The hours that count as "the region's peak": the 10 highest-demand hours of each historical year. */
export const PEAK_HOURS_PER_YEAR = 10;

export interface RegionDemandInput {
  /** UTC start of each historical hour, ms, ascending. */
  readonly timeMs: Float64Array;
  readonly demandMW: Float64Array;
  /** Clock of the seasons, hours east of UTC. */
  readonly utcOffsetHours: number;
}

/** The campuses of one region in one simulated year, by hour of the year (0 = 1 January 00:00 UTC). */
export interface CampusYearLoad {
  /** Summed grid import, MW. */
  readonly gridMW: Float64Array;
  /** Summed compute delivered, FLOP per hour (for the compute given up). */
  readonly computeFLOP: Float64Array;
}

export interface GridYearResult {
  /** Highest historical hourly demand, MW. */
  readonly regionPeakMW: number;
  readonly campusPeakMW: number;
  /** Mean campus load over the region's peak hours, MW. */
  readonly campusAtRegionPeakMW: number;
  readonly campusEnergyGWh: number;
  /** Headroom at each limit without and with the campuses, MW (the same order as the limits). */
  readonly headroomBeforeMW: readonly number[];
  readonly headroomAfterMW: readonly number[];
  /** If every campus ran flexibly (curtailed above the thresholds). */
  readonly flexible: {
    readonly curtailmentPct: number;
    readonly curtailedHoursPerYear: number;
    readonly eventsPerYear: number;
    readonly curtailedGWhPerYear: number;
    readonly computeLostFLOPPerYear: number;
  };
  /** Firm capacity the region needs for the campuses if they do not curtail, MW. */
  readonly firmNeedMW: number;
}

/** Hour of the UTC year of an instant. */
export function hourOfYear(timeMs: number): number {
  const y = new Date(timeMs).getUTCFullYear();
  return Math.floor((timeMs - Date.UTC(y, 0, 1)) / HOUR_MS);
}

/** The campus load of hour-of-year k (the last hour stands in past the end: a leap-year 31 December). */
const at = (a: Float64Array, k: number) => (a.length === 0 ? 0 : (a[Math.min(k, a.length - 1)] as number));

/** What does not change from one simulated year to the next: thresholds, the curve, peak hours. */
export interface PreparedRegion {
  readonly input: RegionDemandInput;
  readonly thresholdMW: Float64Array;
  readonly base: HeadroomCurve;
  /** Hour of the UTC year of each historical hour. */
  readonly hourOfYear: Uint16Array;
  /** Indices of the PEAK_HOURS_PER_YEAR highest-demand hours of each historical year. */
  readonly peakHours: readonly number[];
  readonly regionPeakMW: number;
  /** max_t (D_t − T_t)⁺: the exceedance already there without the campuses, MW. */
  readonly exceedBeforeMW: number;
  /** Headroom without the campuses per limit, memoised by limit. */
  readonly headroomBefore: Map<number, number>;
}

export function prepareRegion(input: RegionDemandInput): PreparedRegion {
  const { timeMs, demandMW, utcOffsetHours } = input;
  const n = demandMW.length;
  const th = seasonalThresholds(timeMs, demandMW, utcOffsetHours);
  const base = headroomCurve(timeMs, demandMW, th.thresholdMW);
  const hoy = new Uint16Array(n);
  const byYear = new Map<number, number[]>();
  let regionPeak = 0;
  let exceed = 0;
  for (let t = 0; t < n; t++) {
    const ms = timeMs[t] as number;
    hoy[t] = hourOfYear(ms);
    const y = new Date(ms).getUTCFullYear();
    const list = byYear.get(y);
    if (list === undefined) byYear.set(y, [t]);
    else list.push(t);
    const D = demandMW[t] as number;
    if (D > regionPeak) regionPeak = D;
    exceed = Math.max(exceed, D - (th.thresholdMW[t] as number));
  }
  const peakHours: number[] = [];
  for (const idx of byYear.values()) {
    idx.sort((a, b) => (demandMW[b] as number) - (demandMW[a] as number));
    peakHours.push(...idx.slice(0, PEAK_HOURS_PER_YEAR));
  }
  return {
    input,
    thresholdMW: th.thresholdMW,
    base,
    hourOfYear: hoy,
    peakHours,
    regionPeakMW: regionPeak,
    exceedBeforeMW: Math.max(0, exceed),
    headroomBefore: new Map(),
  };
}

/**
 * `solveHeadroomMW`'s root when it is known to be ≤ `upperMW`, without sorting. With A(L) the hours whose
 * gap g⁺_t < L, W = Σ_A w_t and S = Σ_A w_t·g⁺_t, r(L) = W − S/L. Start at L₀ = upperMW and iterate
 * L_{k+1} = S(L_k) / (W(L_k) − rate): on A(L_k) the function r_A(L) = W − S/L is ≤ r(L) for L ≤ L_k (its extra
 * hours count negatively) and r_A(L_k) = r(L_k) ≥ rate, so root ≤ L_{k+1} ≤ L_k; when A stops shrinking,
 * L is the root exactly (the solver's closed form on its last segment). Adding campus load only shrinks
 * gaps, so the headroom without the campuses bounds the one with them. Falls back to the sorted solver
 * when the bound is not above the root, or in the degenerate cases (no positive gap in A).
 */
export function headroomBelowMW(curve: HeadroomCurve, rate: number, upperMW: number): number {
  if (!Number.isFinite(upperMW)) return solveHeadroomMW(curve, rate);
  // the hours of A(upperMW), compacted: A only shrinks from there
  let m = 0;
  const gaps = new Float64Array(curve.gapMW.length);
  const ws = new Float64Array(curve.gapMW.length);
  for (let t = 0; t < curve.gapMW.length; t++) {
    const x = Math.max(0, curve.gapMW[t] as number);
    if (x < upperMW) {
      gaps[m] = x;
      ws[m] = curve.weight[t] as number;
      m++;
    }
  }
  let L = upperMW;
  for (let iteration = 0; iteration < 500; iteration++) {
    let W = 0;
    let S = 0;
    let k = 0;
    for (let i = 0; i < m; i++) {
      const x = gaps[i] as number;
      if (x < L) {
        const w = ws[i] as number;
        W += w;
        S += w * x;
        gaps[k] = x;
        ws[k] = w;
        k++;
      }
    }
    if (S === 0 || L <= 0) break;
    if (iteration === 0 && W - S / L < rate * (1 - 1e-12)) break;
    if (iteration > 0 && k === m) return L;
    m = k;
    const next = S / (W - rate);
    if (!(next > 0) || next >= L) return L;
    L = next;
  }
  return solveHeadroomMW(curve, rate);
}

/**
 * The whole judgement for one region-year; `limitsPct` in (0, 100).
 *
 * `flexibleShare` s in [0, 1] (the build-out sweep samples it): only s·C_t can give way, so
 * c_t = min(s·C_t, max(0, D_t + C_t − T_t)) and the firm need is that of what is left,
 * max_t (D_t + C_t − c_t − T_t)⁺ − max_t (D_t − T_t)⁺; `curtailmentPct` is then a share of the flexible
 * energy. Without it (the report): curtailment as if all were flexible, firm need as if none were.
 */
export function gridYear(
  region: RegionDemandInput | PreparedRegion,
  campus: CampusYearLoad,
  limitsPct: readonly number[],
  flexibleShare?: number,
): GridYearResult {
  const p = 'base' in region ? region : prepareRegion(region);
  const { demandMW } = p.input;
  const n = demandMW.length;
  const Y = p.base.years.length;
  const withCampus = new Float64Array(n);
  const load = new Float64Array(n);
  let exceedAfter = 0;
  let curtailed = 0;
  let offered = 0;
  let hours = 0;
  let events = 0;
  let lost = 0;
  let prev = false;
  for (let t = 0; t < n; t++) {
    const k = p.hourOfYear[t] as number;
    const C = at(campus.gridMW, k);
    const D = demandMW[t] as number;
    const T = p.thresholdMW[t] as number;
    load[t] = C;
    withCampus[t] = D + C;
    const flexible = flexibleShare === undefined ? C : flexibleShare * C;
    const c = Math.min(flexible, Math.max(0, D + C - T));
    exceedAfter = Math.max(exceedAfter, D + C - T - (flexibleShare === undefined ? 0 : c));
    offered += flexible;
    const cut = c > 0;
    if (cut) {
      curtailed += c;
      hours++;
      lost += (at(campus.computeFLOP, k) * c) / C;
      if (!prev || p.base.runBreak[t] === 1) events++;
    }
    prev = cut;
  }
  const after = headroomCurve(p.input.timeMs, withCampus, p.thresholdMW);
  let peakSum = 0;
  for (const t of p.peakHours) peakSum += load[t] as number;
  let campusPeak = 0;
  let energy = 0;
  for (let k = 0; k < campus.gridMW.length; k++) {
    const C = campus.gridMW[k] as number;
    if (C > campusPeak) campusPeak = C;
    energy += C;
  }
  const before = (pct: number) => {
    let h = p.headroomBefore.get(pct);
    if (h === undefined) {
      h = solveHeadroomMW(p.base, pct / 100);
      p.headroomBefore.set(pct, h);
    }
    return h;
  };
  return {
    regionPeakMW: p.regionPeakMW,
    campusPeakMW: campusPeak,
    campusAtRegionPeakMW: p.peakHours.length === 0 ? 0 : peakSum / p.peakHours.length,
    campusEnergyGWh: energy / 1000,
    headroomBeforeMW: limitsPct.map(before),
    // no campus load: nothing changes (a sample may have delayed every campus of the region-year)
    headroomAfterMW: limitsPct.map((pct) =>
      energy === 0 ? before(pct) : headroomBelowMW(after, pct / 100, before(pct)),
    ),
    flexible: {
      curtailmentPct: offered === 0 ? 0 : (100 * curtailed) / offered,
      curtailedHoursPerYear: hours / Y,
      eventsPerYear: events / Y,
      curtailedGWhPerYear: curtailed / Y / 1000,
      computeLostFLOPPerYear: lost / Y,
    },
    firmNeedMW: Math.max(0, exceedAfter) - p.exceedBeforeMW,
  };
}
