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
const CP_MONTHS = [5, 6, 7, 8]; // June..September (0-based)

export interface CoincidentPeak {
  readonly year: number;
  /** 1-based month (6..9). */
  readonly month: number;
  /** Index of the peak hour in the simulated hours. */
  readonly hour: number;
  readonly demandMW: number;
}

const localParts = (startMs: number, h: number) => {
  const d = new Date(startMs + h * HOUR_MS + CDT_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), hour: d.getUTCHours() };
};

/** The actual coincident-peak hour of every June–September month touched by the simulated period. */
export function coincidentPeaks(demandMW: Float64Array, startMs: number): CoincidentPeak[] {
  const best = new Map<string, CoincidentPeak>();
  for (let h = 0; h < demandMW.length; h++) {
    const p = localParts(startMs, h);
    if (!CP_MONTHS.includes(p.month)) continue;
    const key = `${p.year}-${p.month}`;
    const d = demandMW[h] as number;
    const cur = best.get(key);
    if (cur === undefined || d > cur.demandMW)
      best.set(key, { year: p.year, month: p.month + 1, hour: h, demandMW: d });
  }
  return [...best.values()].sort((a, b) => a.hour - b.hour);
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
    // Group the simulated hours into local (CDT) days of the 4CP months.
    let h = 0;
    let monthKey = '';
    let monthPeak = 0;
    while (h < n) {
      const p0 = localParts(startMs, h);
      let end = h + 1;
      while (end < n && localParts(startMs, end).day === p0.day) end++;
      const key = `${p0.year}-${p0.month}`;
      if (key !== monthKey) {
        monthKey = key;
        monthPeak = 0;
      }
      if (CP_MONTHS.includes(p0.month) && h >= 24) {
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
      h = end;
    }
  }
  for (let t = 0; t < n; t++) if (active[t] === 1) out[t] = Math.max(out[t] as number, p.fraction);
  return active;
}
