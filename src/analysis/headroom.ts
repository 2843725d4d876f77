/**
 * Regional grid headroom for new flexible load: the method of Norris, Profeta, Patiño-Echeverri and
 * Cowie-Haskell, *Rethinking Load Growth* (Duke Nicholas Institute NI R 25-01, 2025). Pure functions over
 * typed arrays; the CLI (`gigawatt headroom`) loads the data and calls `analyseHeadroom`.
 *
 * A balancing authority has historical hourly demand D_t (MW). A new load of constant size L (MW) is added.
 * The system can serve it in hour t up to a seasonal threshold T_t (MW):
 *
 *   T_t = max{ D_s : s in June–August }      for hours t in April–October,
 *   T_t = max{ D_s : s in December–February } for hours t in November–March,
 *
 * the maxima taken over all the years analysed. Whatever exceeds the threshold is curtailed from the new
 * load, which cannot give up more than itself:
 *
 *   c_t(L) = min(L, max(0, D_t + L − T_t))   [MW = MWh in the hour].
 *
 * With the gap g_t = T_t − D_t and g⁺_t = max(0, g_t) this is c_t = L·max(0, 1 − g⁺_t/L). The cap binds only
 * in hours whose demand already exceeds the threshold (g_t < 0: e.g. a September or March hour above the
 * season's peak); there the whole new load is off, but nothing more. The curtailment rate of year y is the
 * curtailed energy over the energy the new load would have used, averaged over the Y years analysed:
 *
 *   r(L) = (1/Y) Σ_y Σ_{t∈y} c_t(L) / (L · H_y) = Σ_t w_t · max(0, 1 − g⁺_t/L),   w_t = 1/(Y·H_y),
 *
 * with H_y the hours of year y analysed (Σ_t w_t = 1). r is continuous and non-decreasing in L (strictly
 * increasing once L exceeds the smallest positive gap), from r(0⁺) = Σ_{g_t ≤ 0} w_t up to 1. The headroom at a
 * limit r* is the largest load whose rate does not exceed it, L* = sup{L ≥ 0 : r(L) ≤ r*}. Between two
 * consecutive sorted gaps a_k < L ≤ a_{k+1} the set of curtailed hours is fixed, so
 *
 *   r(L) = W_k − S_k / L,   W_k = Σ_{g⁺_t ≤ a_k} w_t,   S_k = Σ_{g⁺_t ≤ a_k} w_t·g⁺_t,
 *
 * and the root is L* = S_k / (W_k − r*) on the first piece where r reaches r*: exact, with no iteration
 * (`solveHeadroomMW`). `bisectHeadroomMW` finds the same root by bracketing and bisection, as a check.
 *
 * Time: the data are UTC hours. Years (for H_y and the averaging) are UTC calendar years, the unit in which
 * the bundled data are complete. Seasons are assigned by the month in the balancing authority's local
 * standard time (`utcOffsetHours`, no daylight saving), because a planner's "summer" is a local one; pass 0
 * to use UTC months. The choice moves only the few hours at month boundaries.
 */
import { DEMAND_HISTORIES } from '../catalog/regions.js';
import { HOUR_MS } from '../engine/series.js';

/** Months (1–12) whose maximum demand sets the summer threshold (Norris et al. 2025). */
export const SUMMER_PEAK_MONTHS: readonly number[] = [6, 7, 8];
/** Months (1–12) whose maximum demand sets the winter threshold (Norris et al. 2025). */
export const WINTER_PEAK_MONTHS: readonly number[] = [12, 1, 2];
/** Months (1–12) held to the summer threshold; the others (November–March) are held to the winter one. */
export const SUMMER_THRESHOLD_MONTHS: readonly number[] = [4, 5, 6, 7, 8, 9, 10];
/** Curtailment-rate limits (% of the new load's energy) that Norris et al. report, plus 5 %. */
export const DEFAULT_CURTAILMENT_LIMITS_PCT: readonly number[] = [0.25, 0.5, 1, 5];

/**
 * Standard-time UTC offset (hours, no daylight saving) of each balancing authority with bundled demand, by
 * catalog id and by EIA code, for assigning hours to seasons (from `DEMAND_HISTORIES` in
 * src/catalog/regions.ts). An assumption: our reading of the time zone of each BA's main load centre
 * (footprints that span two zones take one). The choice moves only hours at month boundaries: using UTC
 * instead changes every bundled region's headroom by < 0.05 % (docs/grid-headroom.md).
 */
export const SEASON_UTC_OFFSET_HOURS: Readonly<Record<string, number>> = Object.fromEntries(
  DEMAND_HISTORIES.flatMap((h) => [
    [h.eiaBaCode, h.seasonUtcOffsetHours],
    ...(h.regionId === null ? [] : [[h.regionId, h.seasonUtcOffsetHours]]),
  ]),
);

/**
 * The national curtailment-enabled headroom of Norris et al. (2025), GW, by curtailment limit (%): 22
 * balancing authorities (about 95 % of US load), EIA-930 demand 2016–2024. From the report's summary and
 * the Nicholas Institute's webinar summary ("76 GW at 0.25 %, ~98/nearly 100 GW at 0.5 %, 126 GW at 1 %").
 */
export const NORRIS_2025_NATIONAL_GW: Readonly<Record<string, number>> = { '0.25': 76, '0.5': 98, '1': 126 };
export const NORRIS_2025_BASIS =
  'Norris, Profeta, Patiño-Echeverri & Cowie-Haskell, Rethinking Load Growth, Duke Nicholas Institute NI R 25-01 (2025), hdl.handle.net/10161/32077: 22 BAs, 2016–2024';

/** Month 1–12 of a UTC instant in a clock `utcOffsetHours` east of UTC. */
export function monthAt(timeMs: number, utcOffsetHours: number): number {
  return new Date(timeMs + utcOffsetHours * HOUR_MS).getUTCMonth() + 1;
}

/** UTC calendar year of an instant. */
export const utcYear = (timeMs: number): number => new Date(timeMs).getUTCFullYear();

/**
 * Calendar field (month 1–12 or year) of ascending instants without a Date per hour: the field is
 * recomputed only when an instant leaves the current month, so a year of hours costs 12 Date calls.
 */
function monthWalker(utcOffsetHours: number) {
  const shift = utcOffsetHours * HOUR_MS;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  let month = 0;
  let year = 0;
  /** year·16 + month, packed so that no object is allocated per hour */
  return (timeMs: number): number => {
    const local = timeMs + shift;
    if (local < from || local >= to) {
      const d = new Date(local);
      year = d.getUTCFullYear();
      month = d.getUTCMonth() + 1;
      from = Date.UTC(year, month - 1, 1);
      to = Date.UTC(year, month, 1);
    }
    return year * 16 + month;
  };
}

const monthSet = (months: readonly number[]): Uint8Array => {
  const out = new Uint8Array(13);
  for (const m of months) out[m] = 1;
  return out;
};

export interface SeasonalThresholds {
  /** Highest hourly demand in June–August over the years analysed, MW (the April–October threshold). */
  readonly summerPeakMW: number;
  /** UTC start of the hour of the summer peak, ms. */
  readonly summerPeakTimeMs: number;
  /** Highest hourly demand in December–February over the years analysed, MW (the November–March threshold). */
  readonly winterPeakMW: number;
  readonly winterPeakTimeMs: number;
  /** T_t for every hour, MW. */
  readonly thresholdMW: Float64Array;
  /** Hours whose demand is above their own threshold (g_t < 0), where the cap c_t ≤ L binds. */
  readonly hoursAboveThreshold: number;
}

/**
 * The seasonal thresholds T_t of the series. `timeMs[t]` is the UTC start of hour t and `demandMW[t]` its
 * demand (finite). Throws when the hours contain no June–August or no December–February hour.
 */
export function seasonalThresholds(
  timeMs: Float64Array,
  demandMW: Float64Array,
  utcOffsetHours: number,
): SeasonalThresholds {
  const n = demandMW.length;
  const months = new Uint8Array(n);
  const isSummerPeak = monthSet(SUMMER_PEAK_MONTHS);
  const isWinterPeak = monthSet(WINTER_PEAK_MONTHS);
  const isSummerThreshold = monthSet(SUMMER_THRESHOLD_MONTHS);
  const walk = monthWalker(utcOffsetHours);
  let summer = Number.NEGATIVE_INFINITY;
  let winter = Number.NEGATIVE_INFINITY;
  let summerAt = Number.NaN;
  let winterAt = Number.NaN;
  for (let t = 0; t < n; t++) {
    const m = walk(timeMs[t] as number) & 15;
    months[t] = m;
    const d = demandMW[t] as number;
    if (isSummerPeak[m] === 1 && d > summer) {
      summer = d;
      summerAt = timeMs[t] as number;
    } else if (isWinterPeak[m] === 1 && d > winter) {
      winter = d;
      winterAt = timeMs[t] as number;
    }
  }
  if (!Number.isFinite(summer) || !Number.isFinite(winter)) {
    throw new Error(
      'headroom needs demand in both peak seasons (June–August and December–February) to set the thresholds; ' +
        `the hours given have ${Number.isFinite(summer) ? 'no December–February' : 'no June–August'} hour`,
    );
  }
  const thresholdMW = new Float64Array(n);
  let above = 0;
  for (let t = 0; t < n; t++) {
    const T = isSummerThreshold[months[t] as number] === 1 ? summer : winter;
    thresholdMW[t] = T;
    if ((demandMW[t] as number) > T) above++;
  }
  return {
    summerPeakMW: summer,
    summerPeakTimeMs: summerAt,
    winterPeakMW: winter,
    winterPeakTimeMs: winterAt,
    thresholdMW,
    hoursAboveThreshold: above,
  };
}

/** The curtailment problem reduced to what the method needs: gaps, weights and where runs break. */
export interface HeadroomCurve {
  /** g_t = T_t − D_t, MW (negative where demand is above its threshold). */
  readonly gapMW: Float64Array;
  /** w_t = 1/(Y·H_y): the hour's weight in the year-averaged rate (Σ w_t = 1). */
  readonly weight: Float64Array;
  /** 1 where hour t does not directly follow hour t − 1 (first hour, a dropped hour, a skipped year). */
  readonly runBreak: Uint8Array;
  /** UTC years present, ascending (Y = years.length). */
  readonly years: readonly number[];
}

/** Builds the curve from hourly times (UTC ms, ascending), demand and thresholds (MW). */
export function headroomCurve(
  timeMs: Float64Array,
  demandMW: Float64Array,
  thresholdMW: Float64Array,
): HeadroomCurve {
  const n = demandMW.length;
  if (n === 0) throw new Error('headroom needs at least one hour of demand');
  // year of each hour as an index into `seen`, looked up only where the hour leaves the current year
  const seen: number[] = [];
  const hours: number[] = [];
  const yearIndex = new Int32Array(n);
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  let k = -1;
  for (let t = 0; t < n; t++) {
    const ms = timeMs[t] as number;
    if (ms < from || ms >= to) {
      const y = utcYear(ms);
      from = Date.UTC(y, 0, 1);
      to = Date.UTC(y + 1, 0, 1);
      k = seen.indexOf(y);
      if (k < 0) {
        k = seen.length;
        seen.push(y);
        hours.push(0);
      }
    }
    yearIndex[t] = k;
    hours[k] = (hours[k] as number) + 1;
  }
  const years = [...seen].sort((a, b) => a - b);
  const yearWeight = Float64Array.from(hours, (h) => 1 / (seen.length * h));
  const gapMW = new Float64Array(n);
  const weight = new Float64Array(n);
  const runBreak = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    gapMW[t] = (thresholdMW[t] as number) - (demandMW[t] as number);
    weight[t] = yearWeight[yearIndex[t] as number] as number;
    runBreak[t] = t === 0 || (timeMs[t] as number) - (timeMs[t - 1] as number) !== HOUR_MS ? 1 : 0;
  }
  return { gapMW, weight, runBreak, years };
}

/** c_t = min(L, max(0, L − g_t)), MW: the part of a new load L (MW) curtailed at gap g (MW). */
export function curtailedMW(gapMW: number, loadMW: number): number {
  if (loadMW <= 0 || gapMW >= loadMW) return 0;
  return gapMW <= 0 ? loadMW : loadMW - gapMW;
}

/**
 * Year-averaged curtailment rate r(L) as a fraction (0–1) of the new load's energy. At L = 0 it returns the
 * limit r(0⁺), the weight of the hours with no gap.
 */
export function curtailmentRate(curve: HeadroomCurve, loadMW: number): number {
  const { gapMW, weight } = curve;
  let r = 0;
  for (let t = 0; t < gapMW.length; t++) {
    const g = Math.max(0, gapMW[t] as number);
    if (loadMW <= 0) {
      if (g === 0) r += weight[t] as number;
    } else if (g < loadMW) r += (weight[t] as number) * (1 - g / loadMW);
  }
  return r;
}

function checkRate(rate: number): void {
  if (!(rate > 0 && rate < 1)) throw new Error(`curtailment rate must be in (0, 1) (got ${rate})`);
}

/**
 * The positive parts of the gaps g⁺_t below `boundMW`, in ascending order, with their weights: the first
 * entries of the whole sorted list, in the same order (ties in the order of their runs of hours).
 */
interface SortedGaps {
  readonly gapMW: Float64Array;
  readonly weight: Float64Array;
  /** Every g⁺_t < boundMW is present, none ≥ it (+∞: all hours). */
  readonly boundMW: number;
}

const sortedCache = new WeakMap<HeadroomCurve, SortedGaps>();

/**
 * g⁺ < `boundMW` sorted ascending with the weights carried along. The weights take one value per year
 * (w_t = 1/(Y·H_y)), so each run of hours with one weight is sorted with the native numeric typed-array sort
 * and the runs are merged: O(m log m) in the m hours kept, without a comparator callback.
 */
function sortedGapsBelow(curve: HeadroomCurve, boundMW: number): SortedGaps {
  const n = curve.gapMW.length;
  // runs of equal weight (a year's hours, when the hours are in time order); each run sorted natively
  const lists: { w: number; gaps: Float64Array; at: number }[] = [];
  const scratch = new Float64Array(n);
  let runStart = 0;
  for (let t = 1; t <= n; t++) {
    if (t < n && curve.weight[t] === curve.weight[runStart]) continue;
    let m = 0;
    for (let i = runStart; i < t; i++) {
      const g = Math.max(0, curve.gapMW[i] as number);
      if (g < boundMW) scratch[m++] = g;
    }
    lists.push({ w: curve.weight[runStart] as number, gaps: scratch.slice(0, m), at: 0 });
    runStart = t;
  }
  if (lists.length > 32) {
    // hours not in time order: one list per distinct weight instead of per run (bounded merge width)
    const byWeight = new Map<number, Float64Array[]>();
    for (const l of lists) byWeight.set(l.w, [...(byWeight.get(l.w) ?? []), l.gaps]);
    lists.length = 0;
    for (const [w, parts] of byWeight) {
      const gaps = new Float64Array(parts.reduce((m, p) => m + p.length, 0));
      let at = 0;
      for (const p of parts) {
        gaps.set(p, at);
        at += p.length;
      }
      lists.push({ w, gaps, at: 0 });
    }
  }
  let kept = 0;
  for (const l of lists) {
    l.gaps.sort();
    kept += l.gaps.length;
  }
  const gapMW = new Float64Array(kept);
  const weight = new Float64Array(kept);
  for (let k = 0; k < kept; k++) {
    let best = -1;
    let bestGap = Number.POSITIVE_INFINITY;
    for (let j = 0; j < lists.length; j++) {
      const l = lists[j] as (typeof lists)[number];
      if (l.at < l.gaps.length && (l.gaps[l.at] as number) < bestGap) {
        bestGap = l.gaps[l.at] as number;
        best = j;
      }
    }
    const l = lists[best] as (typeof lists)[number];
    gapMW[k] = bestGap;
    weight[k] = l.w;
    l.at++;
  }
  return { gapMW, weight, boundMW: kept === n ? Number.POSITIVE_INFINITY : boundMW };
}

/** Histogram bins of `gapBoundMW`. */
const GAP_BINS = 1024;

/**
 * A load that every headroom up to `rate` lies below, MW, from a histogram of g⁺ (one pass, no sort): with
 * bin edges e_b = b·h, r(e_b) = Σ_{g⁺ < e_b} w·(1 − g⁺/e_b) from the bins' sums of w and w·g⁺; the bound is
 * the edge one bin past the first where r(e_b) ≥ rate (the margin absorbs round-off and hours at a bin's
 * edge). Only sets how many hours are sorted: `solveHeadroomMW` checks that its root lies inside.
 */
function gapBoundMW(curve: HeadroomCurve, rate: number): number {
  const { gapMW, weight } = curve;
  const n = gapMW.length;
  let top = 0;
  for (let t = 0; t < n; t++) if ((gapMW[t] as number) > top) top = gapMW[t] as number;
  if (!(top > 0 && Number.isFinite(top))) return Number.POSITIVE_INFINITY;
  const perMW = GAP_BINS / top;
  const binW = new Float64Array(GAP_BINS + 1);
  const binWG = new Float64Array(GAP_BINS + 1);
  for (let t = 0; t < n; t++) {
    const g = Math.max(0, gapMW[t] as number);
    const b = Math.min(GAP_BINS, Math.floor(g * perMW));
    binW[b] = (binW[b] as number) + (weight[t] as number);
    binWG[b] = (binWG[b] as number) + (weight[t] as number) * g;
  }
  let W = 0;
  let S = 0;
  for (let b = 1; b <= GAP_BINS; b++) {
    W += binW[b - 1] as number;
    S += binWG[b - 1] as number;
    const edge = b / perMW;
    if (W - S / edge >= rate) return b + 1 <= GAP_BINS ? (b + 1) / perMW : Number.POSITIVE_INFINITY;
  }
  return Number.POSITIVE_INFINITY;
}

/** The sorted g⁺ of a curve, at least every value below the bound that `rate` needs (cached per curve). */
function sortedGapsFor(curve: HeadroomCurve, rate: number): SortedGaps {
  const hit = sortedCache.get(curve);
  if (hit !== undefined) return hit;
  const out = sortedGapsBelow(curve, gapBoundMW(curve, rate));
  sortedCache.set(curve, out);
  return out;
}

/**
 * The walk of `solveHeadroomMW` over sorted gaps: the root, or undefined when it runs off the end of a
 * partial list (the root may lie beyond its bound).
 */
function solveSorted(sorted: SortedGaps, rate: number): number | undefined {
  const { gapMW: order, weight } = sorted;
  const n = order.length;
  let W = 0;
  let S = 0;
  let k = 0;
  // the zero-gap group: r(0⁺) = W
  while (k < n && (order[k] as number) === 0) {
    W += weight[k] as number;
    k++;
  }
  if (W > rate) return 0;
  while (k < n) {
    const next = order[k] as number; // a_{k+1}: the next gap to enter
    if (W - S / next >= rate) break; // r(a_{k+1}) ≥ rate: the root lies in (a_k, a_{k+1}]
    // absorb every hour with this gap value
    while (k < n && (order[k] as number) === next) {
      W += weight[k] as number;
      S += (weight[k] as number) * next;
      k++;
    }
  }
  if (k === n && sorted.boundMW !== Number.POSITIVE_INFINITY) return undefined;
  if (S === 0) return k < n ? (order[k] as number) : Number.POSITIVE_INFINITY;
  return S / (W - rate);
}

/**
 * Headroom L* = sup{L ≥ 0 : r(L) ≤ rate}, MW, for a rate limit in (0, 1), solved exactly piece by piece
 * (see the file comment). 0 when even a vanishing load exceeds the limit (r(0⁺) > rate).
 *
 * Only the gaps below a bound are sorted (`gapBoundMW`: at 5 % about a fifth of the hours); the walk over
 * them is the walk over the whole sorted list, and when it reaches the bound without finding the root the
 * list is rebuilt for this rate (or whole).
 */
export function solveHeadroomMW(curve: HeadroomCurve, rate: number): number {
  checkRate(rate);
  const sorted = sortedGapsFor(curve, rate);
  const root = solveSorted(sorted, rate);
  if (root !== undefined) return root;
  const bound = gapBoundMW(curve, rate);
  const wider = sortedGapsBelow(curve, bound > sorted.boundMW ? bound : Number.POSITIVE_INFINITY);
  sortedCache.set(curve, wider);
  return (
    solveSorted(wider, rate) ??
    (solveSorted(sortedGapsBelow(curve, Number.POSITIVE_INFINITY), rate) as number)
  );
}

/**
 * The same root by bracketing and bisection on r(L), to `toleranceMW`: an independent check of
 * `solveHeadroomMW`, O(n) per step.
 */
export function bisectHeadroomMW(curve: HeadroomCurve, rate: number, toleranceMW = 1e-3): number {
  checkRate(rate);
  if (curtailmentRate(curve, 0) > rate) return 0;
  let lo = 0;
  let hi = 1;
  while (curtailmentRate(curve, hi) <= rate) {
    lo = hi;
    hi *= 2;
    if (hi > 1e12) return Number.POSITIVE_INFINITY;
  }
  while (hi - lo > toleranceMW) {
    const mid = 0.5 * (lo + hi);
    if (curtailmentRate(curve, mid) <= rate) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** What a constant new load of `loadMW` would face over the hours of a curve. */
export interface CurtailmentStats {
  readonly loadMW: number;
  /** r(L) in percent of the new load's energy, averaged over the years. */
  readonly curtailmentPct: number;
  /** Σ c_t / Y, MWh per year. */
  readonly curtailedEnergyMWhPerYear: number;
  /** Hours with c_t > 0, per year (mean over the years). */
  readonly curtailedHoursPerYear: number;
  /** Curtailment events over all the years analysed: maximal runs of consecutive curtailed hours. */
  readonly events: number;
  readonly eventsPerYear: number;
  /** Curtailed hours / events, h (0 when there are none). */
  readonly meanEventHours: number;
  readonly longestEventHours: number;
  /** Share of curtailed hours in which at least 50 % of the new load still runs (c_t ≤ 0.5·L), %. */
  readonly retained50Pct: number;
  readonly retained75Pct: number;
  readonly retained90Pct: number;
}

/**
 * Curtailment statistics of a new load L. The retained shares are 100 % when no hour is curtailed (no hour
 * falls short of any level).
 */
export function curtailmentStats(curve: HeadroomCurve, loadMW: number): CurtailmentStats {
  const { gapMW, weight, runBreak } = curve;
  const Y = curve.years.length;
  let energy = 0;
  let rate = 0;
  let hours = 0;
  let events = 0;
  let run = 0;
  let longest = 0;
  const kept = [0, 0, 0];
  const levels = [0.5, 0.75, 0.9];
  let prev = false;
  for (let t = 0; t < gapMW.length; t++) {
    const c = curtailedMW(gapMW[t] as number, loadMW);
    const cut = c > 0;
    if (cut) {
      energy += c;
      rate += (weight[t] as number) * (c / loadMW);
      hours++;
      const retained = 1 - c / loadMW;
      for (let k = 0; k < levels.length; k++)
        if (retained >= (levels[k] as number) - 1e-12) kept[k] = (kept[k] as number) + 1;
      if (!prev || runBreak[t] === 1) {
        events++;
        run = 0;
      }
      run++;
      if (run > longest) longest = run;
    }
    prev = cut;
  }
  const share = (k: number) => (hours === 0 ? 100 : (100 * (kept[k] as number)) / hours);
  return {
    loadMW,
    curtailmentPct: 100 * rate,
    curtailedEnergyMWhPerYear: energy / Y,
    curtailedHoursPerYear: hours / Y,
    events,
    eventsPerYear: events / Y,
    meanEventHours: events === 0 ? 0 : hours / events,
    longestEventHours: longest,
    retained50Pct: share(0),
    retained75Pct: share(1),
    retained90Pct: share(2),
  };
}

/** One row of the headroom table: the `--json` `results` entry. */
export interface HeadroomResult {
  /** The curtailment-rate limit, % of the new load's energy. */
  readonly curtailmentPct: number;
  /** The largest constant new load whose year-averaged curtailment rate stays within the limit, MW. */
  readonly headroomMW: number;
  readonly curtailedHoursPerYear: number;
  readonly meanEventHours: number;
  /** Events over all the years analysed. */
  readonly events: number;
  readonly retained50Pct: number;
  readonly retained75Pct: number;
  readonly retained90Pct: number;
}

export interface HeadroomAnalysis {
  readonly years: readonly number[];
  readonly hours: number;
  readonly thresholds: Omit<SeasonalThresholds, 'thresholdMW'>;
  readonly curve: HeadroomCurve;
  /** One per limit, in the order given, with the full statistics at the headroom. */
  readonly results: readonly (HeadroomResult & { readonly stats: CurtailmentStats })[];
}

export interface HeadroomInput {
  /** UTC start of each hour analysed, ms, ascending (gaps allowed: they break events). */
  readonly timeMs: Float64Array;
  /** Demand of each hour, MW, finite. */
  readonly demandMW: Float64Array;
  /** Clock for the seasons, hours east of UTC (e.g. −6 for US Central Standard Time). */
  readonly utcOffsetHours: number;
  /** Curtailment-rate limits, % (each in (0, 100)). */
  readonly limitsPct: readonly number[];
}

/** The whole method: thresholds, then for each limit the headroom and what the new load would face there. */
export function analyseHeadroom(input: HeadroomInput): HeadroomAnalysis {
  const { timeMs, demandMW } = input;
  if (timeMs.length !== demandMW.length)
    throw new Error(`timeMs has ${timeMs.length} hours but demandMW has ${demandMW.length}`);
  for (let t = 0; t < demandMW.length; t++) {
    if (!Number.isFinite(demandMW[t])) throw new Error(`demandMW[${t}] is not finite (${demandMW[t]})`);
  }
  const th = seasonalThresholds(timeMs, demandMW, input.utcOffsetHours);
  const curve = headroomCurve(timeMs, demandMW, th.thresholdMW);
  // sort once, as far as the largest limit needs
  const maxRate = Math.max(...input.limitsPct) / 100;
  if (maxRate > 0 && maxRate < 1) sortedGapsFor(curve, maxRate);
  const results = input.limitsPct.map((pct) => {
    const headroomMW = solveHeadroomMW(curve, pct / 100);
    const stats = curtailmentStats(curve, headroomMW);
    return {
      curtailmentPct: pct,
      headroomMW,
      curtailedHoursPerYear: stats.curtailedHoursPerYear,
      meanEventHours: stats.meanEventHours,
      events: stats.events,
      retained50Pct: stats.retained50Pct,
      retained75Pct: stats.retained75Pct,
      retained90Pct: stats.retained90Pct,
      stats,
    };
  });
  const { thresholdMW: _, ...thresholds } = th;
  return { years: curve.years, hours: demandMW.length, thresholds, curve, results };
}
