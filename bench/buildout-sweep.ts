/**
 * Benchmark `buildout-sweep`: the build-out under Monte Carlo (`gigawatt buildout --samples N`) on the
 * built-in us-buildout fleet (34 campuses, 2025–2030, regions judged on 2016–2024 demand at 4 limits).
 *
 * What is timed, in this process: the deterministic run once (engine over every site, every region-year
 * judged, the supply chain's 2,000 trials), then N samples of `buildoutUncertainty`, which rescale the
 * simulated hours and judge the 44 region-years again per sample. Reported: both times, samples per second,
 * the P50 of national IT online in 2030 (a check the work was done) and the 1-minute load average (the
 * machine is shared: wall time under load overstates the cost).
 *
 * Run alone: `npx tsx bench/buildout-sweep.ts [samples]` (default 20, or GIGAWATT_BENCH_BUILDOUT_SAMPLES).
 */
import { loadavg } from 'node:os';
import { buildoutRun } from '../src/analysis/buildout/report.js';
import { buildoutUncertainty } from '../src/analysis/buildout/uncertainty.js';
import { buildoutOptionsFor } from '../src/io/buildout-report.js';
import { fileDataSource } from '../src/io/data-source.js';

export interface BuildoutSweepBenchResult {
  readonly benchmark: 'buildout-sweep';
  readonly samples: number;
  readonly regionYears: number;
  readonly deterministicSeconds: number;
  readonly sampleSeconds: number;
  readonly samplesPerSecond: number;
  readonly itOnline2030P50MW: number;
  readonly loadAverage1m: number;
}

export async function benchBuildoutSweep(
  samples = Number(process.env.GIGAWATT_BENCH_BUILDOUT_SAMPLES ?? 20),
): Promise<BuildoutSweepBenchResult> {
  const load = loadavg()[0] as number;
  const t0 = performance.now();
  const { scenario, options } = buildoutOptionsFor('us-buildout', {});
  const { report, context } = buildoutRun(scenario, fileDataSource(), options);
  const t1 = performance.now();
  const u = buildoutUncertainty(context, report, {
    samples,
    seed: 1,
    ...(options.supplyChain === undefined ? {} : { supplyChain: options.supplyChain }),
  });
  const t2 = performance.now();
  return {
    benchmark: 'buildout-sweep',
    samples,
    regionYears: report.regions.length,
    deterministicSeconds: (t1 - t0) / 1000,
    sampleSeconds: (t2 - t1) / 1000,
    samplesPerSecond: samples / ((t2 - t1) / 1000),
    itOnline2030P50MW: u.national.find((n) => n.year === 2030)?.itInstalledMW.p50 ?? 0,
    loadAverage1m: load,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  process.stdout.write(`${JSON.stringify(await benchBuildoutSweep(n))}\n`);
}
