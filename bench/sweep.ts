/**
 * Benchmark `sweep`: Monte Carlo samples per second of the Texas + New York scenario
 * (scenarios/anthropic-fluidstack.yaml, as built in, stretched to ten years: 2026-01-01 … 2035-12-31)
 * with six uncertain inputs, on a piscina pool of 1 and of 2 threads, and on two `gigawatt worker`
 * processes (one thread each) fed by BullMQ through a loopback redis-server started for the purpose.
 *
 * Threads run the bundled worker (dist/sweep-worker.js), as the installed CLI does.
 *
 * What is timed: the whole sweep after planning: every sample's scenario variant is validated,
 * resolved (data already loaded once per thread by warm-up samples that are not counted), simulated
 * hour by hour, summarised with its cash flows; results travel back to the coordinator. Pool and
 * worker start-up are outside the timing: the warm-up runs on the same pool as the timed sweep (until
 * 2026-12-02 it ran on a pool of its own that was then destroyed, so every thread of the timed pool
 * loaded its data, compiled and simulated the workloads inside the timing).
 *
 * Samples per configuration: GIGAWATT_BENCH_SWEEP_SAMPLES (default 24; the target is 10,000
 * samples in < 60 s on 2 cores, i.e. ≥ 167 samples/s: compare samplesPerSecond with that).
 * GIGAWATT_BENCH_SWEEP_WORKER: another bundled worker to time (e.g. an older build, for before/after
 * figures from one run).
 *
 * `benchSweepInProcess` times the same samples one after another in the bench's own thread (the
 * bundled worker's task function imported and called directly): per-sample wall and CPU time without
 * the pool's messaging, the figure to compare with the 12 ms per sample per core that 170 samples/s
 * on 2 cores needs.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { planSweep, type SweepPlan, sweepJob } from '../src/analysis/sweep/plan.js';
import type { SampleResult } from '../src/analysis/sweep/sample.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { openSweepPool, runLocalSweep } from '../src/io/sweep/local-pool.js';
import { checkRedis, runQueuedSweep } from '../src/io/sweep/queue.js';
import { validateScenario } from '../src/model/validate.js';

const SAMPLES = Number(process.env.GIGAWATT_BENCH_SWEEP_SAMPLES) || 24;
const VARY = [
  'sites[0].utilisation.busyFraction=triangular:0.6,0.85,0.95',
  'sites[1].utilisation.busyFraction=triangular:0.6,0.85,0.95',
  'compute.mfu=uniform:0.3,0.5',
  'economics.acceleratorPriceUSD.gb300=uniform:40000,60000',
  'economics.revenue.usdPerAcceleratorHour=uniform:2,6',
  'economics.discountRate=uniform:0.06,0.12',
];

function plan(samples: number, seed = 1): SweepPlan {
  const { raw } = loadScenario('anthropic-fluidstack');
  const stretched = { ...(raw as Record<string, unknown>), end: '2035-12-31' };
  const r = validateScenario(stretched);
  if (!r.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(r.issues[0])}`);
  return planSweep(r.scenario, stretched, { samples, seed, method: 'lhs', vary: VARY });
}

/**
 * The bundled worker (dist/sweep-worker.js, built by `npm run bench`), as `gigawatt sweep` runs it: a
 * worker thread loading the TypeScript sources through tsx runs samples ~1.7× slower.
 */
const BUNDLED_WORKER = {
  filename:
    process.env.GIGAWATT_BENCH_SWEEP_WORKER ?? join(import.meta.dirname, '..', 'dist', 'sweep-worker.js'),
  execArgv: [],
};

const line = (workers: number, mode: string, samples: number, seconds: number, note?: string) => ({
  benchmark: 'sweep',
  samplesPerSecond: Number((samples / seconds).toFixed(3)),
  workers,
  mode,
  scenario: 'anthropic-fluidstack, 2026-2035 (87,648 h, 2 sites)',
  samples,
  seconds: Number(seconds.toFixed(2)),
  loadAverage1m: Number((loadavg()[0] as number).toFixed(2)),
  ...(note ? { note } : {}),
});

/** Samples per second on a pool of `threads` worker threads. */
export async function benchSweepThreads(threads: number) {
  const p = plan(SAMPLES);
  const pool = openSweepPool(threads, BUNDLED_WORKER);
  try {
    // Warm-up on the pool that is then timed: 4 samples per thread, sent at once, so that every thread
    // loads the data, compiles the engine and simulates the workloads before the clock starts.
    await runLocalSweep(plan(4 * threads, 99), { pool });
    const t0 = performance.now();
    await runLocalSweep(p, { pool });
    return line(threads, 'piscina threads', SAMPLES, (performance.now() - t0) / 1000);
  } finally {
    await pool.destroy();
  }
}

/**
 * Per-sample time in this thread: the bundled worker's task function called directly, 2 warm-up
 * samples (data, compilation, the workload simulation) and then GIGAWATT_BENCH_SWEEP_SAMPLES timed.
 */
export async function benchSweepInProcess() {
  const p = plan(SAMPLES);
  const { default: runTask } = (await import(BUNDLED_WORKER.filename)) as {
    default: (task: { base: unknown; job: ReturnType<typeof sweepJob> }) => SampleResult;
  };
  const warm = plan(2, 99);
  for (let k = 0; k < warm.jobs; k++) runTask({ base: warm.raw, job: sweepJob(warm, k) });
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let k = 0; k < p.jobs; k++) {
    const t = performance.now();
    runTask({ base: p.raw, job: sweepJob(p, k) });
    ms.push(performance.now() - t);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  ms.sort((a, b) => a - b);
  return {
    ...line(1, 'in process', SAMPLES, seconds),
    medianMsPerSample: Number((ms[ms.length >> 1] as number).toFixed(1)),
    bestMsPerSample: Number((ms[0] as number).toFixed(1)),
    cpuMsPerSample: Number(((cpu.user + cpu.system) / 1000 / SAMPLES).toFixed(1)),
  };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });

/** Samples per second with two `gigawatt worker` processes (1 thread each) on a loopback Redis. */
export async function benchSweepQueue() {
  let bin: string;
  try {
    bin = execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    return {
      benchmark: 'sweep',
      mode: 'bullmq',
      workers: 2,
      error: 'redis-server not on PATH (apt-get install redis-server)',
    };
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const redis = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < 50; i++) {
      try {
        await checkRedis(url, 500);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
    for (let i = 0; i < 2; i++)
      workers.push(
        spawn(process.execPath, [cli, 'worker', '--queue', url, '--threads', '1', '-q'], { stdio: 'ignore' }),
      );
    // Warm-up batch: both workers load their data (not timed).
    await runQueuedSweep(plan(4, 99), url, { batch: 1 });
    const t0 = performance.now();
    await runQueuedSweep(plan(SAMPLES), url, { batch: 2 });
    return line(2, 'bullmq workers', SAMPLES, (performance.now() - t0) / 1000);
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    redis.kill('SIGTERM');
  }
}
