/**
 * A training job in the cluster simulator: a gang-scheduled job that loops
 *   work for τ (the checkpoint interval) → write a checkpoint for δ → work ...
 * and keeps work only when its checkpoint completes. An interruption loses the work since the last
 * completed checkpoint; a unit-replacing interruption also waits for a spare unit; then the job
 * restarts for R before it works again.
 *
 * States: pending (not started or preempted, waiting for all its units) → working ⇄ checkpointing;
 * an interruption → waiting (for spares) → restarting → working; done once the kept FLOP reach the
 * total. Time in each state is accounted (hours), so that
 *   elapsed = working + checkpointing + restarting + waiting (+ pending after a preemption),
 *   kept work = working − lost work,
 *   effective training time = kept work / elapsed,
 *   goodput = kept FLOP / (FLOP the job's units could do at full rate over the elapsed time).
 * Progress accrues at a piecewise-constant rate (FLOP/h) that changes only at events and hour ticks
 * (curtailment), so every accrual segment lies within one simulated hour.
 */

import type { TrainingSpec } from './cluster-spec.js';
import { cumulativeCauseRates, type FailureModel } from './failure-model.js';

export enum JobState {
  Pending = 0,
  Working = 1,
  Checkpointing = 2,
  Restarting = 3,
  Waiting = 4,
  Done = 5,
}

export const JOB_STATE_NAMES = ['pending', 'working', 'checkpointing', 'restarting', 'waiting', 'done'];

export class TrainingJob {
  state: JobState = JobState.Pending;
  /** Units held now. */
  held = 0;
  /** Units to replace before the job can restart. */
  need = 0;
  /** Token of the pending state timer (window end, checkpoint end, restart end). */
  timerToken = 0;
  /** Token of the pending failure event. */
  failToken = 0;
  /** Time the current accrual segment began, h (while working). */
  segStart = 0;
  /** Current progress rate while working, FLOP/h. */
  rateFLOPPerHour = 0;
  /** Power-equivalent busy share of a working accelerator (1 uncurtailed). */
  busyEquivalent = 1;
  /** Throughput factor from curtailment (1 uncurtailed). */
  throughput = 1;

  uncommittedFLOP = 0;
  uncommittedWorkHours = 0;
  committedFLOP = 0;
  keptWorkHours = 0;
  lostWorkHours = 0;
  lostFLOP = 0;
  checkpoints = 0;
  startedAt: number | null = null;
  completedAt: number | null = null;
  stateSince = 0;
  readonly hoursInState = new Float64Array(6);
  /** Interruptions by cause id (including 'preemption'). */
  readonly interruptions = new Map<string, number>();
  /** Cumulative cause weights of the failure model, for drawing a cause. */
  readonly causeCumulative: Float64Array;
  /** Interruptions per unit-hour (all causes). */
  readonly failuresPerUnitHour: number;
  /** Per hour: power-equivalent busy accelerator-hours and accelerator-hours held. */
  readonly busyAcceleratorHours: Float64Array;
  readonly heldAcceleratorHours: Float64Array;
  heldSince = 0;

  constructor(
    readonly spec: TrainingSpec,
    readonly index: number,
    readonly acceleratorsPerUnit: number,
    hours: number,
    recordHourly: boolean,
  ) {
    this.causeCumulative = cumulativeCauseRates(spec.failure);
    this.failuresPerUnitHour =
      (this.causeCumulative[this.causeCumulative.length - 1] ?? 0) * acceleratorsPerUnit;
    this.rateFLOPPerHour = spec.units * spec.flopPerUnitHour;
    this.busyAcceleratorHours = new Float64Array(recordHourly ? hours : 0);
    this.heldAcceleratorHours = new Float64Array(recordHourly ? hours : 0);
  }

  get failure(): FailureModel {
    return this.spec.failure;
  }

  /** Moves to `next` at time `now`, adding the time spent in the state left. */
  enter(next: JobState, now: number): void {
    this.hoursInState[this.state] = (this.hoursInState[this.state] as number) + (now - this.stateSince);
    this.state = next;
    this.stateSince = now;
  }

  /** Adds progress and busy time from `segStart` to `now` (same hour `hour`) while working. */
  accrue(now: number, hour: number): void {
    const dt = now - this.segStart;
    if (dt > 0) {
      this.uncommittedFLOP += this.rateFLOPPerHour * dt;
      this.uncommittedWorkHours += dt;
      if (this.busyAcceleratorHours.length > 0 && hour >= 0 && hour < this.busyAcceleratorHours.length) {
        this.busyAcceleratorHours[hour] =
          (this.busyAcceleratorHours[hour] as number) +
          dt * this.held * this.acceleratorsPerUnit * this.busyEquivalent;
      }
    }
    this.segStart = now;
  }

  /** Adds held accelerator-hours from `heldSince` to `now` (same hour). Call before `held` changes. */
  accrueHeld(now: number, hour: number): void {
    const dt = now - this.heldSince;
    if (dt > 0 && this.held > 0 && hour >= 0 && hour < this.heldAcceleratorHours.length) {
      this.heldAcceleratorHours[hour] =
        (this.heldAcceleratorHours[hour] as number) + dt * this.held * this.acceleratorsPerUnit;
    }
    this.heldSince = now;
  }

  /** Sets the progress rate for the current curtailment response (throughput 0..1). */
  setRate(throughput: number, busyEquivalent: number): void {
    this.throughput = throughput;
    this.busyEquivalent = busyEquivalent;
    this.rateFLOPPerHour = this.spec.units * this.spec.flopPerUnitHour * throughput;
  }

  /** Length of the next work window, h: the interval, or less when the remaining FLOP need less. */
  nextWindowHours(): number {
    const remaining = this.spec.totalFLOP - this.committedFLOP - this.uncommittedFLOP;
    if (this.rateFLOPPerHour > 0 && Number.isFinite(remaining)) {
      const w = remaining / this.rateFLOPPerHour;
      if (w < this.spec.checkpointIntervalHours) return Math.max(w, 1e-9);
    }
    return this.spec.checkpointIntervalHours;
  }

  /** Loses the work since the last completed checkpoint. */
  loseUncommitted(): void {
    this.lostFLOP += this.uncommittedFLOP;
    this.lostWorkHours += this.uncommittedWorkHours;
    this.uncommittedFLOP = 0;
    this.uncommittedWorkHours = 0;
  }

  /** Keeps the work of the window just checkpointed; true when the job is complete. */
  commit(): boolean {
    this.committedFLOP += this.uncommittedFLOP;
    this.keptWorkHours += this.uncommittedWorkHours;
    this.uncommittedFLOP = 0;
    this.uncommittedWorkHours = 0;
    this.checkpoints++;
    return this.committedFLOP >= this.spec.totalFLOP * (1 - 1e-12);
  }

  countInterruption(cause: string): void {
    this.interruptions.set(cause, (this.interruptions.get(cause) ?? 0) + 1);
  }
}

/** What a training job achieved over the simulation. */
export interface TrainingOutcome {
  readonly id: string;
  readonly startedAtHours: number | null;
  readonly completedAtHours: number | null;
  readonly committedFLOP: number;
  readonly totalFLOP: number;
  /** Kept FLOP / (FLOP the job's units could do at full rate from start to completion or horizon). */
  readonly goodput: number;
  /** Kept work hours / elapsed hours × 100. */
  readonly effectiveTrainingTimePct: number;
  readonly elapsedHours: number;
  readonly keptWorkHours: number;
  readonly lostWorkHours: number;
  readonly checkpointOverheadHours: number;
  readonly restartHours: number;
  readonly waitingForSparesHours: number;
  /** Hours preempted or not yet started after its start date. */
  readonly pendingHours: number;
  readonly checkpoints: number;
  readonly interruptions: Record<string, number>;
  readonly interruptionsTotal: number;
}

export function trainingOutcome(job: TrainingJob, horizonHours: number): TrainingOutcome {
  const spec = job.spec;
  const start = job.startedAt;
  const end = job.completedAt ?? horizonHours;
  const elapsed = start === null ? 0 : end - start;
  const full = spec.units * spec.flopPerUnitHour * elapsed;
  const interruptions: Record<string, number> = {};
  let total = 0;
  for (const [k, v] of [...job.interruptions.entries()].sort((a, b) => b[1] - a[1])) {
    interruptions[k] = v;
    total += v;
  }
  const h = job.hoursInState;
  const committed = Math.min(job.committedFLOP, spec.totalFLOP);
  return {
    id: spec.id,
    startedAtHours: start,
    completedAtHours: job.completedAt,
    committedFLOP: committed,
    totalFLOP: spec.totalFLOP,
    goodput: full > 0 ? Math.min(1, committed / full) : 0,
    effectiveTrainingTimePct: elapsed > 0 ? (100 * job.keptWorkHours) / elapsed : 0,
    elapsedHours: elapsed,
    keptWorkHours: job.keptWorkHours,
    lostWorkHours: job.lostWorkHours,
    checkpointOverheadHours: h[JobState.Checkpointing] as number,
    restartHours: h[JobState.Restarting] as number,
    waitingForSparesHours: h[JobState.Waiting] as number,
    pendingHours: start === null ? 0 : Math.max(0, (h[JobState.Pending] as number) - start),
    checkpoints: job.checkpoints,
    interruptions,
    interruptionsTotal: total,
  };
}
