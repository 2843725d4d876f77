/**
 * Benchmark `scale`: `runScenario` on a fleet of N sites over Y years (default 50 sites × 10 years),
 * in a child process of its own, so that its peak resident memory is the run's (the child reports its
 * VmHWM, see `peakRssMB`). Target (issue 11): 50 × 10 years < 2 s and < 1 GB RSS; cost linear
 * in sites × hours.
 *
 * The fleet: the two sites of bench/engine-hourly.ts (`BENCH_SCENARIO`: West Texas liquid + dry cooler,
 * western New York air economiser with a binding interconnect), alternated and numbered, without
 * workloads. What is timed: `runScenario` (validation, resolution with the bundled data already read
 * once by a warm-up run of a one-site, one-year variant, the hourly engine for every site, summary,
 * economics) — everything `gigawatt run --json` does after reading the files, with
 * `keepHourly: false` as that command uses it: each site's hourly columns are reduced as soon as it is
 * simulated and reused for the next site.
 *
 * Run alone: `node --import tsx bench/scale.ts [sites] [years]` (prints the JSON line).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileDataSource } from '../src/io/data-source.js';
import { limitsFromEnv } from '../src/model/limits.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { validateScenario } from '../src/model/validate.js';
import { runScenario } from '../src/run.js';
import { BENCH_SCENARIO } from './engine-hourly.js';

/** N sites alternating between the engine benchmark's two, over `years` years from 2026. */
export function fleetScenario(sites: number, years: number): ScenarioInput {
  const templates = BENCH_SCENARIO.sites;
  return {
    ...BENCH_SCENARIO,
    name: `bench-scale-${sites}x${years}`,
    end: `${2025 + years}-12-31`,
    sites: Array.from({ length: sites }, (_, i) => {
      const t = templates[i % templates.length] as (typeof templates)[number];
      return { ...t, id: `${t.id}-${i}`, phases: t.phases.map((p) => ({ ...p, id: `${p.id}-${i}` })) };
    }),
  };
}

export interface ScaleResult {
  readonly benchmark: 'scale';
  readonly sites: number;
  readonly years: number;
  readonly siteHours: number;
  readonly seconds: number;
  /** CPU seconds (user + system) of the timed part: on a loaded machine, closer to a quiet wall time. */
  readonly cpuSeconds: number;
  readonly siteHoursPerSecond: number;
  readonly maxRssMB: number;
}

/** Runs in this process (call in a fresh child so that maxRSS is this run's). */
export function runScaleHere(sites: number, years: number): ScaleResult {
  const data = fileDataSource();
  const warm = validateScenario(fleetScenario(1, 1));
  if (!warm.ok) throw new Error('scale warm-up scenario invalid');
  runScenario(warm.scenario, data); // reads the data files; compiles the engine (not timed)
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = validateScenario(fleetScenario(sites, years), limitsFromEnv(process.env));
  if (!r.ok) throw new Error(`scale scenario invalid: ${JSON.stringify(r.issues[0])}`);
  // As `gigawatt run` without --out/--hourly and a sweep sample: each site reduced as it is simulated.
  const run = runScenario(r.scenario, data, { keepHourly: false });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const siteHours = sites * run.resolved.engine.hours;
  return {
    benchmark: 'scale',
    sites,
    years,
    siteHours,
    seconds: Number(seconds.toFixed(3)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
    siteHoursPerSecond: Math.round(siteHours / seconds),
    maxRssMB: peakRssMB(),
  };
}

/**
 * Peak resident memory of this process, MB: Linux's VmHWM, the high-water mark of this program's own
 * memory. `resourceUsage().maxRSS` is not used where VmHWM exists, because Linux carries the maximum
 * over an exec: a child forked from a large parent (npm run bench's, after the other benchmarks)
 * reports at least the parent's size.
 */
function peakRssMB(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux: fall back below
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** `sites` × `years` in a child process (its own heap and RSS). */
export async function benchScale(sites = 50, years = 10): Promise<ScaleResult> {
  const out = execFileSync(
    process.execPath,
    ['--max-old-space-size=16384', '--import', 'tsx', import.meta.filename, String(sites), String(years)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      // 200 sites × 30 years is over the default guard on sites × days (src/model): raise it for the bench
      env: { ...process.env, GIGAWATT_MAX_SITE_DAYS: String(Math.max(1_098_000, sites * years * 366)) },
    },
  );
  return JSON.parse(out.trim().split('\n').pop() as string) as ScaleResult;
}

if (process.argv[1] === import.meta.filename) {
  const sites = Number(process.argv[2] ?? 50);
  const years = Number(process.argv[3] ?? 10);
  process.stdout.write(`${JSON.stringify(runScaleHere(sites, years))}\n`);
}
