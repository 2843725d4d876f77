/**
 * Stage 7, compute delivered: FLOP done in each hour at the scenario's precision.
 *
 *   FLOP(t) = Σ_p n_p(t) · b(t) · s(t) · R_p · 3,600 s
 *   R_p     = peak_p · MFU · d · F(d, cap_p) / F(1, board_p)        FLOP/s of a running accelerator
 * with b the share of accelerators running jobs, s = IT served / IT demand (the share of the load the
 * interconnect allowed), peak_p the dense peak FLOP/s, d the duty cycle (the share of its time a
 * running chip computes) and F the capped-clock throughput factor per busy second of the measured power
 * curve (docs/power-curve.md). MFU is stated for a chip that computes all the time (d = 1) at its
 * default power limit, as published MFU figures are; a chip computing a share d of the time does d of
 * that work per busy second scaled by F(d, cap)/F(1, board): below the cap (small d) it runs at full
 * clocks, above it the limiter slows it. d = 0 delivers no FLOP while its power falls to idle.
 */
import { capThroughputFactor, type PowerCurve } from '../catalog/power-curve.js';
import type { EngineInputs, PhaseInputs, SiteInputs } from './inputs.js';
import { phasePowerCurve } from './it-power.js';
import type { SiteHourly } from './site-hourly.js';

/** FLOP/s of one running accelerator of a phase at duty cycle d (see the file comment). */
export function runningFLOPS(
  phase: Pick<PhaseInputs, 'peakFLOPS' | 'boardPowerW' | 'powerCapW'>,
  dutyCycle: number,
  mfu: number,
  curve: PowerCurve,
): number {
  if (dutyCycle <= 0) return 0;
  const atCap = capThroughputFactor(dutyCycle, phase.boardPowerW, phase.powerCapW, curve);
  const reference = capThroughputFactor(1, phase.boardPowerW, phase.boardPowerW, curve);
  return phase.peakFLOPS * mfu * dutyCycle * (atCap / reference);
}

/**
 * Duty-weighted accelerator-hours computing in each hour: Σ_p n_p(t) · b(t) · s(t) · d, the
 * accelerator-hours in which chips actually computed (for revenue sold per accelerator-hour that should
 * follow the duty cycle, as compute does). Call after the compute stage's inputs are set (itMW).
 */
export function computingAcceleratorHours(site: SiteInputs, out: SiteHourly): Float64Array {
  const hours = new Float64Array(out.hours);
  for (let h = 0; h < out.hours; h++) {
    const demand = out.itDemandMW[h] as number;
    if (demand <= 0) continue;
    const served = (out.itMW[h] as number) / demand;
    hours[h] =
      (out.acceleratorsOnline[h] as number) * (out.busyFraction[h] as number) * served * site.dutyCycle;
  }
  return hours;
}

export function computeStage(site: SiteInputs, inputs: EngineInputs, out: SiteHourly): void {
  const perRunningHour = new Float64Array(site.phases.length);
  site.phases.forEach((phase, p) => {
    const curve = phasePowerCurve(phase, inputs.powerCurve);
    perRunningHour[p] = runningFLOPS(phase, site.dutyCycle, inputs.mfu, curve) * 3600;
  });
  flopHours(
    out.hours,
    out.phaseOnline,
    out.itDemandMW,
    out.itMW,
    out.busyFraction,
    perRunningHour,
    out.computeFLOP,
  );
}

/**
 * Every phase's FLOP, hour by hour: Σ_p n_p·b·(IT served / IT demand)·R_p·3,600, summed over the phases
 * in their order from zero (phases with none online, and hours with no IT demand, add nothing). One
 * pass over the hours with the phases inside: the same additions in the same order as one pass per
 * phase into a zeroed column.
 */
function flopHours(
  hours: number,
  online: readonly Float64Array[],
  itDemandMW: Float64Array,
  itMW: Float64Array,
  busyFraction: Float64Array,
  perRunningHour: Float64Array,
  computeFLOP: Float64Array,
): void {
  const phases = online.length;
  for (let h = 0; h < hours; h++) {
    const demand = itDemandMW[h] as number;
    let flop = 0;
    if (!(demand <= 0)) {
      const served = (itMW[h] as number) / demand;
      const b = busyFraction[h] as number;
      for (let p = 0; p < phases; p++) {
        const n = (online[p] as Float64Array)[h] as number;
        if (n === 0) continue;
        flop = flop + n * b * served * (perRunningHour[p] as number);
      }
    }
    computeFLOP[h] = flop;
  }
}
