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

/** An empty column: a phase the kernel leaves out. */
const none = new Float64Array(0);

/**
 * Every phase's FLOP, hour by hour: Σ_p n_p·b·(IT served / IT demand)·R_p·3,600, summed over the phases
 * in their order from zero (phases with none online, and hours with no IT demand, add nothing). One
 * pass over the hours with the first three phases in locals, a pass for each later phase: the same
 * additions in the same order as one pass per phase into a zeroed column.
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
  const k = Math.min(phases, 3);
  const o0 = k > 0 ? (online[0] as Float64Array) : none;
  const o1 = k > 1 ? (online[1] as Float64Array) : none;
  const o2 = k > 2 ? (online[2] as Float64Array) : none;
  const r0 = k > 0 ? (perRunningHour[0] as number) : 0;
  const r1 = k > 1 ? (perRunningHour[1] as number) : 0;
  const r2 = k > 2 ? (perRunningHour[2] as number) : 0;
  for (let h = 0; h < hours; h++) {
    const demand = itDemandMW[h] as number;
    let flop = 0;
    if (!(demand <= 0) && k > 0) {
      const served = (itMW[h] as number) / demand;
      const b = busyFraction[h] as number;
      const n0 = o0[h] as number;
      if (n0 !== 0) flop = flop + n0 * b * served * r0;
      if (k > 1) {
        const n1 = o1[h] as number;
        if (n1 !== 0) flop = flop + n1 * b * served * r1;
        if (k > 2) {
          const n2 = o2[h] as number;
          if (n2 !== 0) flop = flop + n2 * b * served * r2;
        }
      }
    }
    computeFLOP[h] = flop;
  }
  for (let p = 3; p < phases; p++)
    phaseFLOPHours(
      hours,
      online[p] as Float64Array,
      itDemandMW,
      itMW,
      busyFraction,
      perRunningHour[p] as number,
      computeFLOP,
    );
}

/** One later phase's FLOP added into `computeFLOP`, hour by hour: n·b·(IT served / IT demand)·R·3,600. */
function phaseFLOPHours(
  hours: number,
  online: Float64Array,
  itDemandMW: Float64Array,
  itMW: Float64Array,
  busyFraction: Float64Array,
  perRunningHour: number,
  computeFLOP: Float64Array,
): void {
  for (let h = 0; h < hours; h++) {
    const n = online[h] as number;
    const demand = itDemandMW[h] as number;
    if (n === 0 || demand <= 0) continue;
    const served = (itMW[h] as number) / demand;
    computeFLOP[h] = (computeFLOP[h] as number) + n * (busyFraction[h] as number) * served * perRunningHour;
  }
}
