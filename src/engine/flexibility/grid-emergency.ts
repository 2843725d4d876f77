/**
 * Policy `grid-emergency`: a proxy for a grid energy emergency (Texas SB 6 lets ERCOT direct large loads
 * to curtail or switch to backup generation in one; reference-figures.md §2.6).
 *
 *   active(t) ⇔ D(t) ≥ (1 − X/100) · D_max          (withinPctOfPeak X)
 *            or t is among the N highest D(t) of its simulated UTC calendar year   (topHoursPerYear N)
 *   request(t) = fraction · active(t)
 *
 * D(t) is the region's historical hourly demand replayed onto the simulated hours (as carbon is), and
 * D_max the highest hourly demand of the whole bundled series (2019–2024). Real emergencies also follow
 * from outages and low wind; high demand alone is the signal available here (docs/grid-flexibility.md).
 */
import { yearRanges } from '../metrics.js';

export interface GridEmergencyParams {
  readonly withinPctOfPeak?: number;
  readonly topHoursPerYear?: number;
  readonly fraction: number;
}

/** Writes max(request, out[t]) into `out`. */
export function gridEmergencyRequest(
  p: GridEmergencyParams,
  demandMW: Float64Array,
  historicalPeakMW: number,
  startMs: number,
  out: Float64Array,
): void {
  const n = demandMW.length;
  if (p.withinPctOfPeak !== undefined) {
    const threshold = (1 - p.withinPctOfPeak / 100) * historicalPeakMW;
    for (let h = 0; h < n; h++)
      if ((demandMW[h] as number) >= threshold) out[h] = Math.max(out[h] as number, p.fraction);
  }
  if (p.topHoursPerYear !== undefined) {
    for (const y of yearRanges(startMs, n)) {
      const idx = Array.from({ length: y.to - y.from }, (_, k) => y.from + k);
      idx.sort((a, b) => (demandMW[b] as number) - (demandMW[a] as number) || a - b);
      for (const h of idx.slice(0, p.topHoursPerYear)) out[h] = Math.max(out[h] as number, p.fraction);
    }
  }
}
