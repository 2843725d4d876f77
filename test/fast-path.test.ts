/**
 * Fast paths pinned to the exact ones.
 *
 * 1. The workload simulation reused across runs that change only the background busy fraction or the
 *    compute MFU: the background share is a factor on free accelerator-hours and changes no event, so
 *    the reused run must equal a fresh simulation bit for bit (totals, workloads, busy series).
 * 2. The background fleet by its expectation (the default) against the full event-driven simulation
 *    (`workloads.exact`): for each seed, the difference must lie inside the exact path's own
 *    seed-to-seed spread, measured here over seeds 1-4; the training run, which ends before its pool
 *    switches to the expectation, is identical.
 * 3. Hourly columns reused between runs (`ColumnPool`): a run written into the previous run's arrays
 *    equals a run on new ones, column by column, even when the previous run left other values there.
 * 4. Exogenous stages reused between runs (`ExogenousReuse`: environment, fleet, curtailment schedule):
 *    every hourly column and the summary equal a run without reuse, both when the stages are reused
 *    (busy fraction, MFU changed) and when a changed input forces them to run again.
 * 5. The sweep worker's path (`runSample` with the thread's columns and exogenous stages) against
 *    `runSample` alone: every output metric identical, sample by sample, on both scenarios.
 */
import { describe, expect, it } from 'vitest';
import { planSweep, type SweepJob, sweepJob } from '../src/analysis/sweep/plan.js';
import { OUTPUT_METRICS } from '../src/analysis/sweep/sample.js';
import { sweepPlanFromCli } from '../src/cli/commands/sweep.js';
import { ExogenousReuse } from '../src/engine/exogenous-reuse.js';
import { ColumnPool, HOURLY_COLUMNS } from '../src/engine/site-hourly.js';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { cachedDataSource } from '../src/io/sweep/cached-data.js';
import type { DataSource } from '../src/model/resolve.js';
import type { Scenario } from '../src/model/scenario.js';
import { validateScenario } from '../src/model/validate.js';
import { runScenario } from '../src/run.js';
import { runSample } from '../src/run-sample.js';

const base = fileDataSource();

/** Two typed arrays hold the same bytes (bit for bit; fast on 10^5 elements, unlike toEqual). */
function sameBits(a: ArrayBufferView | undefined, b: ArrayBufferView | undefined): boolean {
  if (!a || !b) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}
/** A new DataSource object over the same files: a cache owner of its own, so nothing is reused. */
const fresh = (): DataSource => ({ ...base });

describe('workload simulation reused across busy-fraction and MFU changes', () => {
  const { scenario } = loadScenario('anthropic-fluidstack');
  const shared = fresh();
  const first = runScenario(scenario, shared);

  it('equals a fresh simulation bit for bit', () => {
    const changed: Scenario = structuredClone(scenario);
    (changed.sites[0] as Scenario['sites'][number]).utilisation.busyFraction = 0.6;
    (changed.sites[1] as Scenario['sites'][number]).utilisation.busyFraction = 0.93;
    changed.compute.mfu = 0.33;
    const reused = runScenario(changed, shared);
    const alone = runScenario(changed, fresh());
    expect(reused.summary.totals).toEqual(alone.summary.totals);
    expect(reused.summary.workloads).toEqual(alone.summary.workloads);
    for (let i = 0; i < 2; i++)
      expect(sameBits(reused.sites[i]?.hourly.busyFraction, alone.sites[i]?.hourly.busyFraction)).toBe(true);
    // the change is real: less background work in Texas, more in New York, a lower MFU
    expect(reused.summary.totals.computeDeliveredFLOP).toBeLessThan(
      first.summary.totals.computeDeliveredFLOP,
    );
  });

  it('busy accelerator-hours are linear in the background fraction (units no workload holds)', () => {
    // Independent check of the rebuild: between background fractions b1 and b2 the Texas busy
    // fraction moves by (b2 − b1) × (share of accelerators not held by a workload) in every hour.
    const at = (b: number) => {
      const s: Scenario = structuredClone(scenario);
      (s.sites[0] as Scenario['sites'][number]).utilisation.busyFraction = b;
      return runScenario(s, shared).sites[0]?.hourly.busyFraction as Float64Array;
    };
    const b0 = at(0);
    const b5 = at(0.5);
    const b10 = at(1);
    for (let h = 0; h < b0.length; h += 97) {
      const mid = (b0[h] as number) + ((b10[h] as number) - (b0[h] as number)) / 2;
      if ((b10[h] as number) < 1) expect(b5[h]).toBeCloseTo(mid, 12);
    }
  });
});

describe('hourly columns reused between runs', () => {
  it('a run into the previous run’s columns equals a run into new ones', () => {
    const { scenario } = loadScenario('anthropic-fluidstack');
    const data = fileDataSource();
    const noWorkloads: Scenario = { ...structuredClone(scenario), workloads: [] };
    const other: Scenario = structuredClone(noWorkloads);
    (other.sites[0] as Scenario['sites'][number]).utilisation.busyFraction = 0.3;
    (other.sites[1] as Scenario['sites'][number]).interconnectMW = 200; // unserved IT in New York
    const pool = new ColumnPool();
    const before = runScenario(other, data, { columns: pool });
    const firstColumn = before.sites[0]?.hourly.itMW;
    const reused = runScenario(noWorkloads, data, { columns: pool });
    expect(reused.sites[0]?.hourly.itMW).toBe(firstColumn); // the same array, overwritten
    const alone = runScenario(noWorkloads, data);
    expect(reused.summary).toEqual(alone.summary);
    for (let i = 0; i < 2; i++)
      for (const [name] of HOURLY_COLUMNS)
        expect(sameBits(reused.sites[i]?.hourly[name], alone.sites[i]?.hourly[name]), `${i} ${name}`).toBe(
          true,
        );
  });
});

describe('background fleet by its expectation vs the exact event-driven simulation', () => {
  const { scenario, raw } = loadScenario('anthropic-fluidstack');
  const seeds = [1, 2, 3, 4];
  const run = (exact: boolean, seed: number) =>
    runScenario(scenario, fresh(), { raw, workloads: { exact, seed } }).summary;
  const exact = seeds.map((seed) => run(true, seed));
  const fast = seeds.map((seed) => run(false, seed));

  it('every total differs by less than the exact path’s spread over seeds', () => {
    for (const key of ['itEnergyMWh', 'facilityEnergyMWh', 'computeDeliveredFLOP', 'co2Tonnes'] as const) {
      const values = exact.map((e) => e.totals[key]);
      const spread = Math.max(...values) - Math.min(...values);
      expect(spread, key).toBeGreaterThan(0); // the seeds do differ
      seeds.forEach((_, i) => {
        const diff = Math.abs((fast[i]?.totals[key] as number) - (exact[i]?.totals[key] as number));
        expect(diff, `${key} seed ${seeds[i]}`).toBeLessThanOrEqual(spread);
      });
    }
  });

  it('the training run is the same event for event', () => {
    seeds.forEach((_, i) => {
      const { energyMWh, co2Tonnes, ...events } = fast[i]?.workloads?.[0] ?? {};
      const { energyMWh: e0, co2Tonnes: c0, ...events0 } = exact[i]?.workloads?.[0] ?? {};
      expect(events).toEqual(events0);
      // its energy share moves only in the hour its pool switches to the expectation
      expect(Math.abs((energyMWh as number) / (e0 as number) - 1)).toBeLessThan(1e-6);
      expect(Math.abs((co2Tonnes as number) / (c0 as number) - 1)).toBeLessThan(1e-6);
    });
  });
});

describe('--exact reaches every sample', () => {
  it('the plan and each job carry it; without it the jobs are as before', () => {
    const opts = {
      samples: '3',
      seed: '1',
      method: 'lhs',
      output: 'npvUSD',
      grid: [],
      vary: ['compute.mfu=uniform:0.3,0.5'],
    };
    const exact = sweepPlanFromCli('anthropic-fluidstack', { ...opts, exact: true });
    const fast = sweepPlanFromCli('anthropic-fluidstack', opts);
    expect(sweepJob(exact, 2).exact).toBe(true);
    expect('exact' in sweepJob(fast, 2)).toBe(false);
    expect(sweepJob(fast, 2).overrides).toEqual(sweepJob(exact, 2).overrides);
  });
});

describe('exogenous stages reused between runs', () => {
  type Site = Scenario['sites'][number];
  for (const name of ['anthropic-fluidstack', 'anthropic-fluidstack-flexible']) {
    it(`${name}: every hourly column equals a run without reuse, reused or recomputed`, () => {
      const { scenario } = loadScenario(name);
      // the sweep worker's data source: each file read once, so the same series arrays every run
      const data = cachedDataSource();
      const variant = (edit: (s: Scenario) => void): Scenario => {
        const s = structuredClone(scenario);
        edit(s);
        return s;
      };
      const runs = [
        scenario,
        variant((s) => {
          (s.sites[0] as Site).utilisation.busyFraction = 0.62; // one site only: reused
        }),
        variant((s) => {
          (s.sites[1] as Site).utilisation.busyFraction = 0.91;
          s.compute.mfu = 0.31; // reused
        }),
        variant((s) => {
          const phase = (s.sites[1] as Site).phases[0] as Site['phases'][number];
          phase.count = 50_000; // New York's fleet changes: recomputed there
        }),
        scenario, // back: recomputed at New York, reused in Texas
      ];
      const pool = new ColumnPool();
      const exogenous = new ExogenousReuse();
      for (const [k, s] of runs.entries()) {
        const reused = runScenario(s, data, { columns: pool, exogenous });
        const alone = runScenario(s, data);
        expect(reused.summary, `run ${k}`).toEqual(alone.summary);
        for (let i = 0; i < 2; i++)
          for (const [column] of HOURLY_COLUMNS)
            expect(
              sameBits(reused.sites[i]?.hourly[column], alone.sites[i]?.hourly[column]),
              `run ${k} site ${i} ${column}`,
            ).toBe(true);
      }
      // 5 runs × 2 sites: computed for runs 0 (both), 3 (New York) and 4 (New York); the rest reused
      expect({ hits: exogenous.hits, misses: exogenous.misses }).toEqual({ hits: 6, misses: 4 });
    });
  }
});

describe('the sweep worker’s path equals runSample alone', () => {
  // The bench's six uncertain inputs (bench/sweep.ts), on each scenario's own period.
  const VARY = [
    'sites[0].utilisation.busyFraction=triangular:0.6,0.85,0.95',
    'sites[1].utilisation.busyFraction=triangular:0.6,0.85,0.95',
    'compute.mfu=uniform:0.3,0.5',
    'economics.acceleratorPriceUSD.gb300=uniform:40000,60000',
    'economics.revenue.usdPerAcceleratorHour=uniform:2,6',
    'economics.discountRate=uniform:0.06,0.12',
  ];
  for (const name of ['anthropic-fluidstack', 'anthropic-fluidstack-flexible']) {
    it(`${name}: every output metric of every sample`, () => {
      const { raw } = loadScenario(name);
      const r = validateScenario(raw);
      if (!r.ok) throw new Error(`${name} invalid`);
      const plan = planSweep(r.scenario, raw, { samples: 4, seed: 3, method: 'lhs', vary: VARY });
      const jobs: SweepJob[] = Array.from({ length: plan.jobs }, (_, k) => sweepJob(plan, k));
      // and a sample that changes the busy fraction of one site only, then one that changes a fleet
      jobs.push({ index: 4, point: 0, sample: 4, overrides: [['sites[1].utilisation.busyFraction', 0.7]] });
      jobs.push({ index: 5, point: 0, sample: 5, overrides: [['sites[0].phases[0].count', 72_000]] });
      const data = cachedDataSource();
      const reuse = { columns: new ColumnPool(), exogenous: new ExogenousReuse() };
      for (const job of jobs) {
        const fast = runSample(plan.raw, job, data, reuse);
        const alone = runSample(plan.raw, job, data);
        expect(Object.keys(fast.metrics)).toEqual([...OUTPUT_METRICS]);
        expect(fast, `job ${job.index}`).toEqual(alone);
      }
      expect(reuse.exogenous.hits).toBeGreaterThan(0);
      // and the sample that changed one site's busy fraction against a new workload simulation (a data
      // source object of its own owns no cached simulation; its series are the same arrays)
      const oneSite = jobs[4] as SweepJob;
      expect(runSample(plan.raw, oneSite, { ...data })).toEqual(runSample(plan.raw, oneSite, data, reuse));
    });
  }
});
