/** Uncertainty sweeps: distributions, Latin hypercube sampling, path checks, tornado, determinism. */
import { describe, expect, it } from 'vitest';
import { inverseCdf, normalQuantile } from '../src/analysis/sweep/distributions.js';
import { planSweep, sweepJob } from '../src/analysis/sweep/plan.js';
import { sweepReport } from '../src/analysis/sweep/report.js';
import { SampleError, summaryMetrics } from '../src/analysis/sweep/sample.js';
import { sampleValues, unitSamples } from '../src/analysis/sweep/sampling.js';
import { quantiles, spearman } from '../src/analysis/sweep/statistics.js';
import { cachedDataSource } from '../src/io/sweep/cached-data.js';
import { runLocalSweep } from '../src/io/sweep/local-pool.js';
import { checkDistribution, DistributionError, parseVary } from '../src/model/uncertainty.js';
import { validateScenario } from '../src/model/validate.js';
import { runScenario } from '../src/run.js';
import { runSample } from '../src/run-sample.js';
import { baseScenario, fakeData, parseOk } from './helpers.js';

describe('distributions (inverse CDFs)', () => {
  it('Φ⁻¹ matches tabulated normal quantiles to 1e-8', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 7);
  });
  it('triangular(0, 1, 3): median at 3 − √(0.5·3·2) = 1.2679', () => {
    expect(inverseCdf({ dist: 'triangular', min: 0, mode: 1, max: 3 }, 0.5)).toBeCloseTo(
      3 - Math.sqrt(3),
      12,
    );
    expect(inverseCdf({ dist: 'triangular', min: 0, mode: 1, max: 3 }, 1 / 3)).toBeCloseTo(1, 12);
  });
  it('lognormal median is e^mu; normal is clamped to [min, max]', () => {
    expect(inverseCdf({ dist: 'lognormal', mu: Math.log(60), sigma: 0.3 }, 0.5)).toBeCloseTo(60, 6);
    expect(inverseCdf({ dist: 'normal', mean: 0.9, sd: 0.2, max: 1 }, 0.99)).toBe(1);
  });
  it('discrete picks by cumulative weight', () => {
    const d = { dist: 'discrete' as const, values: [1, 2, 3], weights: [1, 1, 2] };
    expect([0.1, 0.3, 0.6, 0.99].map((u) => inverseCdf(d, u))).toEqual([1, 2, 3, 3]);
  });
});

describe('bad distributions get clear errors', () => {
  it('min > max names the path, the field and the value', () => {
    expect(() => checkDistribution('compute.mfu', { dist: 'uniform', min: 0.5, max: 0.3 })).toThrow(
      /uncertainty compute\.mfu\.min: min must be ≤ max/,
    );
  });
  it('a negative standard deviation is refused', () => {
    expect(() => parseVary('compute.mfu=normal:0.4,-0.1')).toThrow(
      /standard deviation must be ≥ 0 \(got -0\.1\)/,
    );
  });
  it('bad --vary syntax and unknown distributions', () => {
    expect(() => parseVary('compute.mfu')).toThrow(DistributionError);
    expect(() => parseVary('compute.mfu=beta:1,2')).toThrow(/unknown distribution "beta"/);
    expect(() => parseVary('compute.mfu=uniform:0.3')).toThrow(/uniform takes min,max/);
  });
  const scenario = parseOk(baseScenario());
  const plan = (vary: string[]) =>
    planSweep(scenario, baseScenario(), { samples: 4, seed: 1, method: 'lhs', vary });
  it('a field path that does not exist', () => {
    expect(() => plan(['sites[0].utilisation.busyFractoin=uniform:0.5,0.9'])).toThrow(
      /sites\[0\]\.utilisation\.busyFractoin: no such numeric field/,
    );
    expect(() => plan(['sites[3].interconnectMW=uniform:1,2'])).toThrow(/no element \[3\]/);
  });
  it('a field that is not numeric', () => {
    expect(() => plan(['sites[0].cooling=uniform:1,2'])).toThrow(/"liquid-dry-cooler", not a number/);
  });
  it('optional numeric fields absent from the scenario can be varied', () => {
    expect(plan(['economics.facilityCapexUSDPerMW=uniform:10e6,14e6']).inputs).toHaveLength(1);
  });
  it('the scenario `uncertainty` map is validated by the schema', () => {
    const r = validateScenario(
      baseScenario({ uncertainty: { 'compute.mfu': { dist: 'normal', mean: 0.4, sd: -1 } } }),
    );
    expect(r.ok).toBe(false);
  });
});

describe('Latin hypercube sampling', () => {
  it('puts exactly one sample in each of the N strata of every input', () => {
    const u = unitSamples(50, 3, 7, 'lhs');
    for (let j = 0; j < 3; j++) {
      const strata = u.map((row) => Math.floor((row[j] as number) * 50)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }
  });
  it('same seed, same matrix; another seed, another matrix', () => {
    const d = [{ dist: 'uniform' as const, min: 0, max: 1 }];
    expect(sampleValues(20, d, 3, 'lhs')).toEqual(sampleValues(20, d, 3, 'lhs'));
    expect(sampleValues(20, d, 3, 'lhs')).not.toEqual(sampleValues(20, d, 4, 'lhs'));
    expect(sampleValues(20, d, 3, 'random')).not.toEqual(sampleValues(20, d, 3, 'lhs'));
  });
});

describe('statistics', () => {
  it('quantiles interpolate linearly (type 7): P50 of 1..5 is 3, P5 is 1.2', () => {
    expect(quantiles([5, 1, 3, 2, 4])).toMatchObject({ p5: 1.2, p50: 3, p95: 4.8, mean: 3, n: 5 });
    expect(quantiles([null, 2])).toMatchObject({ p50: 2, n: 1 });
  });
  it('Spearman ρ is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });
});

describe('a sweep in process (synthetic data)', () => {
  const raw = baseScenario({ economics: { revenue: { usdPerAcceleratorHour: 3 } } });
  const scenario = parseOk(raw);
  const data = fakeData();
  const run = (vary: string[], samples = 40) => {
    const plan = planSweep(scenario, raw, { samples, seed: 11, method: 'lhs', vary });
    const results = Array.from({ length: plan.jobs }, (_, k) => runSample(plan.raw, sweepJob(plan, k), data));
    return sweepReport(plan, results);
  };
  it('tornado: the revenue price dominates NPV (ρ > 0.9) over a narrow discount-rate range', () => {
    const r = run([
      'economics.revenue.usdPerAcceleratorHour=uniform:1,6',
      'economics.discountRate=uniform:0.07,0.09',
    ]);
    expect(r.tornado.ranking.map((b) => b.path)).toEqual([
      'economics.revenue.usdPerAcceleratorHour',
      'economics.discountRate',
    ]);
    expect(r.tornado.ranking[0]?.rho).toBeGreaterThan(0.9);
    expect(r.metrics.npvUSD?.p5).toBeLessThan(r.metrics.npvUSD?.p95 as number);
  });
  it('alone, a higher discount rate always lowers the NPV of an invest-then-earn project: ρ = −1', () => {
    const r = run(['economics.discountRate=uniform:0.02,0.2'], 20);
    expect(r.tornado.ranking[0]?.rho).toBeCloseTo(-1, 12);
    const t = r.tornado.ranking[0];
    expect(t?.outputLow as number).toBeGreaterThan(t?.outputHigh as number);
  });
  it('a grid is the cartesian product of its axes', () => {
    const plan = planSweep(scenario, raw, {
      samples: 1,
      seed: 1,
      method: 'lhs',
      grid: ['economics.discountRate=0.05,0.1', 'compute.mfu=0.3,0.4,0.5'],
    });
    expect(plan.points).toHaveLength(6);
    expect(plan.points[5]).toEqual({ 'economics.discountRate': 0.1, 'compute.mfu': 0.5 });
  });
  it('a sample outside the schema range says which value and how to bound it', () => {
    const plan = planSweep(scenario, raw, {
      samples: 200,
      seed: 1,
      method: 'lhs',
      vary: ['sites[0].utilisation.busyFraction=normal:0.9,0.2'],
    });
    const bad = Array.from({ length: plan.jobs }, (_, k) => sweepJob(plan, k)).find(
      (j) => (j.overrides[0]?.[1] as number) > 1,
    );
    expect(() => runSample(plan.raw, bad as never, data)).toThrow(SampleError);
    expect(() => runSample(plan.raw, bad as never, data)).toThrow(
      /busyFraction.*bound the distribution with min\/max/,
    );
  });
});

describe('local sweep on worker threads (bundled data)', () => {
  const raw = baseScenario();
  const scenario = parseOk(raw);
  it('with no uncertainty the sweep returns the deterministic run exactly', async () => {
    const plan = planSweep(scenario, raw, { samples: 50, seed: 1, method: 'lhs' });
    expect(plan.jobs).toBe(1);
    const results = await runLocalSweep(plan, { workers: 1 });
    const expected = summaryMetrics(runScenario(scenario, cachedDataSource(), { raw }).summary);
    const report = sweepReport(plan, results);
    for (const [k, v] of Object.entries(expected)) {
      if (v === null) expect(report.metrics[k]).toBeNull();
      else expect(report.metrics[k]).toMatchObject({ p5: v, p50: v, p95: v });
    }
  });
  it('same seed, same results on 1 and 2 threads', async () => {
    const plan = planSweep(scenario, raw, {
      samples: 6,
      seed: 5,
      method: 'lhs',
      vary: ['compute.mfu=uniform:0.3,0.5', 'sites[0].utilisation.busyFraction=triangular:0.6,0.85,0.95'],
    });
    const one = (await runLocalSweep(plan, { workers: 1 })).sort((a, b) => a.index - b.index);
    const two = (await runLocalSweep(plan, { workers: 2 })).sort((a, b) => a.index - b.index);
    expect(two).toEqual(one);
  });
});
