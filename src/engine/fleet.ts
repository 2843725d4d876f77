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
  out.acceleratorsOnline.fill(0);
  site.phases.forEach((phase, p) => {
    const online = out.phaseOnline[p] as Float64Array;
    for (let h = 0; h < out.hours; h++) {
      const n = phaseOnlineAt(phase.count, phase.onlineMs, phase.rampDays, out.startMs + h * HOUR_MS);
      online[h] = n;
      out.acceleratorsOnline[h] = (out.acceleratorsOnline[h] as number) + n;
    }
  });
}
