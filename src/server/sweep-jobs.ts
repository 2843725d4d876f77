/**
 * Sweeps as background jobs for the HTTP API. POST /api/sweeps plans the sweep on the request path
 * (so bad input is a 400 at once) and queues it; the samples run later, one sweep at a time, on a
 * piscina worker-thread pool (src/io/sweep/local-pool.ts, `workers` threads, default 2) so the
 * server's event loop keeps answering. Progress and the final report reach listeners (the SSE route)
 * as events; the report is exactly `gigawatt sweep --json`'s. With a results store the sweep is also
 * saved there (src/io/store/record.ts), as a CLI sweep is, and appears in GET /api/runs.
 *
 * Jobs live in memory: the last `keep` finished ones are kept, older ones are forgotten (404).
 */
import { randomUUID } from 'node:crypto';
import type { SweepPlan } from '../analysis/sweep/plan.js';
import { type SweepReport, sweepReport } from '../analysis/sweep/report.js';
import type { SampleResult } from '../analysis/sweep/sample.js';
import { SweepRecorder } from '../io/store/record.js';
import { type LocalSweepOptions, runLocalSweep } from '../io/sweep/local-pool.js';

export type SweepStatus = 'queued' | 'running' | 'done' | 'error';

export type SweepEvent =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly report: SweepReport }
  | { readonly type: 'error'; readonly error: string };

export interface SweepJobState {
  readonly id: string;
  readonly scenario: string;
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
}

type Listener = (event: SweepEvent) => void;

export class SweepJobs {
  private readonly jobs = new Map<string, SweepJobState>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly options: SweepJobsOptions = {}) {}

  get(id: string): SweepJobState | undefined {
    return this.jobs.get(id);
  }

  /** Queues a planned sweep; returns its state at once (status 'queued'). */
  submit(plan: SweepPlan, scenarioRaw: unknown, output: string): SweepJobState {
    const job: SweepJobState = {
      id: randomUUID(),
      scenario: plan.scenario,
      status: 'queued',
      done: 0,
      total: plan.jobs,
      createdAt: new Date().toISOString(),
    };
    this.jobs.set(job.id, job);
    this.forgetOld();
    this.chain = this.chain.then(() => this.run(job, plan, scenarioRaw, output));
    return job;
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
    job.status = 'running';
    this.emit(job.id, { type: 'progress', done: 0, total: job.total });
    let recorder: SweepRecorder | undefined;
    try {
      recorder = await SweepRecorder.start(this.options.store, plan, raw);
      if (recorder) job.runId = recorder.id;
      const results = await runLocalSweep(plan, {
        workers: this.options.workers ?? 2,
        ...(this.options.worker ? { worker: this.options.worker } : {}),
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
      await recorder?.abort();
      job.error = (err as Error)?.message ?? String(err);
      job.status = 'error';
      this.emit(job.id, { type: 'error', error: job.error });
    }
  }

  private forgetOld(): void {
    const keep = this.options.keep ?? 50;
    const finished = [...this.jobs.values()].filter((j) => j.status === 'done' || j.status === 'error');
    for (const j of finished.slice(0, Math.max(0, finished.length - keep))) this.jobs.delete(j.id);
  }
}
