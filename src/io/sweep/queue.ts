/**
 * Distributed sweeps on a BullMQ queue (Redis). The coordinator (`gigawatt sweep --queue URL`) stores
 * the base scenario once in Redis, adds the plan's jobs in batches (each BullMQ job carries a few
 * sample jobs with their input values, computed from the seed by the coordinator) and collects the
 * results; any number of `gigawatt worker --queue URL` processes, on any machines, run them on their
 * own thread pools. Results depend only on (seed, job index), so they equal a local sweep's.
 *
 * Failure handling: a job whose worker dies is not lost. Its lock expires (`lockMs`, renewed while the
 * worker lives), another worker's stalled-job check moves it back to the wait list and it is run again;
 * a job that throws is retried `attempts` times. Worker connections use `maxRetriesPerRequest: null`
 * as BullMQ requires.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { type ConnectionOptions, type Job, Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Piscina } from 'piscina';
import type { SweepJob, SweepPlan } from '../../analysis/sweep/plan.js';
import { sweepJob } from '../../analysis/sweep/plan.js';
import type { SampleResult } from '../../analysis/sweep/sample.js';
import { workerFile } from './local-pool.js';

export const QUEUE_NAME = 'gigawatt-sweep';
const PREFIX = 'gigawatt';
const baseKey = (sweepId: string) => `${PREFIX}:sweep:${sweepId}:base`;

interface QueueJobData {
  readonly sweepId: string;
  readonly jobs: readonly SweepJob[];
}

/** Parses redis://[:password@]host:port[/db] into ioredis options; throws a clear error otherwise. */
export function redisOptions(url: string): { host: string; port: number; password?: string; db?: number } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new QueueError(`--queue ${JSON.stringify(url)}: not a URL; expected redis://HOST:PORT`);
  }
  if (u.protocol !== 'redis:')
    throw new QueueError(
      `--queue ${JSON.stringify(url)}: expected redis://HOST:PORT (got protocol ${u.protocol})`,
    );
  const port = u.port === '' ? 6379 : Number(u.port);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined;
  return {
    host: u.hostname || '127.0.0.1',
    port,
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
  };
}

export class QueueError extends Error {
  override name = 'QueueError';
}

/** Pings Redis once with a short timeout; a clear error when it cannot be reached. */
export async function checkRedis(url: string, timeoutMs = 3000): Promise<void> {
  const opts = redisOptions(url);
  const r = new Redis({
    ...opts,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let cause: Error | undefined;
  r.on('error', (err: Error) => {
    cause ??= err;
  });
  try {
    await r.connect();
    await r.ping();
  } catch (err) {
    const why = (cause ?? (err as Error)).message || String(err);
    throw new QueueError(`cannot reach Redis at ${url} (${why}); is redis-server running there?`);
  } finally {
    r.disconnect();
  }
}

const connection = (url: string): ConnectionOptions => ({ ...redisOptions(url), maxRetriesPerRequest: null });

export interface QueuedSweepOptions {
  /** Samples per BullMQ job (default 10). */
  readonly batch?: number;
  /** Attempts per job before the sweep fails (default 5). */
  readonly attempts?: number;
  readonly onResult?: (result: SampleResult, done: number, total: number) => void;
}

/** Runs the plan on the queue at `url` and returns every sample's result. */
export async function runQueuedSweep(
  plan: SweepPlan,
  url: string,
  options: QueuedSweepOptions = {},
): Promise<SampleResult[]> {
  await checkRedis(url);
  const conn = connection(url);
  const sweepId = randomUUID();
  const redis = new Redis({ ...redisOptions(url), maxRetriesPerRequest: null });
  const queue = new Queue<QueueJobData, SampleResult[]>(QUEUE_NAME, { connection: conn, prefix: PREFIX });
  const events = new QueueEvents(QUEUE_NAME, { connection: conn, prefix: PREFIX });
  // One waiter per BullMQ job (a 10,000-sample sweep has 1,000): not a leak.
  queue.setMaxListeners(0);
  events.setMaxListeners(0);
  try {
    await redis.set(baseKey(sweepId), JSON.stringify(plan.raw), 'EX', 7 * 86_400);
    await events.waitUntilReady();
    const batch = Math.max(1, options.batch ?? 10);
    const bulk = [];
    for (let k = 0; k < plan.jobs; k += batch) {
      const jobs = [];
      for (let i = k; i < Math.min(plan.jobs, k + batch); i++) jobs.push(sweepJob(plan, i));
      bulk.push({
        name: `${sweepId}:${k}`,
        data: { sweepId, jobs },
        opts: {
          attempts: options.attempts ?? 5,
          backoff: { type: 'fixed', delay: 500 },
          removeOnComplete: { age: 3600 },
          removeOnFail: { age: 86_400 },
        },
      });
    }
    const added = await queue.addBulk(bulk);
    let done = 0;
    const out: SampleResult[] = [];
    await Promise.all(
      added.map(async (job: Job<QueueJobData, SampleResult[]>) => {
        let results: SampleResult[];
        try {
          results = await job.waitUntilFinished(events);
        } catch (err) {
          throw new Error(`sweep job ${job.name} failed after its retries: ${(err as Error).message}`);
        }
        for (const r of results) {
          out.push(r);
          done++;
          options.onResult?.(r, done, plan.jobs);
        }
      }),
    );
    return out;
  } finally {
    await redis.del(baseKey(sweepId)).catch(() => {});
    redis.disconnect();
    await events.close();
    await queue.close();
  }
}

export interface QueueWorkerOptions {
  /** Threads running samples (default: all cores); also the BullMQ concurrency. */
  readonly threads?: number;
  /** Lock duration, ms: how soon a dead worker's job is handed to another (default 30,000). */
  readonly lockMs?: number;
  /** Exit after the queue has been idle this long, ms (default: run until stopped). */
  readonly idleExitMs?: number;
  readonly onBatch?: (samples: number) => void;
  /** Called when a job starts (its name and number of samples). */
  readonly onJob?: (name: string, samples: number) => void;
  /** On SIGTERM/SIGINT, how long running jobs may finish before the worker stops anyway, ms (default 10,000). */
  readonly shutdownGraceMs?: number;
}

/** Runs a `gigawatt worker`: takes sweep jobs from the queue until stopped (or idle). */
export async function runQueueWorker(url: string, options: QueueWorkerOptions = {}): Promise<void> {
  // Listening from the start: a SIGTERM while connecting still stops the worker cleanly.
  let stop: () => void = () => {};
  let stopped = false;
  const onSignal = () => {
    stopped = true;
    stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await checkRedis(url);
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const { filename, execArgv } = workerFile();
  const pool = new Piscina({ filename, execArgv, minThreads: threads, maxThreads: threads });
  const redis = new Redis({ ...redisOptions(url), maxRetriesPerRequest: null });
  const bases = new Map<string, unknown>();
  const lockMs = options.lockMs ?? 30_000;
  let lastActive = Date.now();
  let busy = 0;
  const worker = new Worker<QueueJobData, SampleResult[]>(
    QUEUE_NAME,
    async (job) => {
      busy++;
      options.onJob?.(job.name, job.data.jobs.length);
      try {
        let base = bases.get(job.data.sweepId);
        if (base === undefined) {
          const text = await redis.get(baseKey(job.data.sweepId));
          if (text === null)
            throw new Error(`the base scenario of sweep ${job.data.sweepId} is gone from Redis`);
          base = JSON.parse(text) as unknown;
          bases.set(job.data.sweepId, base);
        }
        const results = (await Promise.all(
          job.data.jobs.map((j) => pool.run({ base, job: j })),
        )) as SampleResult[];
        options.onBatch?.(results.length);
        return results;
      } finally {
        busy--;
        lastActive = Date.now();
      }
    },
    {
      connection: connection(url),
      prefix: PREFIX,
      concurrency: threads,
      lockDuration: lockMs,
      stalledInterval: Math.max(1000, Math.round(lockMs / 2)),
      maxStalledCount: 10,
    },
  );
  worker.on('error', () => {});
  await worker.waitUntilReady();
  let idleTimer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    stop = resolve;
    if (stopped) resolve();
    if (options.idleExitMs !== undefined) {
      idleTimer = setInterval(() => {
        if (busy === 0 && Date.now() - lastActive > (options.idleExitMs as number)) resolve();
      }, 200);
    }
  });
  clearInterval(idleTimer);
  // Stop taking jobs and give the running ones a bounded time to finish; past it they are left to
  // their locks, which expire, and other workers run them again (nothing is lost).
  const graceMs = options.shutdownGraceMs ?? 10_000;
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    worker.close().then(() => true),
    new Promise<false>((done) => {
      timer = setTimeout(() => done(false), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (!finished) await worker.close(true).catch(() => {});
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  redis.disconnect();
  await pool.destroy();
}
