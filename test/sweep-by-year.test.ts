/**
 * Per-year quantiles of a sweep (the dashboard's fan charts): P5/P50/P95 of each calendar year's net
 * and cumulative cash flow, facility energy and CO2 over the samples, by hand on 21 made-up samples,
 * and equal to the deterministic run's own years when nothing is uncertain.
 */
import { describe, expect, it } from 'vitest';
import type { SweepPlan } from '../src/analysis/sweep/plan.js';
import { planSweep, sweepJob } from '../src/analysis/sweep/plan.js';
import { sweepReport } from '../src/analysis/sweep/report.js';
import { OUTPUT_METRICS, type SampleResult } from '../src/analysis/sweep/sample.js';
import { cachedDataSource } from '../src/io/sweep/cached-data.js';
import { runScenario } from '../src/run.js';
import { runSample } from '../src/run-sample.js';
import { baseScenario, parseOk } from './helpers.js';

const N = 21;
/** One uncertain input, sample i at i/20; one grid point. */
const plan: SweepPlan = {
  scenario: 'made-up',
  seed: 1,
  method: 'lhs',
  samples: N,
  requestedSamples: N,
  inputs: [{ path: 'economics.discountRate', distribution: { dist: 'uniform', min: 0, max: 1 } }],
  grid: [],
  points: [{}],
  values: Array.from({ length: N }, (_, i) => [i / (N - 1)]),
  raw: {},
  jobs: N,
};
const metrics = (i: number) => Object.fromEntries(OUTPUT_METRICS.map((k) => [k, k === 'npvUSD' ? i : null]));

describe('per-year quantiles of a sweep', () => {
  it('are P5/P50/P95 of each year over the samples (type 7: position q·(n − 1))', () => {
    const results: SampleResult[] = Array.from({ length: N }, (_, i) => ({
      index: i,
      metrics: metrics(i),
      byYear: {
        netCashFlowUSD: { '2026': 10 * i, '2027': 100 - i },
        facilityEnergyMWh: { '2026': 5 },
      },
    }));
    const r = sweepReport(plan, results);
    // 2026: 0, 10, …, 200; q·20 falls on a sample for q = 0.05, 0.5, 0.95: samples 1, 10 and 19.
    // 2027: 100, 99, …, 80 (ascending 80 … 100): 81, 90, 99.
    expect(r.byYear.netCashFlowUSD?.map(({ year, p5, p50, p95, n }) => ({ year, p5, p50, p95, n }))).toEqual([
      { year: 2026, p5: 10, p50: 100, p95: 190, n: N },
      { year: 2027, p5: 81, p50: 90, p95: 99, n: N },
    ]);
    expect(r.byYear.facilityEnergyMWh).toMatchObject([{ year: 2026, p5: 5, p50: 5, p95: 5, min: 5, max: 5 }]);
    // Outputs no sample has (no cash flows at all, here cumulative and CO2) are left out, not zero.
    expect(Object.keys(r.byYear).sort()).toEqual(['facilityEnergyMWh', 'netCashFlowUSD']);
    expect(r.points[0]?.byYear).toBe(r.byYear);
  });

  it('are left out, not made up, when a sample carries no per-year values (an older worker)', () => {
    const results: SampleResult[] = Array.from({ length: N }, (_, i) => ({
      index: i,
      metrics: metrics(i),
      ...(i === 3 ? {} : { byYear: { facilityEnergyMWh: { '2026': i } } }),
    }));
    expect(sweepReport(plan, results).byYear).toEqual({});
  });

  it('with nothing uncertain are the deterministic run’s own years', () => {
    const raw = baseScenario({ end: '2027-12-31' });
    const scenario = parseOk(raw);
    const p = planSweep(scenario, raw, { samples: 10, seed: 1, method: 'lhs' });
    expect(p.jobs).toBe(1);
    const data = cachedDataSource();
    const report = sweepReport(p, [runSample(p.raw, sweepJob(p, 0), data)]);
    const { summary } = runScenario(scenario, data, { raw });
    const flows = summary.economics.cashFlows ?? [];
    expect(flows.length).toBeGreaterThan(0);
    const same = (v: number) => ({ p5: v, p50: v, p95: v, n: 1 });
    expect(report.byYear.netCashFlowUSD).toMatchObject(
      flows.map((c) => ({ year: c.year, ...same(c.netCashFlowUSD) })),
    );
    expect(report.byYear.cumulativeCashFlowUSD).toMatchObject(
      flows.map((c) => ({ year: c.year, ...same(c.cumulativeCashFlowUSD) })),
    );
    expect(report.byYear.facilityEnergyMWh).toMatchObject(
      summary.years.map((y) => ({ year: y.year, ...same(y.facilityEnergyMWh) })),
    );
    expect(summary.years.map((y) => y.year)).toEqual([2026, 2027]);
    // The years add up to the totals: the per-year outputs are the run's, split by calendar year.
    const co2 = report.byYear.co2Tonnes ?? [];
    expect(co2.reduce((a, y) => a + y.p50, 0)).toBeCloseTo(report.metrics.co2Tonnes?.p50 as number, 3);
  }, 60_000);
});
