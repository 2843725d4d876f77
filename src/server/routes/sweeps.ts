/**
 * POST /api/sweeps → 202 {id}: a Monte Carlo sweep (as `gigawatt sweep`) queued as a background job
 * (../sweep-jobs.ts); 400 over the samples limit, 429 (Retry-After) over the queued + running
 * sweeps in total or per client. GET /api/sweeps/:id → its status, progress and, when done, the
 * report. DELETE /api/sweeps/:id cancels it. GET /api/sweeps/:id/events → server-sent events:
 * `progress` {done, total}, then `result` (the `gigawatt sweep --json` report), `error` {error} or
 * `cancelled`; the stream ends after any of these, and its subscription ends when the client goes.
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { planSweep, type SweepPlan } from '../../analysis/sweep/plan.js';
import { OUTPUT_METRICS } from '../../analysis/sweep/sample.js';
import { DistributionError } from '../../model/uncertainty.js';
import { clientAddress } from '../client-address.js';
import { ApiError, publicMessage } from '../errors.js';
import { scenarioFromRequest } from '../scenario-input.js';
import { sweepRequestSchema } from '../schemas.js';
import type { SweepEvent, SweepJobState, SweepJobs } from '../sweep-jobs.js';
import { parseBody, parseWith } from '../validate-request.js';

const tooMany = (jobs: number, detail: string, max: number) =>
  new ApiError(
    400,
    `this sweep has ${jobs} samples (${detail}); the server runs at most ${max} samples per sweep (run \`gigawatt sweep\` for more)`,
    { samples: jobs, limit: max },
  );

function planFromRequest(
  body: unknown,
  maxSamples: number,
): { plan: SweepPlan; raw: unknown; output: string } {
  const req = parseWith(sweepRequestSchema, body, 'request body');
  if (!OUTPUT_METRICS.includes(req.output))
    throw new ApiError(400, `output '${req.output}' is not an output metric`, { outputs: OUTPUT_METRICS });
  // Checked before planning: a plan allocates its samples.
  const axes = Object.values(req.grid ?? {}).map((v) => v.length);
  const points = axes.reduce((a, b) => a * b, 1);
  if (req.samples * points > maxSamples)
    throw tooMany(
      req.samples * points,
      `${points} grid point${points === 1 ? '' : 's'} × ${req.samples}`,
      maxSamples,
    );
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
    // Whatever planning throws is about this request (a path, a distribution, a value): a 400
    // with its message, never a 500 (and never a write to a prototype: ../security.ts).
    if (process.env.GIGAWATT_DEBUG) console.error(err);
    throw new ApiError(
      400,
      `invalid sweep: ${publicMessage(err, err instanceof DistributionError ? 'bad distribution' : 'the sweep cannot be planned')}`,
      { paths: [...Object.keys(req.vary ?? {}), ...Object.keys(req.grid ?? {})] },
    );
  }
  if (plan.jobs > maxSamples)
    throw tooMany(plan.jobs, `${plan.points.length} grid points × ${plan.samples}`, maxSamples);
  return { plan, raw: input.raw, output: req.output };
}

/** Seconds a client refused for too many sweeps should wait before asking again. */
const RETRY_AFTER_S = 30;

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

/**
 * Who is asking: a hash of the bearer token when one is sent, else the client's address: the
 * socket's, or behind `trustProxyHops` proxies of the server's own the one they forwarded
 * (X-Forwarded-For, ../client-address.ts).
 */
export function clientOf(c: Context, trustProxyHops = 0): string {
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ') && auth.length > 7)
    return `token:${createHash('sha256').update(auth.slice(7)).digest('hex').slice(0, 16)}`;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const socket = env?.incoming?.socket?.remoteAddress;
  const forwarded = trustProxyHops > 0 ? c.req.header('x-forwarded-for') : undefined;
  return `addr:${clientAddress(socket, forwarded, trustProxyHops)}`;
}

export interface SweepRouteOptions {
  /** Most samples (grid points × samples) in one sweep. */
  readonly maxSamples: number;
  /** Reverse proxies of the server's own in front of it, whose X-Forwarded-For is trusted (default 0: none). */
  readonly trustProxyHops?: number;
}

export function sweepRoutes(app: Hono, jobs: SweepJobs, options: SweepRouteOptions): void {
  const find = (id: string) => {
    const job = jobs.get(id);
    if (!job) throw new ApiError(404, `no sweep '${id}' (finished sweeps are kept in memory for a while)`);
    return job;
  };

  app.post('/api/sweeps', async (c) => {
    const client = clientOf(c, options.trustProxyHops ?? 0);
    const body = await parseBody(c);
    const refused = jobs.admit(client);
    if (refused)
      throw new ApiError(
        429,
        `${refused.reason} (${refused.active} of ${refused.limit}); wait for one to finish or cancel one (DELETE /api/sweeps/ID)`,
        { active: refused.active, limit: refused.limit },
        RETRY_AFTER_S,
      );
    const { plan, raw, output } = planFromRequest(body, options.maxSamples);
    const job = jobs.submit(plan, raw, output, client);
    c.header('Location', `/api/sweeps/${job.id}`);
    return c.json({ id: job.id, total: job.total, events: `/api/sweeps/${job.id}/events` }, 202);
  });

  app.get('/api/sweeps/:id', (c) => c.json(stateJson(find(c.req.param('id')))));
  app.delete('/api/sweeps/:id', (c) => {
    const job = jobs.cancel(find(c.req.param('id')).id) as SweepJobState;
    return c.json(stateJson(job));
  });

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
        if (e.type === 'cancelled') return stream.writeSSE({ event: 'cancelled', data: '{}' });
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
        if (job.status === 'cancelled') return void (await send({ type: 'cancelled' }));
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
