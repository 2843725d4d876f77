/**
 * Sweeps as background jobs for the HTTP API. POST /api/sweeps plans the sweep on the request path
 * (so bad input is a 400 at once) and queues it; the samples run later, one sweep at a time, on a
 * piscina worker-thread pool (src/io/sweep/local-pool.ts, `workers` threads, default 2) so the
 * server's event loop keeps answering. Progress and the final report reach listeners (the SSE route)
 * as events; the report is exactly `gigawatt sweep --json`'s. With a results store the sweep is also
 * saved there (src/io/store/record.ts), as a CLI sweep is, and appears in GET /api/runs.
 *
 * Jobs live in memory: the last `keep` finished ones are kept, older ones are forgotten (404).
 * Queued and running sweeps are capped in total and per client (`admit` says when one more may
 * start); `cancel` drops a queued sweep or aborts a running one (its piscina tasks are aborted and
 * its threads ended), which frees its slot at once.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { SweepPlan } from '../analysis/sweep/plan.js';
import { type SweepReport, sweepReport } from '../analysis/sweep/report.js';
import type { SampleResult } from '../analysis/sweep/sample.js';
import { SweepRecorder } from '../io/store/record.js';
import { type LocalSweepOptions, runLocalSweep } from '../io/sweep/local-pool.js';
import { publicMessage } from './errors.js';

export type SweepStatus = 'queued' | 'running' | 'done' | 'error' | 'cancelled';

export type SweepEvent =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly report: SweepReport }
  | { readonly type: 'error'; readonly error: string }
  | { readonly type: 'cancelled' };

export interface SweepJobState {
  readonly id: string;
  readonly scenario: string;
  /** Who submitted it (a hash of the bearer token, or the remote address): the per-client cap. */
  readonly client: string;
  status: SweepStatus;
  done: number;
  readonly total: number;
  readonly createdAt: string;
  report?: SweepReport;
  error?: string;
  /** Id of the saved run in the results store (GET /api/runs/:id), when saved. */
  runId?: number;
}

export interface SweepJobsOptions {
  /** Worker threads per sweep (default 2). */
  readonly workers?: number;
  /** Results store path; undefined: not saved. */
  readonly store?: string | undefined;
  /** Finished jobs kept in memory (default 50). */
  readonly keep?: number;
  /** The piscina worker module (default: the one next to local-pool). */
  readonly worker?: LocalSweepOptions['worker'];
  /** Sweeps queued or running at once, in total and per client (default 8 and 2). */
  readonly maxActive?: number;
  readonly maxActivePerClient?: number;
}

/** Why a sweep may not be queued now, or undefined when it may. */
export interface Refusal {
  readonly reason: string;
  readonly active: number;
  readonly limit: number;
}

const isActive = (j: SweepJobState) => j.status === 'queued' || j.status === 'running';

type Listener = (event: SweepEvent) => void;

export class SweepJobs {
  private readonly jobs = new Map<string, SweepJobState>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly aborts = new Map<string, AbortController>();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly options: SweepJobsOptions = {}) {}

  get(id: string): SweepJobState | undefined {
    return this.jobs.get(id);
  }

  /** Sweeps queued or running now: all, or one client's. */
  active(client?: string): number {
    let n = 0;
    for (const j of this.jobs.values()) if (isActive(j) && (client === undefined || j.client === client)) n++;
    return n;
  }

  /** Whether `client` may queue one more sweep now (undefined) or why not. */
  admit(client: string): Refusal | undefined {
    const total = this.active();
    const maxTotal = this.options.maxActive ?? 8;
    if (total >= maxTotal)
      return {
        reason: 'the server already has its most sweeps queued or running',
        active: total,
        limit: maxTotal,
      };
    const mine = this.active(client);
    const maxMine = this.options.maxActivePerClient ?? 2;
    if (mine >= maxMine)
      return { reason: 'you already have your most sweeps queued or running', active: mine, limit: maxMine };
    return undefined;
  }

  /** Queues a planned sweep; returns its state at once (status 'queued'). */
  submit(plan: SweepPlan, scenarioRaw: unknown, output: string, client = 'local'): SweepJobState {
    const job: SweepJobState = {
      id: randomUUID(),
      scenario: plan.scenario,
      client,
      status: 'queued',
      done: 0,
      total: plan.jobs,
      createdAt: new Date().toISOString(),
    };
    this.jobs.set(job.id, job);
    const abort = new AbortController();
    // Each of the sweep's samples listens to it (one piscina task each): not a leak.
    setMaxListeners(0, abort.signal);
    this.aborts.set(job.id, abort);
    this.forgetOld();
    this.chain = this.chain.then(() => this.run(job, plan, scenarioRaw, output));
    return job;
  }

  /**
   * Cancels a queued or running sweep (a finished one is left as it is); returns its state, or
   * undefined for an unknown id. Listeners get a `cancelled` event and the slot is free at once.
   */
  cancel(id: string): SweepJobState | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (!isActive(job)) return job;
    job.status = 'cancelled';
    this.aborts.get(id)?.abort();
    this.aborts.delete(id);
    this.emit(id, { type: 'cancelled' });
    return job;
  }

  /** Cancels every queued and running sweep and waits for them to stop (shutdown). */
  async cancelAll(): Promise<void> {
    for (const j of this.jobs.values()) if (isActive(j)) this.cancel(j.id);
    await this.chain;
  }

  /** Listeners of a job's events now (tests: an SSE client that left is no longer one). */
  listenerCount(id: string): number {
    return this.listeners.get(id)?.size ?? 0;
  }

  /** Calls `listener` for each later event of the job; returns the unsubscribe function. */
  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Resolves when every queued sweep has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  private emit(id: string, event: SweepEvent): void {
    for (const l of this.listeners.get(id) ?? []) l(event);
    if (event.type !== 'progress') this.listeners.delete(id);
  }

  private async run(job: SweepJobState, plan: SweepPlan, raw: unknown, output: string): Promise<void> {
    const signal = this.aborts.get(job.id)?.signal;
    if (job.status !== 'queued' || !signal || signal.aborted) return;
    job.status = 'running';
    this.emit(job.id, { type: 'progress', done: 0, total: job.total });
    let recorder: SweepRecorder | undefined;
    try {
      recorder = await SweepRecorder.start(this.options.store, plan, raw);
      if (recorder) job.runId = recorder.id;
      const results = await runLocalSweep(plan, {
        workers: this.options.workers ?? 2,
        ...(this.options.worker ? { worker: this.options.worker } : {}),
        signal,
        onResult: (r: SampleResult, done, total) => {
          recorder?.add(r);
          job.done = done;
          this.emit(job.id, { type: 'progress', done, total });
        },
      });
      const report = sweepReport(plan, results, output);
      await recorder?.finish(report);
      job.report = report;
      job.status = 'done';
      this.emit(job.id, { type: 'result', report });
    } catch (err) {
      await recorder?.abort().catch(() => {});
      if (signal.aborted) return; // cancelled: the state and the event are set already
      // A sample's own error (a bad value for a path) is the user's to read; one that names a file
      // or carries a stack stays in the server's log (GIGAWATT_DEBUG).
      if (process.env.GIGAWATT_DEBUG) console.error(err);
      job.error = publicMessage(err, 'the sweep failed on the server (GIGAWATT_DEBUG=1 logs the cause)');
      job.status = 'error';
      this.emit(job.id, { type: 'error', error: job.error });
    } finally {
      this.aborts.delete(job.id);
    }
  }

  private forgetOld(): void {
    const keep = this.options.keep ?? 50;
    const finished = [...this.jobs.values()].filter((j) => !isActive(j));
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) this.jobs.delete(j.id);
  }
}
