/**
 * src/engine/exogenous-reuse.ts on a small synthetic site (two weeks, the test data source of
 * ./helpers.ts): which input changes reuse the environment, fleet and curtailment schedule of the
 * previous run of a slot and which recompute them (counted by `hits` / `misses`), and that a reused
 * run's columns and reports equal a run without reuse. Fast enough for Stryker to run per mutant
 * (test/fast-path.test.ts checks the same on the bundled scenarios, at seconds a run). Written for
 * the Stryker run of exogenous-reuse.ts (docs/testing.md).
 */
import { describe, expect, it } from 'vitest';
import { ExogenousReuse } from '../src/engine/exogenous-reuse.js';
import type { EngineInputs, SiteInputs } from '../src/engine/inputs.js';
import { simulateSite } from '../src/engine/simulate.js';
import { ColumnPool, HOURLY_COLUMNS } from '../src/engine/site-hourly.js';
import { resolveScenario } from '../src/model/resolve.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { runScenario } from '../src/run.js';
import { baseScenario, constantSeries, fakeData, parseOk, syntheticWeather } from './helpers.js';

/** Two weeks of one site in ERCOT (4CP and curtailment schedule in play). */
function engineInputs(): EngineInputs {
  const b = baseScenario();
  const input = { ...b, start: '2026-07-01', end: '2026-07-14' } as ScenarioInput;
  return resolveScenario(parseOk(input), fakeData({ price: 50 })).engine;
}

const withSite = (inputs: EngineInputs, edit: Partial<SiteInputs>): EngineInputs => ({
  ...inputs,
  sites: [{ ...(inputs.sites[0] as SiteInputs), ...edit }],
});

/**
 * Runs each inputs through one ExogenousReuse and one ColumnPool (as a sweep worker does: each run
 * writes into the previous run's arrays) and checks every column against a run with neither.
 */
function runAll(all: EngineInputs[]) {
  const reuse = new ExogenousReuse();
  const pool = new ColumnPool();
  const trace: ('hit' | 'miss')[] = [];
  for (const [k, inputs] of all.entries()) {
    const hits = reuse.hits;
    const reused = simulateSite(inputs, 0, pool, reuse);
    trace.push(reuse.hits > hits ? 'hit' : 'miss');
    const alone = simulateSite(inputs, 0);
    for (const [column] of HOURLY_COLUMNS)
      expect(reused.hourly[column], `run ${k} ${column}`).toEqual(alone.hourly[column]);
    expect(reused.environment, `run ${k} environment`).toEqual(alone.environment);
    expect(reused.gridSide?.schedule, `run ${k} schedule`).toEqual(alone.gridSide?.schedule);
  }
  expect(reuse.hits + reuse.misses).toBe(all.length);
  return { trace, reuse };
}

describe('ExogenousReuse', () => {
  it('the busy fraction and its series are the only site fields that keep the stages', () => {
    const a = engineInputs();
    const { trace } = runAll([
      a,
      withSite(a, { busyFraction: 0.3 }),
      withSite(a, { busyFraction: 0.3, busyFractionSeries: new Float64Array(a.hours).fill(0.2) }),
      { ...a, mfu: 0.2 },
    ]);
    expect(trace).toEqual(['miss', 'hit', 'hit', 'hit']);
  });
  it('with a daily busy shape (read by local hour), a reused run still equals a run without reuse', () => {
    const shape = Array.from({ length: 24 }, (_, h) => (h < 12 ? 0.5 : 1.5));
    const a = withSite(engineInputs(), { hourlyShape: shape, busyFraction: 0.5 });
    const { trace } = runAll([a, withSite(a, { busyFraction: 0.6 }), withSite(a, { busyFraction: 0.4 })]);
    expect(trace).toEqual(['miss', 'hit', 'hit']);
  });
  it('stages() returns the kept environment and schedule on a hit, the computed ones on a miss', () => {
    const a = engineInputs();
    const site = a.sites[0] as SiteInputs;
    const reuse = new ExogenousReuse();
    const out1 = simulateSite(a, 0).hourly;
    const first = reuse.stages(0, site, a, out1);
    expect(first.environment.carbon.values).toBe(out1.carbonGPerKWh);
    expect(first.schedule).toEqual(simulateSite(a, 0).gridSide?.schedule);
    const out2 = simulateSite(a, 0).hourly;
    out2.dryBulbC.fill(-99);
    const second = reuse.stages(0, { ...site, busyFraction: 0.1 }, a, out2);
    expect(reuse.hits).toBe(1);
    expect(second.schedule).toBe(first.schedule);
    expect(second.environment.carbon.values).toBe(out2.carbonGPerKWh);
    expect(out2.dryBulbC).toEqual(out1.dryBulbC);
  });
  it('any other site field, the period or the replay policy recomputes them', () => {
    const a = engineInputs();
    const site = a.sites[0] as SiteInputs;
    const { trace } = runAll([
      a,
      withSite(a, { dutyCycle: 0.5 }),
      a,
      withSite(a, { interconnectMW: 7 }),
      { ...a, hours: a.hours - 24 },
      { ...a, startMs: a.startMs + 86_400_000 },
      a,
      { ...a, replay: a.replay === 'cycle' ? 'latest' : 'cycle' },
      a,
      withSite(a, { phases: site.phases.map((p) => ({ ...p, count: p.count + 1 })) }),
    ]);
    expect(trace).toEqual(['miss', 'miss', 'miss', 'miss', 'miss', 'miss', 'miss', 'miss', 'miss', 'miss']);
  });
  it('typed arrays count by identity: the same weather arrays reuse, a copy of them recomputes', () => {
    const a = engineInputs();
    const site = a.sites[0] as SiteInputs;
    const copy = { ...site.weather, dryBulbC: site.weather.dryBulbC.slice() };
    const { trace } = runAll([
      a,
      withSite(a, { weather: { ...site.weather } }),
      withSite(a, { weather: copy }),
    ]);
    expect(trace).toEqual(['miss', 'hit', 'miss']);
  });
  it('each slot keeps its own previous run', () => {
    const a = engineInputs();
    const b = withSite(a, { interconnectMW: 7 });
    const reuse = new ExogenousReuse();
    // slot 0 runs a, slot 1 runs b (site index 0 of each, kept under slots 0 and 1 by hand)
    const site = (x: EngineInputs) => x.sites[0] as SiteInputs;
    const out = () => simulateSite(a, 0).hourly;
    reuse.stages(0, site(a), a, out());
    reuse.stages(1, site(b), b, out());
    reuse.stages(0, site(a), a, out());
    reuse.stages(1, site(b), b, out());
    expect({ hits: reuse.hits, misses: reuse.misses }).toEqual({ hits: 2, misses: 2 });
  });
  it('NaN, ±Infinity and −0 are told apart from null, 0 and each other', () => {
    const a = engineInputs();
    const reuse = new ExogenousReuse();
    const out = () => simulateSite(a, 0).hourly;
    const keys = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0];
    for (const v of keys) reuse.stages(0, { ...(a.sites[0] as SiteInputs), interconnectMW: v }, a, out());
    expect(reuse.misses).toBe(5);
    reuse.stages(0, { ...(a.sites[0] as SiteInputs), interconnectMW: 0 }, a, out());
    expect(reuse.hits).toBe(1);
  });
  it('a flat price: the reused report has no price series, as the stage gives it', () => {
    const a = withSite(engineInputs(), { price: 42 });
    const { trace } = runAll([a, withSite(a, { busyFraction: 0.25 })]);
    expect(trace).toEqual(['miss', 'hit']);
    expect(simulateSite(a, 0).environment.price).toBeUndefined();
  });
  it("a reused run's carbon and price report hold the run's own columns", () => {
    const a = engineInputs();
    const reuse = new ExogenousReuse();
    simulateSite(a, 0, undefined, reuse);
    const r = simulateSite(withSite(a, { busyFraction: 0.4 }), 0, undefined, reuse);
    expect(reuse.hits).toBe(1);
    expect(r.environment.carbon.values).toBe(r.hourly.carbonGPerKWh);
    expect(r.environment.price?.values).toBe(r.hourly.priceUSDPerMWh);
  });
  it('two sites sharing pooled columns (keepHourly: false, one set per shape): each keeps its own stages', () => {
    // Abilene at 35 °C (UTC−6) in ERCOT (500 g/kWh) and Phoenix at 5 °C (UTC−7) in TVA (300 g/kWh),
    // both doubled in the second half of each UTC day; both evaporative (wet bulb read) with a daily
    // busy shape (local hour read); 10,000 and 5,000 H100 online on different dates; one phase each:
    // the same column shape, so the run writes both sites into the same arrays, one after the other
    const b = baseScenario();
    const a0 = b.sites[0] as ScenarioInput['sites'][number];
    const utilisation = {
      busyFraction: 0.5,
      hourlyShape: Array.from({ length: 24 }, (_, h) => (h < 12 ? 0.5 : 1.5)),
    };
    const sites = [
      {
        ...a0,
        cooling: 'liquid-evaporative',
        utilisation,
        phases: [{ ...a0.phases[0], online: '2026-06-01' }],
      },
      {
        ...a0,
        id: 'b',
        location: { latitude: 33.4, longitude: -112.0, state: 'AZ' },
        weather: 'phoenix-az',
        region: 'TVA',
        cooling: 'liquid-evaporative',
        utilisation,
        electricityPrice: { flatUSDPerMWh: 40 },
        phases: [{ online: '2026-07-05', rampDays: 3, accelerator: 'h100', count: 5000 }],
      },
    ];
    // each series made once, as the sweep worker's cached data source does (arrays compare by identity)
    const once = <T>(f: (id: string) => T) => {
      const made = new Map<string, T>();
      return (id: string): T => made.get(id) ?? (made.set(id, f(id)).get(id) as T);
    };
    const base = fakeData();
    const data = {
      ...base,
      weather: once((id) => syntheticWeather(id === 'phoenix-az' ? 5 : 35)),
      regionCarbon: once((id) => {
        const c = constantSeries(id === 'TVA' ? 300 : 500);
        const values = c.values.map((v, h) => (h % 24 < 12 ? v : 2 * v));
        return { carbonGPerKWh: { ...c, values }, carbonBasis: 'synthetic' };
      }),
      price: once(base.price),
      regionDemand: once(base.regionDemand),
    };
    const scenario = (busy: number) =>
      parseOk({
        ...b,
        start: '2026-07-01',
        end: '2026-07-14',
        sites: sites.map((x, i) =>
          i === 0 ? { ...x, utilisation: { ...utilisation, busyFraction: busy } } : x,
        ),
      } as ScenarioInput);
    const pool = new ColumnPool();
    const exogenous = new ExogenousReuse();
    for (const busy of [0.5, 0.7, 0.6]) {
      const reused = runScenario(scenario(busy), data, { columns: pool, exogenous, keepHourly: false });
      const alone = runScenario(scenario(busy), data, { keepHourly: false });
      expect(reused.summary, `busy ${busy}`).toEqual(alone.summary);
    }
    expect({ hits: exogenous.hits, misses: exogenous.misses }).toEqual({ hits: 4, misses: 2 });
  });
});
