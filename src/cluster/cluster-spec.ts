/**
 * What the cluster simulator runs: pools of scheduling units, training jobs and inference services,
 * all in plain numbers (times in hours from the start of the simulation). Built from a scenario by
 * ./from-scenario.ts, or directly (the fixed benchmark model, ./bench-model.ts; the quick calculators).
 */
import type { FailureModel } from './failure-model.js';

/** How a training job's accelerators respond to a curtailment request c (share of IT power to shed). */
export interface CurtailResponse {
  /** Throughput relative to the uncurtailed rate, 0..1 (0 = paused). */
  readonly throughput: number;
  /**
   * Power-equivalent busy share of a running accelerator, 0..1: (P − P_idle)/(P_run − P_idle), so that
   * the hourly engine's b·P_run + (1 − b)·P_idle gives the curtailed draw P.
   */
  readonly busyEquivalent: number;
}

/** A pool of identical scheduling units at one site (8-GPU servers, NVL72 racks...). */
export interface PoolSpec {
  readonly id: string;
  /** Index of the site in `ClusterSpec.sites` (for curtailment and the busy-fraction series). */
  readonly site: number;
  readonly acceleratorsPerUnit: number;
  /** Units installed by hour h (non-decreasing; length ≥ hours), or a constant from hour 0. */
  readonly unitsOnline: Float64Array | number;
  /** Failure model of units not held by a workload (spares, background work). */
  readonly failure: FailureModel;
  /** Busy share of units no workload holds (other tenants' work), for the busy-fraction series. */
  readonly backgroundBusyFraction: number;
  /** Response of a running accelerator to a curtailment request c ∈ [0, 1] (default: no response). */
  readonly curtail?: (c: number, mode: 'power-cap' | 'pause') => CurtailResponse;
}

export interface TrainingSpec {
  readonly id: string;
  /** Index into `ClusterSpec.pools`. */
  readonly pool: number;
  /** Units the job needs to run (it runs only with all of them: a gang-scheduled job). */
  readonly units: number;
  /** Earliest start, hours; the job starts once its units are free. */
  readonly startHours: number;
  /** Useful FLOP to finish (Infinity: runs to the horizon). */
  readonly totalFLOP: number;
  /** FLOP per unit-hour of work at full rate (accelerators × peak × MFU × 3,600 s × cap factor). */
  readonly flopPerUnitHour: number;
  readonly checkpointIntervalHours: number;
  readonly checkpointWriteHours: number;
  readonly restartHours: number;
  readonly failure: FailureModel;
  /** What the job does in an hour with a curtailment request (default 'power-cap'). */
  readonly curtailMode?: 'power-cap' | 'pause';
}

export interface InferenceSpec {
  readonly id: string;
  readonly pool: number;
  /** Capacity needed in hour h, in units (fractional), without headroom. */
  readonly demandUnits: Float64Array;
  /** Units to hold in hour h (demand plus headroom, whole units). */
  readonly targetUnits: Float64Array;
  /**
   * 'dynamic': at each hour the service takes units from the free pool up to its target (and, with
   * `preemptsTraining`, from training jobs) and releases those above it. 'fixed': it takes its target
   * at hour 0 only; its failed units come back to it after repair (the benchmark model).
   */
  readonly allocation: 'dynamic' | 'fixed';
  /** True: inference peaks preempt training jobs when the free pool is short. */
  readonly preemptsTraining: boolean;
  /** Tokens a unit serves per hour at full use (0 where tokens are not modelled). */
  readonly tokensPerUnitHour: number;
  readonly failure: FailureModel;
}

export interface ClusterSpec {
  readonly hours: number;
  /** Site ids (for curtailment and the busy-fraction series). */
  readonly sites: readonly string[];
  readonly pools: readonly PoolSpec[];
  readonly training: readonly TrainingSpec[];
  readonly inference: readonly InferenceSpec[];
  /** Per site, an hourly share of IT power the grid asks the site to shed (0..1), or undefined. */
  readonly curtailRequestFraction?: readonly (Float64Array | undefined)[];
  /** Seed of the random stream (same seed, same result). */
  readonly seed: number;
  /** Keep hourly per-workload arrays (busy and held accelerator-hours). Default true. */
  readonly recordHourly?: boolean;
}
