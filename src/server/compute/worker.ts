/**
 * The server's compute worker: uncached runs (POST /api/run, /api/run/hourly), headroom analyses
 * (GET /api/headroom) and build-out reports (GET /api/buildout) run here, on a piscina thread, so the
 * event loop keeps answering. Bundled as dist/compute-worker.js (scripts/build.mjs); ./pool.ts loads it.
 */
import { cachedDataSource } from '../../io/sweep/cached-data.js';
import { type BuildoutOutcome, type BuildoutTask, buildoutBody } from './buildout-body.js';
import { type CachedRun, cachedRun, type RunTask } from './cached-run.js';
import { type HeadroomOutcome, type HeadroomTask, headroomBody } from './headroom-body.js';

export type ComputeTask = RunTask | HeadroomTask | BuildoutTask;

export default function compute(task: ComputeTask): CachedRun | HeadroomOutcome | BuildoutOutcome {
  if (task.kind === 'run') return cachedRun(task, cachedDataSource());
  if (task.kind === 'buildout') return buildoutBody(task);
  return headroomBody(task);
}
