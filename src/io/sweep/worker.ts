/**
 * The sweep worker: one task = one sample (a job of the plan) run against the bundled data, which
 * each worker thread loads once. Runs in a piscina thread (local sweeps) and in `gigawatt worker`
 * (BullMQ). Bundled as dist/sweep-worker.js (scripts/build.mjs).
 */

import type { SweepJob } from '../../analysis/sweep/plan.js';
import type { SampleResult } from '../../analysis/sweep/sample.js';
import { ExogenousReuse } from '../../engine/exogenous-reuse.js';
import { ColumnPool } from '../../engine/site-hourly.js';
import { runSample } from '../../run-sample.js';
import { cachedDataSource } from './cached-data.js';

export interface SampleTask {
  /** The base scenario as written (without `uncertainty`). */
  readonly base: unknown;
  readonly job: SweepJob;
}

/**
 * This thread's hourly columns and exogenous stages, reused from sample to sample (only the metrics
 * leave a sample; the results are the same as without).
 */
const reuse = { columns: new ColumnPool(), exogenous: new ExogenousReuse() };

export default function runTask(task: SampleTask): SampleResult {
  return runSample(task.base, task.job, cachedDataSource(), reuse);
}
