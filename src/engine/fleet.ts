/**
 * Stage 2, fleet: how many accelerators are online in each hour.
 *
 * A phase of N accelerators with online date t₀ and ramp of R days has
 *   n(t) = 0 for t < t₀;  N·min(1, (t − t₀ + 1 h)/R) during the ramp;  N afterwards,
 * i.e. accelerators come online linearly and the phase is complete at t₀ + R (R = 0: all at t₀).
 * During a ramp the count of the hour starting at t is the count installed by the END of that hour
 * (t + 1 h), not the hourly average (which would be half an hour's install lower); counts are
 * fractional during a ramp.
 */
import type { SiteInputs } from './inputs.js';
import { DAY_MS, HOUR_MS } from './series.js';
import type { SiteHourly } from './site-hourly.js';

/** Accelerators of a phase online during the hour starting at `hourStartMs`. */
export function phaseOnlineAt(
  count: number,
  onlineMs: number,
  rampDays: number,
  hourStartMs: number,
): number {
  if (hourStartMs < onlineMs) return 0;
  if (rampDays <= 0) return count;
  const done = (hourStartMs - onlineMs + HOUR_MS) / (rampDays * DAY_MS);
  return done >= 1 ? count : count * done;
}

export function fleetStage(site: SiteInputs, out: SiteHourly): void {
  const total = out.acceleratorsOnline;
  total.fill(0);
  site.phases.forEach((phase, p) => {
    phaseOnlineHours(
      phase.count,
      phase.onlineMs,
      phase.rampDays,
      out.startMs,
      out.hours,
      out.phaseOnline[p] as Float64Array,
      total,
    );
  });
}

/** `phaseOnlineAt` for every simulated hour into `online`, added into `total` (the same arithmetic). */
function phaseOnlineHours(
  count: number,
  onlineMs: number,
  rampDays: number,
  startMs: number,
  hours: number,
  online: Float64Array,
  total: Float64Array,
): void {
  const rampMs = rampDays * DAY_MS;
  for (let h = 0; h < hours; h++) {
    const hourStartMs = startMs + h * HOUR_MS;
    let n: number;
    if (hourStartMs < onlineMs) n = 0;
    else if (rampDays <= 0) n = count;
    else {
      const done = (hourStartMs - onlineMs + HOUR_MS) / rampMs;
      n = done >= 1 ? count : count * done;
    }
    online[h] = n;
    total[h] = (total[h] as number) + n;
  }
}
