/**
 * Policy `4cp`: ERCOT's four coincident peaks.
 *
 * ERCOT allocates transmission cost for the following year by each customer's demand in the four
 * monthly 15-minute system peaks of June, July, August and September (one per month; the tag is the
 * average of the four), at ~$50–150+/kW-yr depending on the utility (reference-figures.md §2.6, CP1–CP3).
 * Here the intervals are hours: the actual coincident-peak hour of month m is
 *
 *   t*_m = argmax_{t ∈ m} D(t)      D = ERCOT hourly demand replayed onto the simulated hours,
 *
 * with months and days in Central Daylight Time (UTC−5, in force all summer). The hourly peak usually
 * contains the 15-minute peak but not always; the published 4CP intervals are not bundled.
 *
 * Two ways to act (request = fraction in the chosen hours):
 * - `perfect-foresight`: exactly the four hours t*_m (an upper bound on what forecasting can achieve);
 * - `day-ahead`: a persistence forecast. For day d the forecast is F(h) = D(h − 24 h), known the day
 *   before. If max_d F ≥ (1 − margin) · (the month's highest actual demand before day d; 0 on the
 *   month's first day), curtail `windowHours` hours centred on the forecast peak hour argmax_d F.
 */
import { HOUR_MS } from '../series.js';

/** Central Daylight Time offset used for the 4CP months and days, ms. */
const CDT_OFFSET_MS = -5 * HOUR_MS;

export interface CoincidentPeak {
  readonly year: number;
  /** 1-based month (6..9). */
  readonly month: number;
  /** Index of the peak hour in the simulated hours. */
  readonly hour: number;
  readonly demandMW: number;
}

const DAY_MS = 24 * HOUR_MS;

/**
 * Calls `f` once per local (CDT) calendar day touched by the simulated hours, in order: the day's
 * hours are [from, to) and its date is (year, 0-based month, day of month). One `Date` per day instead
 * of one per hour: a sweep computes the peaks of 87,648 hours per ERCOT site per sample.
 */
function forEachLocalDay(
  startMs: number,
  hours: number,
  f: (from: number, to: number, year: number, month: number, day: number) => void,
): void {
  let h = 0;
  while (h < hours) {
    const localMs = startMs + h * HOUR_MS + CDT_OFFSET_MS;
    const nextDayMs = (Math.floor(localMs / DAY_MS) + 1) * DAY_MS;
    // The first hour whose local time reaches the next day (integer ms: exact).
    const to = Math.min(hours, h + Math.ceil((nextDayMs - localMs) / HOUR_MS));
    const d = new Date(localMs);
    f(h, to, d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    h = to;
  }
}

const isCPMonth = (month: number) => month >= 5 && month <= 8; // CP_MONTHS: June..September

/** The actual coincident-peak hour of every June–September month touched by the simulated period. */
export function coincidentPeaks(demandMW: Float64Array, startMs: number): CoincidentPeak[] {
  const peaks: CoincidentPeak[] = [];
  let current: { year: number; month: number; hour: number; demandMW: number } | undefined;
  forEachLocalDay(startMs, demandMW.length, (from, to, year, month) => {
    if (!isCPMonth(month)) return;
    if (current === undefined || current.year !== year || current.month !== month + 1) {
      current = { year, month: month + 1, hour: -1, demandMW: Number.NEGATIVE_INFINITY };
      peaks.push(current);
    }
    // argmax over the day's hours; the first of equal hours wins, as over the whole month.
    for (let h = from; h < to; h++) {
      const d = demandMW[h] as number;
      if (current.hour < 0 || d > current.demandMW) {
        current.hour = h;
        current.demandMW = d;
      }
    }
  });
  return peaks.map((p) => ({ year: p.year, month: p.month, hour: p.hour, demandMW: p.demandMW }));
}

export interface FourCPParams {
  readonly method: 'perfect-foresight' | 'day-ahead';
  readonly windowHours: number;
  readonly marginPct: number;
  readonly fraction: number;
}

/** Writes max(request, out[t]) into `out`; returns the hours this policy asked for (0/1 per hour). */
export function fourCPRequest(
  p: FourCPParams,
  demandMW: Float64Array,
  startMs: number,
  out: Float64Array,
): Uint8Array {
  const n = demandMW.length;
  const active = new Uint8Array(n);
  if (p.method === 'perfect-foresight') {
    for (const cp of coincidentPeaks(demandMW, startMs)) active[cp.hour] = 1;
  } else {
    // The simulated hours grouped into local (CDT) days.
    let monthKey = -1;
    let monthPeak = 0;
    forEachLocalDay(startMs, n, (h, end, year, month) => {
      const key = year * 12 + month;
      if (key !== monthKey) {
        monthKey = key;
        monthPeak = 0;
      }
      if (isCPMonth(month) && h >= 24) {
        let fMax = Number.NEGATIVE_INFINITY;
        let fArg = h;
        for (let t = h; t < end; t++) {
          const f = demandMW[t - 24] as number;
          if (f > fMax) {
            fMax = f;
            fArg = t;
          }
        }
        if (fMax >= (1 - p.marginPct / 100) * monthPeak) {
          const before = Math.floor((p.windowHours - 1) / 2);
          for (let t = fArg - before; t < fArg - before + p.windowHours; t++)
            if (t >= h && t < end) active[t] = 1;
        }
      }
      for (let t = h; t < end; t++) monthPeak = Math.max(monthPeak, demandMW[t] as number);
    });
  }
  for (let t = 0; t < n; t++) if (active[t] === 1) out[t] = Math.max(out[t] as number, p.fraction);
  return active;
}
