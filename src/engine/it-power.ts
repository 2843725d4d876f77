/**
 * Stage 3, IT power: what the online accelerators and their hosts would draw.
 *
 *   b(t)        = min(1, busyFraction · shape[localHour(t)])   share of accelerators running jobs,
 *                 or busyFractionSeries[t] when the cluster simulator (src/cluster/) ran workloads
 *   P_run,p     = P_curve(dutyCycle, boardPower_p, cap_p)      a running accelerator, W (measured H200
 *                 curve scaled to the chip; see docs/power-curve.md)
 *   P_idle,p    = P_curve(0, boardPower_p, cap_p)              an idle one, W
 *   P_acc(t)    = Σ_p n_p(t) · (b·P_run,p + (1 − b)·P_idle,p)
 *   P_host(t)   = Σ_p n_p(t) · hostNetworkW_p                  hosts, NICs, switches, W (at the system's
 *                 published maximum: an upper bound, see docs/accelerators.md)
 *   IT demand   = (P_acc + P_host) / 10⁶ MW
 *   IT installed= Σ_p n_p(t) · (boardPower_p + hostNetworkW_p) / 10⁶ MW  (full load)
 */
import { acceleratorPowerW } from '../catalog/power-curve.js';
import type { EngineInputs, SiteInputs } from './inputs.js';
import type { SiteHourly } from './site-hourly.js';

/** The busy-fraction profile by local hour: busyFraction × shape normalised to mean 1, clipped to [0, 1]. */
export function busyByLocalHour(site: SiteInputs): Float64Array {
  const out = new Float64Array(24);
  const shape = site.hourlyShape;
  const mean = shape ? shape.reduce((a, b) => a + b, 0) / 24 : 1;
  for (let hr = 0; hr < 24; hr++) {
    const rel = shape && mean > 0 ? (shape[hr] as number) / mean : 1;
    out[hr] = Math.min(1, Math.max(0, site.busyFraction * rel));
  }
  return out;
}

export function itPowerStage(site: SiteInputs, inputs: EngineInputs, out: SiteHourly): void {
  const busy = busyByLocalHour(site);
  const curve = inputs.powerCurve;
  const series = site.busyFractionSeries;
  for (let h = 0; h < out.hours; h++)
    out.busyFraction[h] = series ? (series[h] as number) : (busy[out.localHour[h] as number] as number);
  out.acceleratorDemandMW.fill(0);
  out.hostNetworkDemandMW.fill(0);
  out.itInstalledMW.fill(0);
  site.phases.forEach((phase, p) => {
    const online = out.phaseOnline[p] as Float64Array;
    const runW = acceleratorPowerW(site.dutyCycle, phase.boardPowerW, phase.powerCapW, curve);
    const idleW = acceleratorPowerW(0, phase.boardPowerW, phase.powerCapW, curve);
    const hostMW = phase.hostNetworkWPerAccelerator / 1e6;
    const fullMW = (phase.boardPowerW + phase.hostNetworkWPerAccelerator) / 1e6;
    for (let h = 0; h < out.hours; h++) {
      const n = online[h] as number;
      if (n === 0) continue;
      const b = out.busyFraction[h] as number;
      out.acceleratorDemandMW[h] =
        (out.acceleratorDemandMW[h] as number) + (n * (b * runW + (1 - b) * idleW)) / 1e6;
      out.hostNetworkDemandMW[h] = (out.hostNetworkDemandMW[h] as number) + n * hostMW;
      out.itInstalledMW[h] = (out.itInstalledMW[h] as number) + n * fullMW;
    }
  });
  for (let h = 0; h < out.hours; h++) {
    out.itDemandMW[h] = (out.acceleratorDemandMW[h] as number) + (out.hostNetworkDemandMW[h] as number);
  }
}
