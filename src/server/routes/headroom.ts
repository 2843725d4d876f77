/**
 * GET /api/headroom?region=ERCOT[&curtailment=0.25,0.5,1,5][&clock=local|utc]: how much new flexible
 * load a balancing authority can absorb at each curtailment limit (src/analysis/headroom.ts; the same
 * analysis and result fields as `gigawatt headroom --json`, over every complete year of data).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { DEFAULT_CURTAILMENT_LIMITS_PCT } from '../../analysis/headroom.js';
import { REGIONS } from '../../catalog/regions.js';
import { headroomBody } from '../compute/headroom-body.js';
import type { ComputePool } from '../compute/pool.js';
import { ApiError } from '../errors.js';
import { parseWith } from '../validate-request.js';

/** Most curtailment limits in one request. */
const MAX_LIMITS = 20;

export const headroomQuerySchema = z.strictObject({
  region: z.string().min(1).describe('Region id (GET /api/catalog/regions) or its EIA code.'),
  curtailment: z
    .string()
    .regex(/^\s*\d+(\.\d+)?%?(\s*,\s*\d+(\.\d+)?%?)*\s*$/, 'comma-separated percentages, e.g. 0.25,0.5,1,5')
    .optional()
    .describe('Curtailment limits in percent of the new load’s energy (default 0.25,0.5,1,5).'),
  clock: z.enum(['local', 'utc']).default('local').describe('Clock of the seasons.'),
});

/** Analyses kept (region × limits × clock); the least recently used go first. */
const CACHE_ENTRIES = 64;

export function headroomRoutes(app: Hono, compute?: ComputePool): void {
  const cache = new Map<string, Record<string, unknown>>();
  app.get('/api/headroom', async (c) => {
    const q = parseWith(headroomQuerySchema, c.req.query(), 'query');
    const region = REGIONS.find((r) => r.id === q.region || r.eiaBaCode === q.region);
    if (!region) {
      throw new ApiError(404, `unknown region '${q.region}'`, { regions: REGIONS.map((r) => r.id) });
    }
    const limitsPct = q.curtailment
      ? q.curtailment.split(',').map((s) => Number(s.trim().replace(/%$/, '')))
      : [...DEFAULT_CURTAILMENT_LIMITS_PCT];
    const bad = limitsPct.filter((x) => !(x > 0 && x < 100));
    if (bad.length > 0)
      throw new ApiError(400, `curtailment: each limit must be in (0, 100) % (got ${bad.join(', ')})`);
    if (limitsPct.length > MAX_LIMITS)
      throw new ApiError(400, `curtailment: at most ${MAX_LIMITS} limits (got ${limitsPct.length})`);
    const key = `${region.id}|${limitsPct.join(',')}|${q.clock}`;
    let body = cache.get(key);
    if (body === undefined) {
      const task = { kind: 'headroom', region: region.id, limitsPct, clock: q.clock } as const;
      body = compute ? await compute.run(task) : headroomBody(task);
      if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    } else cache.delete(key);
    cache.set(key, body);
    return c.json(body);
  });
}
