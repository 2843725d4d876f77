/**
 * Training at frontier scale: the sourced restart/write defaults, the restart-share warning, where
 * the first-order (Young) estimate is shown, and the repair draw using the mean where it belongs.
 */
import { describe, expect, it } from 'vitest';
import { trainingRestartWarning } from '../src/cli/format-workloads.js';
import type { ClusterSpec } from '../src/cluster/cluster-spec.js';
import {
  FAILURE_CAUSE_IDS,
  firstOrderValidity,
  llama3FailureModel,
  restartShareWarning,
} from '../src/cluster/failure-model.js';
import { quickTrain } from '../src/cluster/quick-train.js';
import { simulateCluster } from '../src/cluster/simulator.js';
import { trainingWorkloadSchema } from '../src/model/workload-schema.js';

/** The job MTBF of 144,000 accelerators at the Llama 3 rates, hours: 16,384 × 54 × 24 / (419 × 144,000). */
const FRONTIER_MTBF_H = (16_384 * 54 * 24) / (419 * 144_000);

describe('schema defaults for a training run', () => {
  const w = trainingWorkloadSchema.parse({ kind: 'training', id: 'run', totalFLOP: 5e26, site: 'a' });
  it('blocks 10 s per checkpoint (asynchronous checkpointing) and restarts in 2 min', () => {
    expect(w.checkpointWriteMinutes * 60).toBeCloseTo(10, 9);
    expect(w.restartMinutes).toBe(2);
  });
  it('scales failures per generation by 1 (the Llama 3 H100 rates) unless told otherwise', () => {
    expect(w.failures.rateScale).toBe(1);
    const described = trainingWorkloadSchema.shape.failures.unwrap().shape.rateScale.description ?? '';
    expect(described).toMatch(/per-generation/i);
  });
});

describe('the default 5e26-FLOP run on 144,000 GB300', () => {
  const q = quickTrain({ accelerator: 'gb300', count: 144_000, totalFLOP: 5e26, seed: 1 });
  it('has a job MTBF of ~21 min at the Llama 3 rates', () => {
    // 144,000 is exactly 2,000 racks of 72
    expect(q.mtbfHours).toBeCloseTo(FRONTIER_MTBF_H, 9);
    expect(q.mtbfHours * 60).toBeCloseTo(21.1, 1);
  });
  it('reaches the goodput of the hand first-order estimate within 3 points (no longer 45 %)', () => {
    // Young: τ = √(2δM), loss = δ/τ + (τ/2 + R)/M with δ = 10 s, R = 2 min
    const d = 10 / 3600;
    const r = 2 / 60;
    const tau = Math.sqrt(2 * d * FRONTIER_MTBF_H);
    const handEffective = 1 - (d / tau + (tau / 2 + r) / FRONTIER_MTBF_H);
    expect(handEffective).toBeGreaterThan(0.75);
    expect(Math.abs(q.outcome.goodput - handEffective)).toBeLessThan(0.03);
  });
  it('draws no restart warning (2 min is under 10 % of 21 min)', () => {
    expect(q.restartWarning).toBeUndefined();
  });
});

describe('restart share of the job MTBF', () => {
  it('warns when a 10-minute restart is 47 % of the 21-minute MTBF', () => {
    const w = restartShareWarning(10 / 60, FRONTIER_MTBF_H);
    expect(w).toMatch(/47 %/);
    const q = quickTrain({ accelerator: 'gb300', count: 144_000, totalFLOP: 1e25, restartMinutes: 10 });
    expect(q.restartWarning).toMatch(/47 %/);
  });
  it('is silent at 10 % and below', () => {
    expect(restartShareWarning(0.1, 1)).toBeUndefined();
    expect(restartShareWarning(0.1001, 1)).toBeDefined();
  });
});

describe('the first-order (Young) estimate is shown only where it holds', () => {
  it('is shown for the Llama 3 case (τ + δ + R ≈ 10 % of MTBF) and hidden, with the reason, at 83 %', () => {
    const llama = quickTrain({
      accelerator: 'h100',
      count: 16_384,
      totalFLOP: 1e24,
      checkpointWriteMinutes: 0.5,
      restartMinutes: 5,
    });
    expect(llama.analyticEffectivePct).not.toBeNull();
    const old = quickTrain({
      accelerator: 'gb300',
      count: 144_000,
      totalFLOP: 1e25,
      checkpointWriteMinutes: 1,
      restartMinutes: 10,
    });
    expect(old.analyticEffectivePct).toBeNull();
    expect(old.analyticNote).toMatch(/MTBF/);
  });
  it('switches at (τ + δ + R)/M = 0.25', () => {
    expect(firstOrderValidity(0.2, 0.025, 0.025, 1).valid).toBe(true);
    expect(firstOrderValidity(0.2, 0.05, 0.0001, 1).valid).toBe(false);
    expect(firstOrderValidity(1, 1, 1, Number.POSITIVE_INFINITY).valid).toBe(true);
  });
});

describe('repair times are drawn with their mean (not the rate)', () => {
  // A pool of N idle units, each failing at λ per unit-hour and repaired in an exponential time of mean
  // r, alternates up (mean 1/λ) and in repair (mean r): by renewal theory it completes
  // N·T / (1/λ + r) repairs in T hours and spends the fraction λr/(1 + λr) of its time in repair.
  // Drawing the repair with rate r (mean 1/r = 0.125 h) would give N·T/(8 + 0.125): ~2× as many.
  const perUnit = 8;
  const lambdaUnit = 1 / 8; // per unit-hour
  const repairHours = 8;
  const rates = Object.fromEntries(FAILURE_CAUSE_IDS.map((id) => [id, 0]));
  rates['faulty-gpu'] = lambdaUnit / perUnit;
  const failure = llama3FailureModel({ ratesPerAcceleratorHour: rates, repairHours });
  const N = 100;
  const T = 10_000;
  const spec: ClusterSpec = {
    hours: T,
    sites: ['s'],
    seed: 7,
    recordHourly: false,
    pools: [
      { id: 'p', site: 0, acceleratorsPerUnit: perUnit, unitsOnline: N, failure, backgroundBusyFraction: 0 },
    ],
    training: [],
    inference: [],
  };
  it('completes N·T/(1/λ + r) repairs within 3 % (σ ≈ 0.3 %)', () => {
    const pool = simulateCluster(spec).pools[0];
    const expected = (N * T) / (1 / lambdaUnit + repairHours);
    expect(Math.abs((pool?.repairs ?? 0) / expected - 1)).toBeLessThan(0.03);
  });
  it('so the long-run share of units in repair is λr/(1 + λr) = 50 %, not 1.5 %', () => {
    const pool = simulateCluster(spec).pools[0];
    const shareInRepair = ((pool?.repairs ?? 0) * repairHours) / (N * T);
    expect(
      Math.abs(shareInRepair - (lambdaUnit * repairHours) / (1 + lambdaUnit * repairHours)),
    ).toBeLessThan(0.015);
  });
});

describe('the run summary warns on the same rule', () => {
  it('uses the mean restart per interruption against the MTBF', () => {
    // 60 restarts of 10 min in 10 h, MTBF 21.1 min → 47 %
    const w = trainingRestartWarning({
      restartHours: 10,
      interruptionsTotal: 60,
      mtbfHours: FRONTIER_MTBF_H,
    });
    expect(w).toMatch(/47 %/);
    expect(
      trainingRestartWarning({ restartHours: 2, interruptionsTotal: 60, mtbfHours: FRONTIER_MTBF_H }),
    ).toBeUndefined();
    expect(
      trainingRestartWarning({ restartHours: null, interruptionsTotal: 0, mtbfHours: null }),
    ).toBeUndefined();
  });
});

describe('the checkpoint interval when none is given', () => {
  it("is Young's √(2·δ·M) with a write time, and 1 h when checkpoints cost nothing (Young's is 0)", () => {
    const base = { accelerator: 'h100', count: 1024, totalFLOP: 1e23, horizonHours: 24 };
    const q = quickTrain({ ...base, checkpointWriteMinutes: 1 });
    expect(q.intervalMinutes).toBeCloseTo(Math.sqrt(2 * (1 / 60) * q.mtbfHours) * 60, 9);
    expect(quickTrain({ ...base, checkpointWriteMinutes: 0 }).intervalMinutes).toBe(60);
    expect(
      quickTrain({ ...base, checkpointWriteMinutes: 0, checkpointIntervalMinutes: 7 }).intervalMinutes,
    ).toBe(7);
  });
});
