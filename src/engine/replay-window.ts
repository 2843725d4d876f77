/**
 * The part of a historical series that `replaySeries` (./replay.ts) reads under a replay policy, so a
 * client (the dashboard's web worker) can fetch one year instead of six and still get bit-identical
 * replayed values.
 *
 * - `'latest'`: the latest complete UTC year S; a fixed year Y: that year (when it is complete).
 * - `'cycle'` (or a year that is not complete, which makes replaySeries throw): the whole series.
 *
 * Exactness: replaySeries maps every simulated hour to an index inside year S (clamped to the series
 * ends), and fills a missing source hour by linear interpolation between the nearest finite hours of
 * the whole series. The window is therefore year S widened, at each end where S begins or ends with
 * missing hours, to the nearest finite hour outside S (none where the gap runs to the series end:
 * the nearest value inside S is then held in both). The widening adds only hours of the neighbouring
 * years that are mostly missing around S, so those years stay incomplete, `completeYears` of the
 * window gives S again and the policy picks the same source year (checked on every bundled series in
 * test/server-runs-sweeps.test.ts).
 */
import { completeYears, type ReplayPolicy } from './replay.js';
import { HOUR_MS, type HourlySeries } from './series.js';

/** The sub-series replaySeries needs under `policy` (the series itself when it needs all of it). */
export function replayWindow(series: HourlySeries, policy: ReplayPolicy): HourlySeries {
  if (policy === 'cycle') return series;
  const years = completeYears(series);
  const year = policy === 'latest' ? years[years.length - 1] : policy;
  if (year === undefined || !years.includes(year)) return series;
  const v = series.values;
  const n = v.length;
  let i0 = Math.max(0, Math.round((Date.UTC(year, 0, 1) - series.startMs) / HOUR_MS));
  let i1 = Math.min(n, Math.round((Date.UTC(year + 1, 0, 1) - series.startMs) / HOUR_MS));
  // Widen to the nearest finite hour before a leading gap and after a trailing gap. Where there is
  // none (the gap runs to the series end), the full series holds the nearest value inside S, as the
  // window does: no widening.
  if (i0 < n && !Number.isFinite(v[i0])) {
    let j = i0;
    while (j > 0 && !Number.isFinite(v[j])) j--;
    if (Number.isFinite(v[j])) i0 = j;
  }
  if (i1 > 0 && !Number.isFinite(v[i1 - 1])) {
    let j = i1 - 1;
    while (j < n - 1 && !Number.isFinite(v[j])) j++;
    if (Number.isFinite(v[j])) i1 = j + 1;
  }
  if (i0 === 0 && i1 === n) return series;
  return { startMs: series.startMs + i0 * HOUR_MS, values: v.slice(i0, i1) };
}

/** Parses a replay policy given as text (`latest`, `cycle` or a year); undefined when it is none of them. */
export function parseReplayPolicy(text: string): ReplayPolicy | undefined {
  if (text === 'latest' || text === 'cycle') return text;
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}
