/**
 * The fixed benchmark model of the cluster simulator (shared/docs/bench-cluster.md), named
 * `bench-cluster`, so that its speed and its answer compare with other simulators running exactly
 * the same model:
 *
 * - 7,000 racks of 72 accelerators (504,000, about 1 GW); 6 training jobs of 1,000 racks, 500 racks
 *   serving inference, 500 spare racks.
 * - Each rack fails as a Poisson process at 72·λ per hour, λ = 419 / (16,384 × 54 × 24) per
 *   accelerator-hour (Llama 3); repair is exponential with mean 8 h; a repaired rack joins the spare
 *   pool, an inference rack returns to inference; a spare that fails is repaired too.
 * - Training: 15 min of work then a 30 s checkpoint, work kept when the checkpoint completes; on a
 *   failure, lose the work since the checkpoint, take a spare per failed rack (waiting while none),
 *   restart for 10 min; a failure while waiting or restarting adds a rack to replace.
 * - Inference: demand in hour h is (0.6 + 0.3·(h mod 24)/24) × 500 racks; an hour is short when
 *   fewer inference racks are up.
 * - One year (8,760 h); goodput = kept work / 8,760 h, averaged over jobs.
 */
import type { ClusterSpec } from './cluster-spec.js';
import { type FailureModel, LLAMA3_ACCELERATOR_HOURS, LLAMA3_INTERRUPTIONS } from './failure-model.js';
import { type ClusterResult, simulateCluster } from './simulator.js';

export const BENCH_MODEL_NAME = 'bench-cluster';

const RACKS = 7_000;
const ACCELERATORS_PER_RACK = 72;
const JOBS = 6;
const JOB_RACKS = 1_000;
const INFERENCE_RACKS = 500;
const HOURS = 8_760;

/** λ = 419 unexpected interruptions / (16,384 × 54 × 24) accelerator-hours. */
export const BENCH_LAMBDA_PER_ACCELERATOR_HOUR =
  LLAMA3_INTERRUPTIONS.reduce((s, c) => s + c.count, 0) / LLAMA3_ACCELERATOR_HOURS;

const BENCH_FAILURES: FailureModel = {
  causes: [
    {
      id: 'unexpected',
      label: 'Unexpected interruption (all causes)',
      category: 'all',
      ratePerAcceleratorHour: BENCH_LAMBDA_PER_ACCELERATOR_HOUR,
      replacesUnit: true,
    },
  ],
  repairHours: 8,
  repairDistribution: 'exponential',
  source: 'shared/docs/bench-cluster.md',
};

/** The benchmark model as a cluster spec, for one seed. */
export function benchClusterSpec(seed: number): ClusterSpec {
  const demand = new Float64Array(HOURS);
  for (let h = 0; h < HOURS; h++) demand[h] = (0.6 + (0.3 * (h % 24)) / 24) * INFERENCE_RACKS;
  // A rack-hour of work is worth 1 "FLOP" here: goodput is kept work / elapsed time.
  return {
    hours: HOURS,
    sites: ['bench'],
    seed,
    recordHourly: false,
    pools: [
      {
        id: 'bench/racks',
        site: 0,
        acceleratorsPerUnit: ACCELERATORS_PER_RACK,
        unitsOnline: RACKS,
        failure: BENCH_FAILURES,
        backgroundBusyFraction: 0,
      },
    ],
    training: Array.from({ length: JOBS }, (_, i) => ({
      id: `job-${i + 1}`,
      pool: 0,
      units: JOB_RACKS,
      startHours: 0,
      totalFLOP: Number.POSITIVE_INFINITY,
      flopPerUnitHour: 1,
      checkpointIntervalHours: 15 / 60,
      checkpointWriteHours: 30 / 3600,
      restartHours: 10 / 60,
      failure: BENCH_FAILURES,
    })),
    inference: [
      {
        id: 'inference',
        pool: 0,
        demandUnits: demand,
        targetUnits: new Float64Array(HOURS).fill(INFERENCE_RACKS),
        allocation: 'fixed',
        preemptsTraining: false,
        tokensPerUnitHour: 0,
        failure: BENCH_FAILURES,
      },
    ],
  };
}

export interface BenchReplication {
  readonly seed: number;
  readonly events: number;
  readonly meanGoodput: number;
  readonly shortfallHours: number;
  readonly result: ClusterResult;
}

/** Runs the benchmark model for one seed; goodput = kept work-hours / 8,760 h, mean over jobs. */
export function runBenchModel(seed: number): BenchReplication {
  const result = simulateCluster(benchClusterSpec(seed));
  const meanGoodput =
    result.training.reduce((s, t) => s + t.keptWorkHours / HOURS, 0) / Math.max(1, result.training.length);
  return {
    seed,
    events: result.events,
    meanGoodput,
    shortfallHours: result.inference[0]?.shortfallHours ?? 0,
    result,
  };
}
