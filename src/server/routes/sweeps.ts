/**
 * POST /api/sweeps → 202 {id}: a Monte Carlo sweep (as `gigawatt sweep`) queued as a background job
 * (../sweep-jobs.ts). GET /api/sweeps/:id → its status, progress and, when done, the report.
 * GET /api/sweeps/:id/events → server-sent events: `progress` {done, total}, then `result` (the
 * `gigawatt sweep --json` report) or `error` {error}; the stream ends after either.
 */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { planSweep, type SweepPlan } from '../../analysis/sweep/plan.js';
import { OUTPUT_METRICS } from '../../analysis/sweep/sample.js';
import { DistributionError } from '../../model/uncertainty.js';
import { ApiError } from '../errors.js';
import { scenarioFromRequest } from '../scenario-input.js';
import { MAX_SERVER_SWEEP_JOBS, sweepRequestSchema } from '../schemas.js';
import type { SweepEvent, SweepJobState, SweepJobs } from '../sweep-jobs.js';
import { parseBody, parseWith } from '../validate-request.js';

function planFromRequest(body: unknown): { plan: SweepPlan; raw: unknown; output: string } {
  const req = parseWith(sweepRequestSchema, body, 'request body');
  if (!OUTPUT_METRICS.includes(req.output))
    throw new ApiError(400, `output '${req.output}' is not an output metric`, { outputs: OUTPUT_METRICS });
  const input = scenarioFromRequest(req);
  const uncertainty = { ...(input.scenario.uncertainty ?? {}), ...(req.vary ?? {}) };
  let plan: SweepPlan;
  try {
    plan = planSweep({ ...input.scenario, uncertainty } as typeof input.scenario, input.raw, {
      samples: req.samples,
      seed: req.seed,
      method: req.method,
      grid: Object.entries(req.grid ?? {}).map(([path, values]) => `${path}=${values.join(',')}`),
    });
  } catch (err) {
    if (err instanceof DistributionError || err instanceof Error)
      throw new ApiError(400, `invalid sweep: ${err.message}`);
    throw err;
  }
  if (plan.jobs > MAX_SERVER_SWEEP_JOBS)
    throw new ApiError(
      400,
      `this sweep has ${plan.jobs} samples (${plan.points.length} grid points × ${plan.samples}); the server runs at most ${MAX_SERVER_SWEEP_JOBS} (run \`gigawatt sweep\` for more)`,
    );
  return { plan, raw: input.raw, output: req.output };
}

function stateJson(job: SweepJobState) {
  return {
    id: job.id,
    scenario: job.scenario,
    status: job.status,
    done: job.done,
    total: job.total,
    createdAt: job.createdAt,
    ...(job.runId !== undefined ? { runId: job.runId } : {}),
    ...(job.error !== undefined ? { error: job.error } : {}),
    ...(job.report !== undefined ? { report: job.report } : {}),
  };
}

export function sweepRoutes(app: Hono, jobs: SweepJobs): void {
  const find = (id: string) => {
    const job = jobs.get(id);
    if (!job) throw new ApiError(404, `no sweep '${id}' (finished sweeps are kept in memory for a while)`);
    return job;
  };

  app.post('/api/sweeps', async (c) => {
    const { plan, raw, output } = planFromRequest(await parseBody(c));
    const job = jobs.submit(plan, raw, output);
    c.header('Location', `/api/sweeps/${job.id}`);
    return c.json({ id: job.id, total: job.total, events: `/api/sweeps/${job.id}/events` }, 202);
  });

  app.get('/api/sweeps/:id', (c) => c.json(stateJson(find(c.req.param('id')))));

  app.get('/api/sweeps/:id/events', (c) => {
    const job = find(c.req.param('id'));
    return streamSSE(c, async (stream) => {
      const send = (e: SweepEvent) => {
        if (e.type === 'progress')
          return stream.writeSSE({
            event: 'progress',
            data: JSON.stringify({ done: e.done, total: e.total }),
          });
        if (e.type === 'result') return stream.writeSSE({ event: 'result', data: JSON.stringify(e.report) });
        return stream.writeSSE({ event: 'error', data: JSON.stringify({ error: e.error }) });
      };
      // Subscribe before reading the state, so no event falls between the two.
      const queue: SweepEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = jobs.subscribe(job.id, (e) => {
        queue.push(e);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      try {
        await send({ type: 'progress', done: job.done, total: job.total });
        if (job.status === 'done' && job.report)
          return void (await send({ type: 'result', report: job.report }));
        if (job.status === 'error') return void (await send({ type: 'error', error: job.error ?? 'failed' }));
        while (!stream.aborted) {
          const e = queue.shift();
          if (e === undefined) {
            await new Promise<void>((r) => {
              wake = r;
            });
            continue;
          }
          await send(e);
          if (e.type !== 'progress') return;
        }
      } finally {
        unsubscribe();
      }
    });
  });
}
