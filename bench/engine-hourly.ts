/**
 * Benchmark `engine-hourly`: the hourly engine (`simulate`, src/engine/simulate.ts) on a 10-year,
 * 2-site scenario, against a C reference loop that does the same per-hour arithmetic
 * (bench/engine-hourly.c, compiled and run by ./c-reference.ts).
 *
 * What is timed: `simulate(resolved.engine)` only. The scenario is validated and resolved once (data
 * loading and catalog look-ups are not measured). Each run allocates its output arrays, replays the
 * grid series onto the simulated hours and runs every stage for both sites, as `gigawatt run` does.
 *
 * Result: site-hours per second = sites × hours / median seconds per run.
 *
 * The scenario is a workload for timing, not a forecast: it is modelled on
 * scenarios/anthropic-fluidstack.yaml (same sites, accelerators and phase sizes) stretched to ten years,
 * with the New York site on `air-economiser` so that both branches of the cooling model (liquid loop with
 * a dry cooler; outside-air economiser with a cooling tower) and the interconnect limit are exercised.
 * Weather, carbon and prices are the bundled data (data/weather, data/grid).
 */
import { simulate } from '../src/engine/simulate.js';
import { ColumnPool, type SiteHourly } from '../src/engine/site-hourly.js';
import { fileDataSource } from '../src/io/data-source.js';
import { type ResolvedScenario, resolveScenario } from '../src/model/resolve.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { validateScenario } from '../src/model/validate.js';
import { type CReferenceResult, runCReference } from './c-reference.js';

/** The benchmark scenario: 2026-01-01 … 2035-12-31 (3,652 days = 87,648 hours), two sites. */
export const BENCH_SCENARIO: ScenarioInput = {
  name: 'bench-engine-hourly',
  start: '2026-01-01',
  end: '2035-12-31',
  replay: 'latest',
  sites: [
    {
      id: 'west-texas',
      location: { latitude: 32.43, longitude: -99.68, state: 'TX' },
      weather: 'abilene-tx',
      region: 'ERCOT',
      electricityPrice: { series: 'ERCOT-HB_WEST' },
      interconnectMW: 1000,
      cooling: 'liquid-dry-cooler',
      utilisation: { busyFraction: 0.85 },
      phases: [
        { id: 'tx-1', online: '2026-01-15', rampDays: 90, accelerator: 'gb300', count: 144000 },
        { id: 'tx-2', online: '2026-05-01', rampDays: 90, accelerator: 'gb300', count: 144000 },
        { id: 'tx-3', online: '2026-09-01', rampDays: 90, accelerator: 'gb300', count: 144000 },
      ],
    },
    {
      id: 'western-new-york',
      location: { latitude: 42.93, longitude: -78.73, state: 'NY' },
      weather: 'buffalo-ny',
      region: 'NYISO',
      electricityPrice: { series: 'NYISO-CAPITL' },
      // With air cooling (PUE ≈ 1.5) the 288,000 accelerators need more than 600 MW on warm hours, so the
      // interconnect limit binds and the curtailment branch of the facility stage runs.
      interconnectMW: 600,
      cooling: 'air-economiser',
      utilisation: { busyFraction: 0.85 },
      phases: [
        { id: 'ny-1', online: '2026-03-01', rampDays: 120, accelerator: 'gb300', count: 144000 },
        { id: 'ny-2', online: '2026-08-01', rampDays: 120, accelerator: 'gb300', count: 144000 },
      ],
    },
  ],
};

/** Totals over all sites and hours, to check that two implementations did the same work. */
export interface EngineChecksums {
  facilityMWh: number;
  itMWh: number;
  coolingMWh: number;
  co2Tonnes: number;
  waterM3: number;
  energyCostUSD: number;
  computeFLOP: number;
}

export const CHECKSUM_FIELDS = [
  'facilityMWh',
  'itMWh',
  'coolingMWh',
  'co2Tonnes',
  'waterM3',
  'energyCostUSD',
  'computeFLOP',
] as const satisfies readonly (keyof EngineChecksums)[];

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
}

/** Sums hour by hour, site by site (the C reference sums in the same order). */
export function checksums(sites: readonly { hourly: SiteHourly }[]): EngineChecksums {
  const c: EngineChecksums = {
    facilityMWh: 0,
    itMWh: 0,
    coolingMWh: 0,
    co2Tonnes: 0,
    waterM3: 0,
    energyCostUSD: 0,
    computeFLOP: 0,
  };
  for (const { hourly } of sites) {
    c.facilityMWh += sum(hourly.facilityMW);
    c.itMWh += sum(hourly.itMW);
    c.coolingMWh += sum(hourly.coolingMW);
    c.co2Tonnes += sum(hourly.co2Tonnes);
    c.waterM3 += sum(hourly.waterM3);
    c.energyCostUSD += sum(hourly.energyCostUSD);
    c.computeFLOP += sum(hourly.computeFLOP);
  }
  return c;
}

/** Largest relative difference between two checksum sets (0 when identical). */
export function maxRelativeDifference(a: EngineChecksums, b: EngineChecksums): number {
  let worst = 0;
  for (const k of CHECKSUM_FIELDS) {
    const scale = Math.max(Math.abs(a[k]), Math.abs(b[k]));
    const d = scale === 0 ? 0 : Math.abs(a[k] - b[k]) / scale;
    if (!(d <= worst)) worst = d; // NaN propagates as the worst
  }
  return worst;
}

export function resolveBenchScenario(): ResolvedScenario {
  const v = validateScenario(BENCH_SCENARIO);
  if (!v.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(v.issues)}`);
  return resolveScenario(v.scenario, fileDataSource(), BENCH_SCENARIO);
}

export interface Timing {
  runs: number;
  medianMs: number;
  bestMs: number;
}

/** Runs `fn` `warmups` times untimed, then until at least `minSeconds` and `minRuns` have passed. */
export function timeRepeated(fn: () => void, warmups: number, minSeconds: number, minRuns: number): Timing {
  for (let i = 0; i < warmups; i++) fn();
  const times: number[] = [];
  const t0 = process.hrtime.bigint();
  while (times.length < minRuns || Number(process.hrtime.bigint() - t0) / 1e9 < minSeconds) {
    const a = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - a) / 1e6);
  }
  times.sort((x, y) => x - y);
  const mid = times.length >> 1;
  const medianMs =
    times.length % 2 === 1
      ? (times[mid] as number)
      : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  return { runs: times.length, medianMs, bestMs: times[0] as number };
}

export interface EngineHourlyResult {
  benchmark: 'engine-hourly';
  siteHoursPerSecond: number;
  sites: number;
  hours: number;
  runs: number;
  msPerRun: number;
  bestMsPerRun: number;
  cReferenceSiteHoursPerSecond: number | null;
  cReferenceMsPerRun: number | null;
  /** The C loop when it, like the TS engine, allocates fresh zeroed output arrays every run. */
  cReferenceFreshArraysMsPerRun: number | null;
  /** C site-hours/s ÷ TS site-hours/s (how many times slower the TS engine is); null without C. */
  ratioToC: number | null;
  /** Largest relative difference between the TS and C checksums; null without C. */
  checksumMaxRelDiff: number | null;
  /**
   * The TS engine writing into the previous run's columns (`ColumnPool`, as a sweep worker does), the
   * like-for-like comparison with the C loop's headline (which also reuses its columns): median ms,
   * best ms, and C site-hours/s ÷ TS site-hours/s. Checksums identical to the fresh-column run.
   */
  reusedColumnsMsPerRun: number;
  reusedColumnsBestMsPerRun: number;
  reusedColumnsRatioToC: number | null;
  checksums: EngineChecksums;
  node: string;
  cc: string | null;
}

const log = (msg: string) => process.stderr.write(`[engine-hourly] ${msg}\n`);

const round = (x: number, digits: number) => Number(x.toPrecision(digits));

export async function benchEngineHourly(opts: { minSeconds?: number } = {}): Promise<EngineHourlyResult> {
  const minSeconds = opts.minSeconds ?? 3;
  let t = performance.now();
  const resolved = resolveBenchScenario();
  const { engine } = resolved;
  const siteCount = engine.sites.length;
  log(
    `resolved ${siteCount} sites × ${engine.hours} h in ${(performance.now() - t).toFixed(0)} ms (not timed)`,
  );

  const sites = simulate(engine);
  const ts = checksums(sites);

  t = performance.now();
  const timing = timeRepeated(() => simulate(engine), 5, minSeconds, 10);
  log(
    `TS: ${timing.runs} runs in ${((performance.now() - t) / 1000).toFixed(1)} s, median ${timing.medianMs.toFixed(2)} ms, best ${timing.bestMs.toFixed(2)} ms`,
  );
  const siteHours = siteCount * engine.hours;
  const siteHoursPerSecond = siteHours / (timing.medianMs / 1000);

  const pool = new ColumnPool();
  t = performance.now();
  const pooled = timeRepeated(() => simulate(engine, undefined, pool), 5, minSeconds, 10);
  log(
    `TS, reused columns: ${pooled.runs} runs in ${((performance.now() - t) / 1000).toFixed(1)} s, median ${pooled.medianMs.toFixed(2)} ms, best ${pooled.bestMs.toFixed(2)} ms`,
  );
  const pooledDiff = maxRelativeDifference(ts, checksums(simulate(engine, undefined, pool)));
  if (pooledDiff !== 0) log(`WARNING: reused columns change the checksums (max rel diff ${pooledDiff})`);

  let c: CReferenceResult | null = null;
  try {
    c = runCReference(engine, { minSeconds: Math.min(minSeconds, 2) });
  } catch (err) {
    log(`C reference failed: ${(err as Error).message}`);
  }
  let checksumMaxRelDiff: number | null = null;
  if (c) {
    checksumMaxRelDiff = maxRelativeDifference(ts, c.checksums);
    log(
      `C (${c.cc}): ${c.runs} runs, median ${c.medianMs.toFixed(2)} ms, best ${c.bestMs.toFixed(2)} ms (fresh arrays every run: ${c.freshArraysMedianMs.toFixed(2)} ms); checksums max rel diff ${checksumMaxRelDiff.toExponential(2)}`,
    );
    for (const k of CHECKSUM_FIELDS)
      log(`  ${k.padEnd(14)} TS ${ts[k].toPrecision(15)}  C ${c.checksums[k].toPrecision(15)}`);
    if (!(checksumMaxRelDiff <= 1e-9)) log('WARNING: TS and C checksums differ by more than 1e-9 (relative)');
  }
  const cPerSecond = c ? siteHours / (c.medianMs / 1000) : null;
  return {
    benchmark: 'engine-hourly',
    siteHoursPerSecond: Math.round(siteHoursPerSecond),
    sites: siteCount,
    hours: engine.hours,
    runs: timing.runs,
    msPerRun: round(timing.medianMs, 4),
    bestMsPerRun: round(timing.bestMs, 4),
    cReferenceSiteHoursPerSecond: cPerSecond === null ? null : Math.round(cPerSecond),
    cReferenceMsPerRun: c ? round(c.medianMs, 4) : null,
    cReferenceFreshArraysMsPerRun: c ? round(c.freshArraysMedianMs, 4) : null,
    ratioToC: cPerSecond === null ? null : round(cPerSecond / siteHoursPerSecond, 3),
    checksumMaxRelDiff: checksumMaxRelDiff === null ? null : round(checksumMaxRelDiff, 3),
    reusedColumnsMsPerRun: round(pooled.medianMs, 4),
    reusedColumnsBestMsPerRun: round(pooled.bestMs, 4),
    reusedColumnsRatioToC: c ? round(pooled.medianMs / c.medianMs, 3) : null,
    checksums: ts,
    node: process.version,
    cc: c ? c.cc : null,
  };
}
