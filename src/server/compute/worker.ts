/**
 * The server's compute worker: uncached runs (POST /api/run, /api/run/hourly) and headroom analyses
 * (GET /api/headroom) run here, on a piscina thread, so the event loop keeps answering. Bundled as
 * dist/compute-worker.js (scripts/build.mjs); ./pool.ts loads it.
 */
import { cachedDataSource } from '../../io/sweep/cached-data.js';
import { type CachedRun, cachedRun, type RunTask } from './cached-run.js';
import { type HeadroomTask, headroomBody } from './headroom-body.js';

export type ComputeTask = RunTask | HeadroomTask;

export default function compute(task: ComputeTask): CachedRun | Record<string, unknown> {
  if (task.kind === 'run') return cachedRun(task, cachedDataSource());
  return headroomBody(task);
}
