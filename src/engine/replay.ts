/**
 * Replaying historical hourly data over a simulated horizon that runs past it.
 *
 * Scenarios simulate future years (e.g. 2025-07 … 2030-12) while the grid data cover 2017/2019–2024.
 * Each simulated UTC calendar year Y takes one complete historical UTC year S of the series:
 *
 * - `'latest'`: S = the latest complete year, for every Y;
 * - a number: S = that year (an Error if it is not complete);
 * - `'cycle'`: S = years[(Y − Y₀) mod n], with `years` the complete years in ascending order, Y₀ the
 *   first simulated year and n their count — the first simulated year takes the earliest complete year.
 *
 * Calendar mapping: the hour at (month, day, hour) UTC of Y takes (month, day, hour) of S. Feb 29 of a
 * leap Y repeats Feb 28 of S; Feb 29 of a leap S is skipped for a non-leap Y. Weekdays are therefore
 * not preserved (a Monday in S may replay on a Thursday in Y), nor are holidays; hourly-of-day and
 * seasonal patterns are.
 *
 * Missing hours: a NaN source hour is replaced by linear interpolation in time between the nearest finite
 * hours of the whole series (which may lie outside S); at the series edges the nearest finite value is
 * held. Each replayed hour that needed this is counted in `filledHours`.
 *
 * A "complete" year has at least `minCoverage` (default 99 %) of its hours finite.
 *
 * Different series of one site (demand, carbon, price) are replayed independently, so with 'latest' they
 * may come from different historical years (e.g. NYISO carbon 2022, price 2024): their hour-to-hour
 * correlation is then lost. `sourceYearBySimYear` records what was used.
 *
 * Cost: O(series length + simHours) with two Float64Array allocations per call.
 */
import { HOUR_MS, type HourlySeries } from './series.js';

export type ReplayPolicy = 'latest' | 'cycle' | number;

export interface Replayed {
  /** One value per simulated hour, no NaN. */
  readonly values: Float64Array;
  /** Historical UTC year used for each simulated UTC year touched by the horizon. */
  readonly sourceYearBySimYear: Record<number, number>;
  /** Simulated hours whose source hour was missing and was interpolated. */
  readonly filledHours: number;
}

/** Day-of-year index (0-based) of Feb 29 in a leap year / of Mar 1 in a common year. */
const FEB29_DOY = 59;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const yearStartMs = (y: number): number => Date.UTC(y, 0, 1);
const hoursInYear = (y: number): number => (isLeap(y) ? 8784 : 8760);

/** UTC calendar years with at least `minCoverage` of their hours finite in the series, ascending. */
export function completeYears(series: HourlySeries, minCoverage = 0.99): number[] {
  const n = series.values.length;
  if (n === 0) return [];
  const first = new Date(series.startMs).getUTCFullYear();
  const last = new Date(series.startMs + (n - 1) * HOUR_MS).getUTCFullYear();
  const out: number[] = [];
  for (let y = first; y <= last; y++) {
    const i0 = Math.max(0, Math.round((yearStartMs(y) - series.startMs) / HOUR_MS));
    const i1 = Math.min(n, Math.round((yearStartMs(y + 1) - series.startMs) / HOUR_MS));
    let finite = 0;
    for (let i = i0; i < i1; i++) if (Number.isFinite(series.values[i])) finite++;
    if (finite / hoursInYear(y) >= minCoverage) out.push(y);
  }
  return out;
}

/** Source year for each simulated year under a policy. */
function chooseSourceYear(
  policy: ReplayPolicy,
  years: readonly number[],
  simYear: number,
  firstSimYear: number,
): number {
  if (policy === 'latest') return years[years.length - 1] as number;
  if (policy === 'cycle') {
    const n = years.length;
    return years[(((simYear - firstSimYear) % n) + n) % n] as number;
  }
  return policy;
}

/**
 * The series with every NaN replaced by linear interpolation between the nearest finite neighbours
 * (held constant beyond the first/last finite value). Assumes at least one finite value.
 */
function interpolateGaps(v: Float64Array): Float64Array {
  const out = new Float64Array(v);
  const n = v.length;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(v[i])) continue;
    if (i - prev > 1) {
      const a = prev < 0 ? (v[i] as number) : (v[prev] as number);
      const b = v[i] as number;
      for (let j = prev + 1; j < i; j++) out[j] = prev < 0 ? b : a + ((b - a) * (j - prev)) / (i - prev);
    }
    prev = i;
  }
  if (prev >= 0) for (let j = prev + 1; j < n; j++) out[j] = v[prev] as number;
  return out;
}

/**
 * Complete years and the gap-filled values of a series, computed once per series object (series are
 * treated as immutable once loaded), so repeated runs over the same data skip the work.
 */
interface Prepared {
  readonly years: number[];
  readonly filled: Float64Array;
  /** missingBefore[i] = number of non-finite values among the series' first i (n + 1 entries). */
  readonly missingBefore: Uint32Array;
}
const preparedCache = new WeakMap<HourlySeries, Prepared>();
function prepared(series: HourlySeries): Prepared {
  let p = preparedCache.get(series);
  if (p === undefined) {
    p = {
      years: completeYears(series),
      filled: interpolateGaps(series.values),
      missingBefore: missingBefore(series.values),
    };
    preparedCache.set(series, p);
  }
  return p;
}

function missingBefore(v: Float64Array): Uint32Array {
  const out = new Uint32Array(v.length + 1);
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i] as number)) m++;
    out[i + 1] = m;
  }
  return out;
}

/**
 * Values for `simHours` consecutive UTC hours starting at `simStartMs` (an hour boundary), written
 * into `into` when given (it must hold `simHours` values) or a new array.
 */
export function replaySeries(
  series: HourlySeries,
  simStartMs: number,
  simHours: number,
  policy: ReplayPolicy,
  into?: Float64Array,
): Replayed {
  if (simStartMs % HOUR_MS !== 0)
    throw new Error(`replay start ${new Date(simStartMs).toISOString()} is not on an hour boundary`);
  if (!Number.isInteger(simHours) || simHours < 0)
    throw new Error(`simHours must be a non-negative integer, got ${simHours}`);
  const prep = prepared(series);
  const years = prep.years;
  if (years.length === 0) {
    const span = `${new Date(series.startMs).toISOString()} + ${series.values.length} h`;
    throw new Error(`cannot replay: the series (${span}) has no complete UTC year (≥ 99 % of hours present)`);
  }
  if (typeof policy === 'number' && !years.includes(policy)) {
    throw new Error(
      `replay year ${policy} is not a complete year of the series; complete years: ${years.join(', ')}`,
    );
  }

  const src = series.values;
  const filled = prep.filled;
  const values = into ?? new Float64Array(simHours);
  const sourceYearBySimYear: Record<number, number> = {};
  let filledHours = 0;
  const simEndMs = simStartMs + simHours * HOUR_MS;
  const firstSimYear = new Date(simStartMs).getUTCFullYear();

  for (let y = firstSimYear; simHours > 0 && yearStartMs(y) < simEndMs; y++) {
    const s = chooseSourceYear(policy, years, y, firstSimYear);
    sourceYearBySimYear[y] = s;
    const simLeap = isLeap(y);
    const srcLeap = isLeap(s);
    // Index in the series of hour 0 of Jan 1 of S.
    const srcBase = Math.round((yearStartMs(s) - series.startMs) / HOUR_MS);
    const from = Math.max(simStartMs, yearStartMs(y));
    const to = Math.min(simEndMs, yearStartMs(y + 1));
    const firstHour = (from - yearStartMs(y)) / HOUR_MS;
    const endHour = (to - yearStartMs(y)) / HOUR_MS;
    const out0 = (from - simStartMs) / HOUR_MS;
    // Source day = simulated day before 29 February, and from it on one day back (a leap simulated
    // year on a common source year: 29 Feb takes 28 Feb) or one on (a common year skips the source's
    // 29 Feb): hour h of the year reads i = srcBase + h + 24·shift, a contiguous run on each side.
    const shift = simLeap && !srcLeap ? -1 : !simLeap && srcLeap ? 1 : 0;
    const split = Math.min(Math.max(FEB29_DOY * 24, firstHour), endHour);
    const pieces: readonly (readonly [number, number, number])[] = [
      [firstHour, split, 0],
      [split, endHour, shift],
    ];
    for (const [h0, h1, s] of pieces) {
      if (h1 <= h0) continue;
      filledHours += copyRun(
        src,
        filled,
        prep.missingBefore,
        srcBase + h0 + 24 * s,
        h1 - h0,
        values,
        out0 + h0 - firstHour,
      );
    }
  }
  return { values, sourceYearBySimYear, filledHours };
}

/**
 * values[out + k] = filled[i0 + k] for k < count, reading the first or last value where the index falls
 * outside the series; returns how many of those hours are missing in the source (outside it, or not
 * finite there), the hours the replay filled.
 */
function copyRun(
  src: Float64Array,
  filled: Float64Array,
  missing: Uint32Array,
  i0: number,
  count: number,
  values: Float64Array,
  out: number,
): number {
  const n = src.length;
  if (i0 >= 0 && i0 + count <= n) {
    values.set(filled.subarray(i0, i0 + count), out);
    return (missing[i0 + count] as number) - (missing[i0] as number);
  }
  let filledHours = 0;
  for (let k = 0; k < count; k++) {
    let i = i0 + k;
    if (i < 0 || i >= n || !Number.isFinite(src[i] as number)) filledHours++;
    if (i < 0) i = 0;
    else if (i >= n) i = n - 1;
    values[out + k] = filled[i] as number;
  }
  return filledHours;
}
