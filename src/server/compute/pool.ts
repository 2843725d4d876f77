/**
 * The server's compute pool: a piscina worker-thread pool (./worker.ts) with a bounded queue and a
 * time limit per task, so no request holds the event loop and none runs forever.
 *
 * - queue full → 503 with Retry-After (the server is busy; nothing was started);
 * - a task over `timeoutMs` → 504; its thread is terminated (piscina aborts it) and replaced;
 * - `close()` aborts whatever is queued or running (shutdown).
 */
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ApiError } from '../errors.js';
import type { BuildoutOutcome } from './buildout-body.js';
import type { CachedRun } from './cached-run.js';
import type { HeadroomOutcome } from './headroom-body.js';
import type { ComputeTask } from './worker.js';

export interface ComputePoolOptions {
  /** Worker threads (default: cores − 1, at least 1: one core stays with the event loop). */
  readonly threads?: number;
  /** Tasks waiting for a thread before new ones are refused with 503 (default 16). */
  readonly maxQueue?: number;
  /** Time limit of one task, ms (default 120,000). */
  readonly timeoutMs?: number;
  /** The worker module (default: ./worker.ts under tsx, dist/compute-worker.js in the bundle). */
  readonly worker?: { readonly filename: string; readonly execArgv: string[] };
}

import { DEFAULT_COMPUTE_QUEUE, DEFAULT_COMPUTE_TIMEOUT_MS } from '../defaults.js';

export { DEFAULT_COMPUTE_QUEUE, DEFAULT_COMPUTE_TIMEOUT_MS };

function computeWorkerFile(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts'))
    return { filename: fileURLToPath(new URL('./worker.ts', here)), execArgv: ['--import', 'tsx'] };
  return { filename: fileURLToPath(new URL('./compute-worker.js', here)), execArgv: [] };
}

export class ComputePool {
  private readonly pool: Piscina;
  private readonly closing = new AbortController();
  readonly timeoutMs: number;
  readonly threads: number;
  readonly maxQueue: number;

  constructor(options: ComputePoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? availableParallelism() - 1);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_COMPUTE_TIMEOUT_MS;
    this.maxQueue = options.maxQueue ?? DEFAULT_COMPUTE_QUEUE;
    // Every task's signal listens to this one (AbortSignal.any): not a leak.
    setMaxListeners(0, this.closing.signal);
    const { filename, execArgv } = options.worker ?? computeWorkerFile();
    this.pool = new Piscina({
      filename,
      execArgv,
      minThreads: 1,
      maxThreads: this.threads,
      idleTimeout: 60_000,
      // Compute threads yield the CPU to the event loop's thread (nice +10, where the platform
      // allows), so /api/health and static files keep answering while every thread is busy.
      niceIncrement: process.platform === 'win32' ? 0 : 10,
    });
  }

  private running = 0;

  /** Tasks running or waiting now. */
  get pending(): number {
    return this.running;
  }

  run(task: Extract<ComputeTask, { kind: 'run' }>): Promise<CachedRun>;
  run(task: Extract<ComputeTask, { kind: 'headroom' }>): Promise<HeadroomOutcome>;
  run(task: Extract<ComputeTask, { kind: 'buildout' }>): Promise<BuildoutOutcome>;
  async run(task: ComputeTask): Promise<unknown> {
    if (this.closing.signal.aborted) throw new ApiError(503, 'the server is shutting down', undefined, 5);
    // Counted here rather than by piscina, whose queue also takes tasks while threads start.
    if (this.running >= this.threads + this.maxQueue)
      throw new ApiError(
        503,
        'the server is busy: every compute thread is working and the queue is full; try again shortly',
        { threads: this.threads, queue: this.maxQueue },
        5,
      );
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = AbortSignal.any([timeout, this.closing.signal]);
    this.running++;
    try {
      return await this.pool.run(task, { signal });
    } catch (err) {
      if (timeout.aborted)
        throw new ApiError(
          504,
          `the computation took over ${this.timeoutMs / 1000} s, the server's time limit per request, and was stopped`,
          {
            hint: 'run it with the CLI (`gigawatt run`), which has no time limit, or shorten the simulated span',
          },
        );
      if (this.closing.signal.aborted) throw new ApiError(503, 'the server is shutting down', undefined, 5);
      throw err;
    } finally {
      this.running--;
    }
  }

  /** Aborts every queued and running task and stops the threads. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.pool.destroy();
  }
}
