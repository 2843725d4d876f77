/**
 * GET /api/headroom?region=ERCOT[&years=2016-2024][&curtailment=0.25,0.5,1,5][&clock=local|utc]: how
 * much new flexible load a balancing authority can absorb at each curtailment limit
 * (src/analysis/headroom.ts). Any BA with bundled EIA-930 demand (the 12 catalog regions and the
 * demand-only BAs), or `all`; the answer is exactly `gigawatt headroom --region X --json`
 * (./compute/headroom-body.ts).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { DEFAULT_CURTAILMENT_LIMITS_PCT } from '../../analysis/headroom.js';
import { DEMAND_HISTORIES, findDemandHistory } from '../../catalog/regions.js';
import { headroomBody } from '../compute/headroom-body.js';
import type { ComputePool } from '../compute/pool.js';
import { ApiError } from '../errors.js';
import { parseWith } from '../validate-request.js';

/** Most curtailment limits in one request. */
const MAX_LIMITS = 20;

export const headroomQuerySchema = z.strictObject({
  region: z
    .string()
    .min(1)
    .describe(
      'Region id (GET /api/catalog/regions) or EIA code of a BA with bundled demand, or `all` (every bundled BA and their sum).',
    ),
  years: z
    .string()
    .regex(
      /^\s*\d{4}(\s*[-–]\s*\d{4})?(\s*,\s*\d{4}(\s*[-–]\s*\d{4})?)*\s*$/,
      'years, e.g. 2019-2024 or 2019,2021',
    )
    .optional()
    .describe('UTC years of demand (default: 2016–2024 where complete, the window of Norris et al. 2025).'),
  curtailment: z
    .string()
    .regex(/^\s*\d+(\.\d+)?%?(\s*,\s*\d+(\.\d+)?%?)*\s*$/, 'comma-separated percentages, e.g. 0.25,0.5,1,5')
    .optional()
    .describe('Curtailment limits in percent of the new load’s energy (default 0.25,0.5,1,5).'),
  clock: z.enum(['local', 'utc']).default('local').describe('Clock of the seasons.'),
});

/** Analyses kept (BA × years × limits × clock); the least recently used go first. */
const CACHE_ENTRIES = 64;

export function headroomRoutes(app: Hono, compute?: ComputePool): void {
  const cache = new Map<string, string>();
  app.get('/api/headroom', async (c) => {
    const q = parseWith(headroomQuerySchema, c.req.query(), 'query');
    const history = findDemandHistory(q.region);
    const all = q.region.toLowerCase() === 'all';
    if (!history && !all) {
      throw new ApiError(404, `unknown balancing authority '${q.region}'`, {
        allowed: ['all', ...DEMAND_HISTORIES.map((h) => h.regionId ?? h.eiaBaCode)],
      });
    }
    const region = history ? (history.regionId ?? history.eiaBaCode) : 'all';
    const limitsPct = q.curtailment
      ? q.curtailment.split(',').map((s) => Number(s.trim().replace(/%$/, '')))
      : [...DEFAULT_CURTAILMENT_LIMITS_PCT];
    const bad = limitsPct.filter((x) => !(x > 0 && x < 100));
    if (bad.length > 0)
      throw new ApiError(400, `curtailment: each limit must be in (0, 100) % (got ${bad.join(', ')})`);
    if (limitsPct.length > MAX_LIMITS)
      throw new ApiError(400, `curtailment: at most ${MAX_LIMITS} limits (got ${limitsPct.length})`);
    const years = q.years?.replace(/\s+/g, '');
    const key = `${region}|${years ?? ''}|${limitsPct.join(',')}|${q.clock}`;
    let body = cache.get(key);
    if (body === undefined) {
      const task = {
        kind: 'headroom',
        region,
        limitsPct,
        clock: q.clock,
        ...(years === undefined ? {} : { years }),
      } as const;
      const outcome = compute ? await compute.run(task) : headroomBody(task);
      if ('badInput' in outcome) throw new ApiError(400, outcome.badInput);
      body = outcome.json;
      if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    } else cache.delete(key);
    cache.set(key, body);
    return c.body(body, 200, { 'content-type': 'application/json' });
  });
}
