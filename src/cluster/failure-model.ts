/**
 * The failure model: unexpected interruptions per accelerator-hour by cause, and what each costs.
 *
 * Default rates are the published Llama 3 405B table (reference-figures.md §2.4, sources LL1–LL4):
 * 419 unexpected interruptions in a 54-day snapshot on 16,384 H100s, by cause. The rate of a cause is
 *   λ_c = count_c / (16,384 × 54 × 24 h)   interruptions per accelerator-hour,
 * so λ = Σ λ_c = 419 / 21,233,664 = 1.973e-5 per accelerator-hour: one interruption every ~3.1 h for
 * the whole 16,384-GPU job (the paper's "about one every three hours").
 *
 * A scheduling unit of a accelerators (an 8-GPU server, a 72-GPU rack) fails at a·λ per hour: a fault
 * on any of its accelerators takes the unit out (the unit is what the scheduler swaps).
 *
 * Which causes take the unit out for repair is a modelling choice (labelled): the GPU, host, network
 * and unplanned-maintenance causes need the unit swapped for a spare and repaired; software bugs,
 * NCCL watchdog timeouts and dependency failures restart the job in place on the same units.
 * The table's counts are used; its printed percentages do not all match the counts (148/419 = 35 %,
 * printed 30.1 %), so they are not used.
 *
 * Scaling per chip generation: no per-chip interruption rates are published in the reference figures
 * (the Crusoe H200 anchor gives only shares), so every chip takes the H100 rates per accelerator-hour
 * times `rateScale`, the per-generation failure scaling: an explicit input of every workload
 * (`failures.rateScale`) and of `gigawatt train` (`--rate-scale`), default 1 = the Llama 3 H100 rates,
 * labelled as an assumption wherever it is shown.
 */

import {
  FAILURE_CAUSE_IDS,
  LLAMA3_ACCELERATOR_HOURS,
  LLAMA3_INTERRUPTIONS,
  LLAMA3_SOURCE,
} from '../catalog/failure-rates.js';

/** One cause of unexpected interruption. */
export interface FailureCause {
  readonly id: string;
  readonly label: string;
  /** Llama 3 category (GPU, Host, Network, Dependency, Unknown, Unplanned maint.). */
  readonly category: string;
  /** Interruptions per accelerator-hour. */
  readonly ratePerAcceleratorHour: number;
  /** True when the unit is taken out for repair and replaced by a spare; false: restart in place. */
  readonly replacesUnit: boolean;
}

export interface FailureModel {
  readonly causes: readonly FailureCause[];
  /** Mean time to repair a unit taken out (hours). */
  readonly repairHours: number;
  /** 'exponential' (memoryless, mean repairHours) or 'fixed' (exactly repairHours). */
  readonly repairDistribution: 'exponential' | 'fixed';
  readonly source: string;
}

export { FAILURE_CAUSE_IDS, LLAMA3_ACCELERATOR_HOURS, LLAMA3_INTERRUPTIONS };

/**
 * Mean repair time of a unit taken out, hours. Assumption: no repair or replacement time is published
 * in the reference figures; 8 h is the fixed benchmark model's figure (shared/docs/bench-cluster.md).
 */
export const DEFAULT_REPAIR_HOURS = 8;

/**
 * The Llama 3 failure model, every rate multiplied by `rateScale`, with per-cause overrides
 * (interruptions per accelerator-hour) replacing the scaled default of that cause.
 */
export function llama3FailureModel(
  options: {
    rateScale?: number;
    ratesPerAcceleratorHour?: Partial<Record<string, number>>;
    repairHours?: number;
    repairDistribution?: 'exponential' | 'fixed';
  } = {},
): FailureModel {
  const scale = options.rateScale ?? 1;
  if (!(scale >= 0) || !Number.isFinite(scale))
    throw new RangeError(`rateScale must be a finite number ≥ 0, got ${scale}`);
  const causes = LLAMA3_INTERRUPTIONS.map((c) => ({
    id: c.id,
    label: c.label,
    category: c.category,
    ratePerAcceleratorHour:
      options.ratesPerAcceleratorHour?.[c.id] ?? (scale * c.count) / LLAMA3_ACCELERATOR_HOURS,
    replacesUnit: c.replacesUnit,
  }));
  return {
    causes,
    repairHours: options.repairHours ?? DEFAULT_REPAIR_HOURS,
    repairDistribution: options.repairDistribution ?? 'exponential',
    source:
      scale === 1 && !options.ratesPerAcceleratorHour ? LLAMA3_SOURCE : `${LLAMA3_SOURCE}, scaled ×${scale}`,
  };
}

/**
 * Running sums of the per-cause rates (per accelerator-hour), for drawing the cause of a failure by
 * one uniform number; the last element is the total rate.
 */
export function cumulativeCauseRates(model: FailureModel): Float64Array {
  const out = new Float64Array(model.causes.length);
  let s = 0;
  model.causes.forEach((c, i) => {
    s += c.ratePerAcceleratorHour;
    out[i] = s;
  });
  return out;
}

/** Total interruption rate, per accelerator-hour. */
export function totalRatePerAcceleratorHour(model: FailureModel): number {
  let s = 0;
  for (const c of model.causes) s += c.ratePerAcceleratorHour;
  return s;
}

/** Mean time between interruptions of a job on `accelerators` accelerators, hours: 1 / (n·λ). */
export function jobMtbfHours(model: FailureModel, accelerators: number): number {
  const rate = totalRatePerAcceleratorHour(model) * accelerators;
  return rate > 0 ? 1 / rate : Number.POSITIVE_INFINITY;
}

/**
 * The checkpoint interval that maximises goodput to first order (Young 1974): τ = √(2·δ·M), with δ the
 * checkpoint write time and M the job's mean time between interruptions (same unit as δ).
 */
export function youngIntervalHours(writeHours: number, mtbfHours: number): number {
  return Math.sqrt(2 * writeHours * mtbfHours);
}

/**
 * The checkpoint interval a job uses: the one given, else Young's optimum √(2·δ·M), else 1 h where
 * Young's is not defined (no write time or no failures). One rule for scenario workloads and `train`.
 */
export function checkpointIntervalHours(
  givenMinutes: number | undefined,
  writeHours: number,
  mtbfHours: number,
): number {
  if (givenMinutes !== undefined) return givenMinutes / 60;
  const young = youngIntervalHours(writeHours, mtbfHours);
  return Number.isFinite(young) && young > 0 ? young : 1;
}

/**
 * Daly's higher-order optimum (Daly 2006, Future Gener. Comput. Syst. 22:303):
 * τ = √(2δM)·[1 + ⅓·√(δ/2M) + (1/9)·(δ/2M)] − δ for δ < 2M, else τ = M.
 */
export function dalyIntervalHours(writeHours: number, mtbfHours: number): number {
  if (writeHours >= 2 * mtbfHours) return mtbfHours;
  const r = writeHours / (2 * mtbfHours);
  return Math.sqrt(2 * writeHours * mtbfHours) * (1 + Math.sqrt(r) / 3 + r / 9) - writeHours;
}

/**
 * First-order expected share of wall time lost to checkpoints and interruptions (Young's model):
 * δ/τ + (τ/2 + R)/M, with R the restart time. 1 minus this is the analytic effective-time estimate.
 */
export function analyticLossFraction(
  intervalHours: number,
  writeHours: number,
  restartHours: number,
  mtbfHours: number,
): number {
  return writeHours / intervalHours + (intervalHours / 2 + restartHours) / mtbfHours;
}

/**
 * Restart time above this share of the job's MTBF draws a warning. A labelled threshold: at 10 % the
 * restarts alone cost about a tenth of the wall time before any lost work or checkpointing.
 */
export const RESTART_SHARE_WARNING = 0.1;

/** A warning when the restart time R is a large share of the job MTBF M, else undefined. */
export function restartShareWarning(restartHours: number, mtbfHours: number): string | undefined {
  if (!(mtbfHours > 0) || !Number.isFinite(mtbfHours)) return undefined;
  const share = restartHours / mtbfHours;
  if (share <= RESTART_SHARE_WARNING) return undefined;
  return `restart ${(restartHours * 60).toFixed(1)} min is ${(100 * share).toFixed(0)} % of the job MTBF ${(mtbfHours * 60).toFixed(1)} min (warning above ${100 * RESTART_SHARE_WARNING} %): restarts alone take about ${(100 * (share / (1 + share))).toFixed(0)} % of the wall time; frontier runs use in-memory checkpoints and hot spares to restart in minutes (docs/workloads.md)`;
}

/**
 * The first-order loss δ/τ + (τ/2 + R)/M (Young) assumes at most one interruption per interval and
 * none during a restart, i.e. τ + δ + R ≪ M. It is reported only while (τ + δ + R)/M is at most this
 * share. Measured against the event simulation (quick-train, 2026-12-02): at a share of 0.10
 * (Llama 3) it is 0.4 points from the simulated effective training time, at 0.23 2.3 points, at
 * 0.36 5–6 points, at 0.52 11 points and at 0.83 23 points; 0.25 keeps it within about 2.5 points.
 */
export const FIRST_ORDER_MAX_SHARE = 0.25;

/** Whether the first-order analytic loss holds, and if not, why (for printing instead of the figure). */
export function firstOrderValidity(
  intervalHours: number,
  writeHours: number,
  restartHours: number,
  mtbfHours: number,
): { readonly valid: true } | { readonly valid: false; readonly reason: string } {
  if (!Number.isFinite(mtbfHours)) return { valid: true };
  const share = (intervalHours + writeHours + restartHours) / mtbfHours;
  if (share <= FIRST_ORDER_MAX_SHARE) return { valid: true };
  return {
    valid: false,
    reason: `not shown: interval + write + restart = ${((intervalHours + writeHours + restartHours) * 60).toFixed(1)} min is ${(100 * share).toFixed(0)} % of the job MTBF ${(mtbfHours * 60).toFixed(1)} min; the first-order (Young) estimate is within ~2.5 points of the simulation only below ${100 * FIRST_ORDER_MAX_SHARE} %`,
  };
}
