/**
 * Training runs in the cluster simulator against published figures and exact answers: the Llama 3
 * run's >90 % effective training time, goodput against failure rate and checkpoint interval, the
 * fixed benchmark model against its renewal-theory answer, and determinism.
 */
import { describe, expect, it } from 'vitest';
import { BENCH_LAMBDA_PER_ACCELERATOR_HOUR, runBenchModel } from '../src/cluster/bench-model.js';
import {
  jobMtbfHours,
  LLAMA3_ACCELERATOR_HOURS,
  llama3FailureModel,
  youngIntervalHours,
} from '../src/cluster/failure-model.js';
import { checkpointSweep, quickTrain } from '../src/cluster/quick-train.js';

/** FLOP of 54 days × 90 % on 16,384 H100 at 40 % MFU (the Llama 3 snapshot's scale). */
const LLAMA_FLOP = 16_384 * 989.4e12 * 0.4 * 3600 * 24 * 54 * 0.9;
const llama = {
  accelerator: 'h100',
  count: 16_384,
  totalFLOP: LLAMA_FLOP,
  checkpointWriteMinutes: 0.5,
  restartMinutes: 5,
  // Llama 3 used up to 16K of a 24K-GPU cluster: plenty of spares
  spareUnits: 1_024,
};

describe('the failure model (Llama 3 table)', () => {
  it('gives 419 interruptions in 54 days on 16,384 GPUs: one every ~3.1 h for the job', () => {
    const m = llama3FailureModel();
    const total = m.causes.reduce((s, c) => s + c.ratePerAcceleratorHour, 0) * LLAMA3_ACCELERATOR_HOURS;
    expect(total).toBeCloseTo(419, 9);
    expect(jobMtbfHours(m, 16_384)).toBeCloseTo((54 * 24) / 419, 9);
  });
  it('scales every rate with rateScale', () => {
    expect(jobMtbfHours(llama3FailureModel({ rateScale: 2 }), 16_384)).toBeCloseTo((54 * 24) / 838, 9);
  });
});

describe('a Llama-3-like run (16,384 H100, published failure rates)', () => {
  const q = quickTrain(llama);
  it('lands near the published >90 % effective training time at the Young interval', () => {
    expect(q.intervalMinutes).toBeCloseTo(youngIntervalHours(0.5 / 60, (54 * 24) / 419) * 60, 9);
    expect(q.outcome.effectiveTrainingTimePct).toBeGreaterThan(88);
    expect(q.outcome.effectiveTrainingTimePct).toBeLessThan(94);
  });
  it('sees about as many interruptions as Llama 3 did in 54 days (419 ± 4σ)', () => {
    const perDay = q.outcome.interruptionsTotal / (q.outcome.elapsedHours / 24);
    const expected = 419 / 54;
    expect(Math.abs(perDay - expected) * 54).toBeLessThan(4 * Math.sqrt(419));
    expect(q.outcome.completedAtHours).not.toBeNull();
  });
  it('agrees with the first-order analytic estimate within 2 points', () => {
    expect(q.analyticEffectivePct).not.toBeNull();
    expect(Math.abs(q.outcome.effectiveTrainingTimePct - (q.analyticEffectivePct as number))).toBeLessThan(2);
  });
  it('gives identical results for the same seed and different ones for another seed', () => {
    expect(quickTrain(llama)).toEqual(q);
    expect(quickTrain({ ...llama, seed: 2 }).outcome.interruptions).not.toEqual(q.outcome.interruptions);
  });
});

describe('goodput', () => {
  it('falls as the failure rate rises', () => {
    const g = [0.5, 1, 2, 4].map(
      (rateScale) =>
        quickTrain({ ...llama, totalFLOP: LLAMA_FLOP / 4, rateScale, checkpointIntervalMinutes: 15 }).outcome
          .goodput,
    );
    for (let i = 1; i < g.length; i++) expect(g[i] as number).toBeLessThan(g[i - 1] as number);
  });
  it('falls as the checkpoint interval moves away from the optimum, on both sides', () => {
    const s = checkpointSweep(
      { ...llama, totalFLOP: LLAMA_FLOP / 2, checkpointWriteMinutes: 1 },
      [2, 6, 19, 60, 180],
      2,
    );
    const g = s.points.map((p) => p.goodput);
    const best = g.indexOf(Math.max(...g));
    expect(s.points[best]?.intervalMinutes).toBe(19); // Young: √(2 · 1 min · 185.6 min) = 19.3 min
    expect(s.youngMinutes).toBeCloseTo(19.27, 1);
    for (let i = 1; i <= best; i++) expect(g[i] as number).toBeGreaterThan(g[i - 1] as number);
    for (let i = best + 1; i < g.length; i++) expect(g[i] as number).toBeLessThan(g[i - 1] as number);
  });
  it('cannot finish inside a short horizon and says how far it got', () => {
    const q = quickTrain({ ...llama, horizonHours: 24 * 10 });
    expect(q.outcome.completedAtHours).toBeNull();
    expect(q.outcome.committedFLOP / LLAMA_FLOP).toBeGreaterThan(0.1);
    expect(q.outcome.committedFLOP / LLAMA_FLOP).toBeLessThan(0.25);
  });
});

describe('the fixed benchmark model (bench-cluster)', () => {
  const r = runBenchModel(1);
  it('matches the renewal-theory goodput of its job loop within 1 %', () => {
    // Per job, spares never run out, so each failure starts a renewal: a restart R that succeeds
    // with probability e^{-μR} (expected time (e^{μR} − 1)/μ), then cycles of τ + δ until the next
    // failure (expected 1/μ), completing e^{-μ(τ+δ)}/(1 − e^{-μ(τ+δ)}) cycles of τ kept work each.
    const mu = 72_000 * BENCH_LAMBDA_PER_ACCELERATOR_HOUR;
    const tau = 0.25;
    const delta = 30 / 3600;
    const R = 10 / 60;
    const p = Math.exp(-mu * (tau + delta));
    const kept = (p / (1 - p)) * tau;
    const cycle = (Math.exp(mu * R) - 1) / mu + 1 / mu;
    expect(Math.abs(r.meanGoodput - kept / cycle) / (kept / cycle)).toBeLessThan(0.01);
  });
  it('fails about 72 × λ × 7,000 racks × 8,760 h times a year', () => {
    const expected = 7_000 * 72 * BENCH_LAMBDA_PER_ACCELERATOR_HOUR * 8_760;
    const failures = r.result.pools[0]?.repairs ?? 0;
    expect(Math.abs(failures - expected)).toBeLessThan(4 * Math.sqrt(expected) + 0.01 * expected);
  });
  it('is deterministic for a seed', () => {
    const again = runBenchModel(1);
    expect(again.events).toBe(r.events);
    expect(again.meanGoodput).toBe(r.meanGoodput);
  });
});
