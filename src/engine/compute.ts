/**
 * Stage 7, compute delivered: FLOP done in each hour at the scenario's precision.
 *
 *   FLOP(t) = Σ_p n_p(t) · b(t) · s(t) · peak_p · MFU · k_p · 3,600 s
 * with b the share of accelerators running jobs, s = IT served / IT demand (the share of the load the
 * interconnect allowed), peak_p the dense peak FLOP/s and MFU the model FLOP utilisation of a running
 * job. MFU is stated at the chip's default power limit (as published MFU figures are), so a lower
 * cap scales throughput by k_p = factor(dutyCycle, cap) / factor(dutyCycle, board power), with the
 * capped-clock throughput factor of the measured power curve (docs/power-curve.md).
 */
import { capThroughputFactor } from '../catalog/power-curve.js';
import type { EngineInputs, SiteInputs } from './inputs.js';
import type { SiteHourly } from './site-hourly.js';

export function computeStage(site: SiteInputs, inputs: EngineInputs, out: SiteHourly): void {
  out.computeFLOP.fill(0);
  site.phases.forEach((phase, p) => {
    const online = out.phaseOnline[p] as Float64Array;
    const atCap = capThroughputFactor(site.dutyCycle, phase.boardPowerW, phase.powerCapW, inputs.powerCurve);
    const atBoard = capThroughputFactor(
      site.dutyCycle,
      phase.boardPowerW,
      phase.boardPowerW,
      inputs.powerCurve,
    );
    const perRunningHour = phase.peakFLOPS * inputs.mfu * (atCap / atBoard) * 3600;
    for (let h = 0; h < out.hours; h++) {
      const n = online[h] as number;
      const demand = out.itDemandMW[h] as number;
      if (n === 0 || demand <= 0) continue;
      const served = (out.itMW[h] as number) / demand;
      out.computeFLOP[h] =
        (out.computeFLOP[h] as number) + n * (out.busyFraction[h] as number) * served * perRunningHour;
    }
  });
}
