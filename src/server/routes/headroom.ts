/**
 * GET /api/headroom?region=ERCOT[&curtailment=0.25,0.5,1,5][&clock=local|utc]: how much new flexible
 * load a balancing authority can absorb at each curtailment limit (src/analysis/headroom.ts; the same
 * analysis and result fields as `gigawatt headroom --json`, over every complete year of data).
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { screenDemand } from '../../analysis/demand-cleaning.js';
import {
  analyseHeadroom,
  DEFAULT_CURTAILMENT_LIMITS_PCT,
  SEASON_UTC_OFFSET_HOURS,
} from '../../analysis/headroom.js';
import { REGIONS } from '../../catalog/regions.js';
import { completeYears } from '../../engine/replay.js';
import { loadRegionHourly } from '../../io/grid.js';
import { dataDir } from '../../io/paths.js';
import { ApiError } from '../errors.js';
import { parseWith } from '../validate-request.js';

export const headroomQuerySchema = z.strictObject({
  region: z.string().min(1).describe('Region id (GET /api/catalog/regions) or its EIA code.'),
  curtailment: z
    .string()
    .regex(/^\s*\d+(\.\d+)?%?(\s*,\s*\d+(\.\d+)?%?)*\s*$/, 'comma-separated percentages, e.g. 0.25,0.5,1,5')
    .optional()
    .describe('Curtailment limits in percent of the new load’s energy (default 0.25,0.5,1,5).'),
  clock: z.enum(['local', 'utc']).default('local').describe('Clock of the seasons.'),
});

export function headroomRoutes(app: Hono): void {
  const cache = new Map<string, unknown>();
  app.get('/api/headroom', (c) => {
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
    const key = `${region.id}|${limitsPct.join(',')}|${q.clock}`;
    let body = cache.get(key);
    if (body === undefined) {
      const demand = loadRegionHourly(region.id, dataDir()).demandMW;
      const years = completeYears(demand);
      const screened = screenDemand(demand, { years });
      const offset = q.clock === 'utc' ? 0 : (SEASON_UTC_OFFSET_HOURS[region.id] ?? 0);
      const analysis = analyseHeadroom({
        timeMs: screened.timeMs,
        demandMW: screened.demandMW,
        utcOffsetHours: offset,
        limitsPct,
      });
      body = {
        region: region.id,
        years,
        seasonClock: offset === 0 ? 'UTC' : `UTC${offset < 0 ? '-' : '+'}${Math.abs(offset)}`,
        hoursAnalysed: screened.timeMs.length,
        results: analysis.results,
      };
      cache.set(key, body);
    }
    return c.json(body as Record<string, unknown>);
  });
}
