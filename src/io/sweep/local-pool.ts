/**
 * Runs a sweep's jobs on a piscina worker-thread pool (all cores by default). Results come back in
 * any order and are keyed by job index, so the report does not depend on the number of threads.
 * The worker is src/io/sweep/worker.ts under tsx/vitest and dist/sweep-worker.js in the bundle.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { type SweepPlan, sweepJob } from '../../analysis/sweep/plan.js';
import type { SampleResult } from '../../analysis/sweep/sample.js';

/** The worker module next to this one: TypeScript source in development, the bundle in dist/. */
export function workerFile(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts'))
    return { filename: fileURLToPath(new URL('./worker.ts', here)), execArgv: ['--import', 'tsx'] };
  return { filename: fileURLToPath(new URL('./sweep-worker.js', here)), execArgv: [] };
}

export interface LocalSweepOptions {
  /** Worker threads (default: all cores); ignored with `pool`. */
  readonly workers?: number;
  /**
   * A pool opened with `openSweepPool` to run on, left open afterwards: its threads keep their data,
   * compiled code and workload simulation from earlier sweeps (a benchmark's warm-up, a server).
   */
  readonly pool?: Piscina;
  /** Only these job indices (default: all). */
  readonly jobs?: readonly number[];
  /** The worker module (default: workerFile()); e.g. the bundled dist/sweep-worker.js from tsx. */
  readonly worker?: { readonly filename: string; readonly execArgv: string[] };
  /** Called after each finished sample. */
  readonly onResult?: (result: SampleResult, done: number, total: number) => void;
  /** Cancels the sweep: queued samples are dropped, running ones aborted (their threads ended). */
  readonly signal?: AbortSignal;
}

/** A pool of `threads` sweep worker threads (default: all cores), all started at once. */
export function openSweepPool(
  threads: number = availableParallelism(),
  worker: LocalSweepOptions['worker'] = workerFile(),
): Piscina {
  const n = Math.max(1, threads);
  return new Piscina({
    filename: worker.filename,
    execArgv: worker.execArgv,
    minThreads: n,
    maxThreads: n,
    idleTimeout: 1000,
  });
}

export async function runLocalSweep(
  plan: SweepPlan,
  options: LocalSweepOptions = {},
): Promise<SampleResult[]> {
  const pool = options.pool ?? openSweepPool(options.workers, options.worker);
  const indices = options.jobs ?? Array.from({ length: plan.jobs }, (_, i) => i);
  let done = 0;
  try {
    return await Promise.all(
      indices.map(async (k) => {
        const result = (await pool.run(
          { base: plan.raw, job: sweepJob(plan, k) },
          options.signal ? { signal: options.signal } : {},
        )) as SampleResult;
        done++;
        options.onResult?.(result, done, indices.length);
        return result;
      }),
    );
  } finally {
    if (!options.pool) await pool.destroy();
  }
}
