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
  /** Worker threads (default: all cores). */
  readonly workers?: number;
  /** Only these job indices (default: all). */
  readonly jobs?: readonly number[];
  /** The worker module (default: workerFile()); e.g. the bundled dist/sweep-worker.js from tsx. */
  readonly worker?: { readonly filename: string; readonly execArgv: string[] };
  /** Called after each finished sample. */
  readonly onResult?: (result: SampleResult, done: number, total: number) => void;
  /** Cancels the sweep: queued samples are dropped, running ones aborted (their threads ended). */
  readonly signal?: AbortSignal;
}

export async function runLocalSweep(
  plan: SweepPlan,
  options: LocalSweepOptions = {},
): Promise<SampleResult[]> {
  const threads = Math.max(1, options.workers ?? availableParallelism());
  const { filename, execArgv } = options.worker ?? workerFile();
  const pool = new Piscina({
    filename,
    execArgv,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
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
    await pool.destroy();
  }
}
