/**
 * A single training run without a scenario (`gigawatt train`): one pool of scheduling units of one
 * accelerator type, the job, and a spare pool, simulated from t = 0 until it finishes (or the
 * horizon). Also the checkpoint-interval sweep, with Young's and Daly's optima alongside.
 */
import { getAccelerator } from '../catalog/accelerators.js';
import { DEFAULT_CHECKPOINT_WRITE_MINUTES, DEFAULT_RESTART_MINUTES } from '../model/workload-schema.js';
import type { ClusterSpec } from './cluster-spec.js';
import {
  analyticLossFraction,
  checkpointIntervalHours,
  dalyIntervalHours,
  type FailureModel,
  firstOrderValidity,
  jobMtbfHours,
  llama3FailureModel,
  restartShareWarning,
  youngIntervalHours,
} from './failure-model.js';
import { simulateCluster } from './simulator.js';
import type { TrainingOutcome } from './training.js';

/** Default spare units as a share of the job's units (assumption; see docs/workloads.md). */
export const DEFAULT_SPARE_SHARE = 0.02;

export interface QuickTrainInput {
  readonly accelerator: string;
  readonly count: number;
  readonly totalFLOP: number;
  readonly precision?: 'bf16' | 'fp8';
  readonly mfu?: number;
  /** Minutes; default Young's optimum. */
  readonly checkpointIntervalMinutes?: number;
  readonly checkpointWriteMinutes?: number;
  readonly restartMinutes?: number;
  readonly rateScale?: number;
  readonly repairHours?: number;
  /** Spare units (default ⌈2 % of the job's units⌉). */
  readonly spareUnits?: number;
  /** Throughput factor of a power cap (1 = board power). */
  readonly throughputFactor?: number;
  readonly horizonHours?: number;
  readonly seed?: number;
}

export interface QuickTrainResult {
  readonly outcome: TrainingOutcome;
  readonly units: number;
  readonly acceleratorsPerUnit: number;
  readonly unitName: string;
  readonly spareUnits: number;
  readonly mtbfHours: number;
  readonly intervalMinutes: number;
  readonly youngMinutes: number;
  readonly dalyMinutes: number;
  /** 1 − first-order loss at the interval used (Young's model), %; null where that model does not hold. */
  readonly analyticEffectivePct: number | null;
  /** Why the first-order figure is not given (interval + write + restart not ≪ MTBF), else undefined. */
  readonly analyticNote?: string;
  /** Set when the restart time is a large share of the job MTBF (see restartShareWarning). */
  readonly restartWarning?: string;
  /** Hours the run would take with no failures and no checkpoints. */
  readonly idealHours: number;
  readonly horizonHours: number;
  readonly events: number;
}

export function quickTrain(input: QuickTrainInput): QuickTrainResult {
  const spec = getAccelerator(input.accelerator);
  if (!spec) throw new RangeError(`unknown accelerator ${input.accelerator}`);
  const precision = input.precision ?? 'bf16';
  const peak = precision === 'fp8' ? spec.fp8DenseTFLOPS.value : spec.bf16DenseTFLOPS.value;
  if (peak === null)
    throw new RangeError(`${input.accelerator} has no published dense ${precision} throughput`);
  const perUnit = spec.schedulingUnit.accelerators;
  const units = Math.ceil(input.count / perUnit);
  const mfu = input.mfu ?? 0.4;
  const failure: FailureModel = llama3FailureModel({
    rateScale: input.rateScale ?? 1,
    ...(input.repairHours !== undefined ? { repairHours: input.repairHours } : {}),
  });
  const mtbf = jobMtbfHours(failure, units * perUnit);
  const writeH = (input.checkpointWriteMinutes ?? DEFAULT_CHECKPOINT_WRITE_MINUTES) / 60;
  const restartH = (input.restartMinutes ?? DEFAULT_RESTART_MINUTES) / 60;
  const young = youngIntervalHours(writeH, mtbf);
  const intervalH = checkpointIntervalHours(input.checkpointIntervalMinutes, writeH, mtbf);
  const flopPerUnitHour = perUnit * peak * 1e12 * mfu * (input.throughputFactor ?? 1) * 3600;
  const idealHours = input.totalFLOP / (units * flopPerUnitHour);
  const horizon = input.horizonHours ?? Math.min(10 * 8760, Math.max(30 * 24, Math.ceil(idealHours * 4)));
  const spares = input.spareUnits ?? Math.max(1, Math.ceil(DEFAULT_SPARE_SHARE * units));
  const cluster: ClusterSpec = {
    hours: horizon,
    sites: ['quick'],
    seed: input.seed ?? 1,
    recordHourly: false,
    pools: [
      {
        id: `quick/${input.accelerator}`,
        site: 0,
        acceleratorsPerUnit: perUnit,
        unitsOnline: units + spares,
        failure,
        backgroundBusyFraction: 0,
      },
    ],
    training: [
      {
        id: 'run',
        pool: 0,
        units,
        startHours: 0,
        totalFLOP: input.totalFLOP,
        flopPerUnitHour,
        checkpointIntervalHours: intervalH,
        checkpointWriteHours: writeH,
        restartHours: restartH,
        failure,
      },
    ],
    inference: [],
  };
  const result = simulateCluster(cluster);
  const outcome = result.training[0] as TrainingOutcome;
  const firstOrder = firstOrderValidity(intervalH, writeH, restartH, mtbf);
  const restartWarning = restartShareWarning(restartH, mtbf);
  return {
    outcome,
    units,
    acceleratorsPerUnit: perUnit,
    unitName: spec.schedulingUnit.name,
    spareUnits: spares,
    mtbfHours: mtbf,
    intervalMinutes: intervalH * 60,
    youngMinutes: young * 60,
    dalyMinutes: dalyIntervalHours(writeH, mtbf) * 60,
    analyticEffectivePct: firstOrder.valid
      ? 100 * (1 - analyticLossFraction(intervalH, writeH, restartH, mtbf))
      : null,
    ...(firstOrder.valid ? {} : { analyticNote: firstOrder.reason }),
    ...(restartWarning ? { restartWarning } : {}),
    idealHours,
    horizonHours: horizon,
    events: result.events,
  };
}

export interface SweepPoint {
  readonly intervalMinutes: number;
  /** Mean over the replications. */
  readonly goodput: number;
  readonly effectiveTrainingTimePct: number;
  /** null where the first-order model does not hold at this interval. */
  readonly analyticEffectivePct: number | null;
}

/** Goodput at each checkpoint interval, mean over `replications` seeds (1..N). */
export function checkpointSweep(
  input: QuickTrainInput,
  intervalsMinutes: readonly number[],
  replications = 3,
): { points: SweepPoint[]; youngMinutes: number; dalyMinutes: number; mtbfHours: number } {
  let young = 0;
  let daly = 0;
  let mtbf = 0;
  const points = intervalsMinutes.map((m) => {
    let g = 0;
    let e = 0;
    let a: number | null = null;
    for (let r = 1; r <= replications; r++) {
      const q = quickTrain({ ...input, checkpointIntervalMinutes: m, seed: (input.seed ?? 1) * 1000 + r });
      g += q.outcome.goodput;
      e += q.outcome.effectiveTrainingTimePct;
      a = q.analyticEffectivePct;
      young = q.youngMinutes;
      daly = q.dalyMinutes;
      mtbf = q.mtbfHours;
    }
    return {
      intervalMinutes: m,
      goodput: g / replications,
      effectiveTrainingTimePct: e / replications,
      analyticEffectivePct: a,
    };
  });
  return { points, youngMinutes: young, dalyMinutes: daly, mtbfHours: mtbf };
}
