/**
 * Saving runs and sweeps from the CLI. A store that cannot be opened (locked by another process, a
 * read-only disk) is reported on stderr and skipped: the results are still printed.
 */
import type { SweepJob, SweepPlan } from '../../analysis/sweep/plan.js';
import { sweepJob } from '../../analysis/sweep/plan.js';
import type { SweepReport } from '../../analysis/sweep/report.js';
import { type SampleResult, summaryMetrics } from '../../analysis/sweep/sample.js';
import type { RunResult } from '../../run.js';
import { packageVersion } from '../paths.js';
import { RunStore } from './run-store.js';

async function withStore<T>(path: string, f: (store: RunStore) => Promise<T>): Promise<T> {
  const store = await RunStore.open(path);
  try {
    return await f(store);
  } finally {
    store.close();
  }
}

function warn(path: string, err: unknown): void {
  process.stderr.write(`gigawatt: not saved to the results store ${path}: ${(err as Error).message}\n`);
}

/** Saves a finished `gigawatt run`; returns its id, or undefined when not saved. */
export async function saveRun(
  path: string | undefined,
  result: RunResult,
  raw: unknown,
  options: { hourly?: boolean } = {},
): Promise<number | undefined> {
  if (path === undefined) return undefined;
  let store: RunStore | undefined;
  try {
    store = await RunStore.open(path);
    const s = result.summary;
    const id = await store.createRun({
      kind: 'run',
      scenario: s.scenario,
      ...(s.title !== undefined ? { title: s.title } : {}),
      version: packageVersion(),
      scenarioJson: raw,
    });
    if (options.hourly)
      await store.addHourly(
        id,
        result.sites.map((x) => x.hourly),
      );
    await store.finishRun(id, s, summaryMetrics(s));
    return id;
  } catch (err) {
    warn(path, err);
    return undefined;
  } finally {
    store?.close();
  }
}

/** How a sweep recorder batches its samples. */
export interface SweepRecorderOptions {
  /** Samples per committed batch (a Parquet piece each); smaller batches lose less in a crash. Default 100. */
  readonly batchSize?: number;
  /** Also commit what is pending when a sample arrives this long after the last commit (ms). Default 2000; Infinity: by count only. */
  readonly flushIntervalMs?: number;
  /** Called after each batch is committed, with the number of batches committed so far. */
  readonly onBatchStored?: (batches: number) => void;
}

/**
 * Records a sweep as it runs: the run row first (status 'running'), then samples in batches (a
 * Parquet piece per batch, ingested at once), then the report and its quantiles (status 'done').
 */
export class SweepRecorder {
  private pending: SampleResult[] = [];
  private chain: Promise<void> = Promise.resolve();
  private lastFlush = Date.now();
  private batches = 0;
  private failed = false;

  private constructor(
    /** The store is opened per batch, not held, so other processes can read and write between batches. */
    private readonly path: string,
    readonly id: number,
    private readonly plan: SweepPlan,
    private readonly batchSize: number,
    private readonly flushIntervalMs: number,
    private readonly onBatchStored: ((batches: number) => void) | undefined,
  ) {}

  static async start(
    path: string | undefined,
    plan: SweepPlan,
    scenarioRaw: unknown,
    options: SweepRecorderOptions = {},
  ): Promise<SweepRecorder | undefined> {
    if (path === undefined) return undefined;
    try {
      const id = await withStore(path, (store) =>
        store.createRun({
          kind: 'sweep',
          scenario: plan.scenario,
          version: packageVersion(),
          seed: plan.seed,
          samples: plan.jobs,
          scenarioJson: scenarioRaw,
        }),
      );
      return new SweepRecorder(
        path,
        id,
        plan,
        options.batchSize ?? 100,
        options.flushIntervalMs ?? 2000,
        options.onBatchStored,
      );
    } catch (err) {
      warn(path, err);
      return undefined;
    }
  }

  /** Queues one finished sample; flushes a batch every `batchSize` samples or `flushIntervalMs`. */
  add(result: SampleResult): void {
    this.pending.push(result);
    if (this.pending.length >= this.batchSize || Date.now() - this.lastFlush > this.flushIntervalMs)
      this.flush();
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.lastFlush = Date.now();
    if (batch.length === 0 || this.failed) return;
    this.chain = this.chain.then(async () => {
      if (this.failed) return;
      try {
        await withStore(this.path, (store) =>
          store.addSamples(
            this.id,
            batch.map((r) => {
              const job: SweepJob = sweepJob(this.plan, r.index);
              return {
                job: r.index,
                point: job.point,
                sample: job.sample,
                inputs: job.overrides,
                outputs: r.metrics,
              };
            }),
          ),
        );
        this.batches++;
        this.onBatchStored?.(this.batches);
      } catch (err) {
        this.failed = true;
        warn(this.path, err);
      }
    });
  }

  /** Flushes the last samples, stores the report and closes the store. */
  async finish(report: SweepReport): Promise<void> {
    this.flush();
    await this.chain;
    try {
      if (!this.failed) {
        const metrics: Record<string, number | null> = {};
        for (const [k, q] of Object.entries(report.metrics)) {
          metrics[`${k}.p5`] = q?.p5 ?? null;
          metrics[`${k}.p50`] = q?.p50 ?? null;
          metrics[`${k}.p95`] = q?.p95 ?? null;
        }
        await withStore(this.path, (store) => store.finishRun(this.id, report, metrics));
      }
    } catch (err) {
      warn(this.path, err);
    }
  }

  /** Closes without finishing (the run stays 'running', its stored samples are kept). */
  async abort(): Promise<void> {
    this.flush();
    await this.chain;
  }
}
