/**
 * `runScenario(…, { keepHourly: false })` reduces each site as soon as it is simulated and reuses its
 * columns for the next site of the same shape. The summary and the economics must be exactly those of
 * a run that keeps every site's columns, for every built-in scenario (workloads, grid flexibility, a
 * many-site fleet) and for fleets whose sites share one set of pooled columns.
 */
import { describe, expect, it } from 'vitest';
import { SummaryBuilder, summarize } from '../src/analysis/summary.js';
import { yearRanges } from '../src/engine/metrics.js';
import { HOUR_MS } from '../src/engine/series.js';
import { simulate, simulateSite } from '../src/engine/simulate.js';
import { ColumnPool, HOURLY_COLUMNS } from '../src/engine/site-hourly.js';
import { fileDataSource } from '../src/io/data-source.js';
import { builtinScenarioNames, loadScenario } from '../src/io/load-scenario.js';
import { resolveScenario } from '../src/model/resolve.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { runScenario } from '../src/run.js';
import { baseScenario, fakeData, parseOk } from './helpers.js';

const data = fileDataSource();

describe('summary and economics are identical with and without keeping the hourly columns', () => {
  for (const name of builtinScenarioNames()) {
    it(name, () => {
      const { scenario, raw } = loadScenario(name);
      const kept = runScenario(scenario, data, { raw });
      const reduced = runScenario(scenario, data, { raw, keepHourly: false });
      expect('sites' in reduced).toBe(false);
      expect(kept.sites.length).toBe(scenario.sites.length);
      // toEqual compares numbers with Object.is: bit for bit, -0 apart from +0.
      expect(reduced.summary).toEqual(kept.summary);
      expect(reduced.summary.economics.npvUSD).toBe(kept.summary.economics.npvUSD);
    });
  }
});

/** Three sites of one shape and one of another (two phases), over two calendar years. */
function mixedFleet(): ScenarioInput {
  const base = baseScenario({ end: '2027-12-31' });
  const site = base.sites[0] as (typeof base.sites)[number];
  const sites = [0, 1, 2].map((i) => ({
    ...site,
    id: `s${i}`,
    interconnectMW: 20 + 10 * i, // binding at different hours: the sites' columns differ
    phases: [{ online: `2026-0${i + 2}-01`, rampDays: 30, accelerator: 'h100', count: 10_000 * (i + 1) }],
  }));
  sites.push({
    ...site,
    id: 'two-phase',
    phases: [
      { online: '2026-02-01', rampDays: 0, accelerator: 'h100', count: 5000 },
      { online: '2026-09-01', rampDays: 60, accelerator: 'h100', count: 5000 },
    ],
  });
  return { ...base, sites };
}

describe('a fleet reduced site by site', () => {
  const scenario = parseOk(mixedFleet());
  const fake = fakeData({ price: 60, carbon: 350 });

  it('gives the summary of the run that keeps every site, sharing one set of columns per shape', () => {
    const kept = runScenario(scenario, fake);
    const pool = new ColumnPool();
    const reduced = runScenario(scenario, fake, { keepHourly: false, columns: pool });
    expect(reduced.summary).toEqual(kept.summary);
    // four sites, two column shapes (one phase, two phases): two sets of columns, not four
    expect(pool.size).toBe(2);
    // the same pool again (as a sweep worker does): still identical, no new columns
    expect(runScenario(scenario, fake, { keepHourly: false, columns: pool }).summary).toEqual(kept.summary);
    expect(pool.size).toBe(2);
  });

  it('the reduced totals are the hour-by-hour sums of the kept columns', () => {
    const kept = runScenario(scenario, fake);
    const reduced = runScenario(scenario, fake, { keepHourly: false });
    let facility = 0;
    let cost = 0;
    let peak = 0;
    const hours = kept.resolved.engine.hours;
    for (let h = 0; h < hours; h++) {
      let fleet = 0;
      for (const s of kept.sites) {
        facility += s.hourly.facilityMW[h] as number;
        cost += s.hourly.energyCostUSD[h] as number;
        fleet += s.hourly.facilityMW[h] as number;
      }
      peak = Math.max(peak, fleet);
    }
    const t = reduced.summary.totals;
    expect(t.facilityEnergyMWh).toBeCloseTo(facility, 6);
    expect(t.energyCostUSD).toBeCloseTo(cost, 4);
    // the coincident peak of the fleet: max over hours of the sum over sites
    expect(t.peakFacilityMW).toBe(peak);
  });

  it('the old summarize over all kept sites equals the streamed builder', () => {
    const resolved = resolveScenario(scenario, fake, scenario);
    const sims = simulate(resolved.engine);
    const ctx = {
      scenario: scenario.name,
      start: scenario.start,
      end: scenario.end,
      operationsUSDPerMWYear: 0,
    };
    const all = summarize(ctx, resolved.engine, sims, [], []);
    const builder = new SummaryBuilder(ctx, resolved.engine, []);
    sims.forEach((sim, i) => {
      builder.addSite(sim, i);
    });
    expect(builder.finish([])).toEqual(all);
  });

  it('refuses sites out of order (the sums would be added in another order)', () => {
    const resolved = resolveScenario(scenario, fake, scenario);
    const sims = simulate(resolved.engine);
    const ctx = { scenario: 'x', start: scenario.start, end: scenario.end, operationsUSDPerMWYear: 0 };
    const builder = new SummaryBuilder(ctx, resolved.engine, []);
    expect(() => builder.addSite(sims[1] as (typeof sims)[number], 1)).toThrow(/add them in order/);
  });
});

/** First index where two columns differ (Object.is: bit for bit, −0 apart from +0), or −1. */
function firstDifference(a: Float64Array | Uint8Array, b: Float64Array | Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe('pooled columns handed from one site to another', () => {
  it('give every hourly column of a fresh simulation, after other sites wrote them', () => {
    // The flexible campus (curtailment policies, 4CP) with a battery at each site, and a variant
    // without batteries, with other busy fractions and interconnects: the same column shapes (both
    // have grid-side columns), other values, and columns the variant never writes (the battery's).
    const { raw } = loadScenario('anthropic-fluidstack-flexible');
    type Site = { interconnectMW: number; utilisation?: { busyFraction: number }; supply?: unknown };
    const withBattery = JSON.parse(JSON.stringify(raw)) as { sites: Site[] };
    for (const s of withBattery.sites)
      s.supply = {
        batteries: [
          { id: 'b', powerMW: 200, energyMWh: 800, roundTripEfficiency: 0.85, policy: 'price-arbitrage' },
        ],
      };
    const other = JSON.parse(JSON.stringify(raw)) as { sites: Site[] };
    for (const s of other.sites) {
      s.interconnectMW *= 0.7;
      s.utilisation = { busyFraction: 0.55 };
    }
    const first = parseOk(withBattery as unknown as ScenarioInput);
    const variant = parseOk(other as unknown as ScenarioInput);
    const a = resolveScenario(first, data, withBattery).engine;
    const b = resolveScenario(variant, data, other).engine;
    const pool = new ColumnPool().byShape();
    for (const [first, second] of [
      [a, b],
      [b, a],
    ] as const) {
      // every site of `first` through the pool, then each site of `second` in the same columns
      for (let i = 0; i < first.sites.length; i++) simulateSite(first, i, pool);
      for (let i = 0; i < second.sites.length; i++) {
        const pooled = simulateSite(second, i, pool).hourly;
        const fresh = simulateSite(second, i).hourly;
        for (const [name] of HOURLY_COLUMNS)
          expect(firstDifference(pooled[name], fresh[name]), `${name} of site ${i}`).toBe(-1);
        expect(firstDifference(pooled.localHour, fresh.localHour)).toBe(-1);
        pooled.phaseOnline.forEach((c, p) => {
          expect(firstDifference(c, fresh.phaseOnline[p] as Float64Array)).toBe(-1);
        });
        for (const name of ['acceleratorDemandMW', 'hostNetworkDemandMW', 'itInstalledMW'] as const)
          expect(firstDifference(pooled[name], fresh[name]), name).toBe(-1);
      }
    }
  });
});

describe('cash-flow sums taken site by site', () => {
  it('place each simulated calendar year on its cash-flow year when spending starts years earlier', () => {
    // Construction of the only phase starts in 2024 (online 2026-03-01, 24 months before): the cash
    // flows begin two years before the first simulated hour, with no energy bought in those years.
    const input = baseScenario({ start: '2026-01-01', end: '2028-12-31' });
    const site = input.sites[0] as (typeof input.sites)[number];
    const scenario = parseOk({
      ...input,
      economics: { constructionMonths: 24 },
      sites: [
        { ...site, phases: [{ online: '2026-03-01', rampDays: 0, accelerator: 'h100', count: 10_000 }] },
      ],
    });
    const kept = runScenario(scenario, fakeData({ price: 50 }));
    const reduced = runScenario(scenario, fakeData({ price: 50 }), { keepHourly: false });
    const flows = reduced.summary.economics.cashFlows ?? [];
    expect(flows.map((f) => f.year)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(flows[0]?.energyUSD).toBe(0);
    expect(flows[1]?.energyUSD).toBe(0);
    expect(reduced.summary.economics).toEqual(kept.summary.economics);
    // each year's energy cost is the sum of that year's hourly cost (an independent pass over the hours)
    const s = kept.sites[0]?.hourly;
    if (!s) throw new Error('no site');
    for (const y of yearRanges(s.startMs, s.hours)) {
      let cost = 0;
      for (let h = y.from; h < y.to; h++) cost += s.energyCostUSD[h] as number;
      expect(cost).toBeGreaterThan(0);
      expect(flows.find((f) => f.year === y.year)?.energyUSD).toBeCloseTo(cost, 2);
    }
    // energy is bought from the online date on
    const firstHour = (Date.UTC(2026, 2, 1) - s.startMs) / HOUR_MS;
    expect(s.energyCostUSD[firstHour - 1]).toBe(0);
    expect(s.energyCostUSD[firstHour]).toBeGreaterThan(0);
  });
});
