/** GET /api/catalog/:kind: what the catalogs hold, every value with its source (as `gigawatt list --json`). */
import type { Hono } from 'hono';
import { ACCELERATORS } from '../../catalog/accelerators.js';
import { COOLING_SYSTEMS } from '../../catalog/cooling.js';
import { PRICE_SERIES, REGIONS } from '../../catalog/regions.js';
import { WEATHER_STATIONS } from '../../catalog/weather-stations.js';
import { ApiError } from '../errors.js';

export const CATALOGS: Readonly<Record<string, unknown>> = {
  accelerators: ACCELERATORS,
  cooling: COOLING_SYSTEMS,
  regions: REGIONS,
  weather: WEATHER_STATIONS,
  prices: PRICE_SERIES,
};

export function catalogRoutes(app: Hono): void {
  app.get('/api/catalog', (c) => c.json(Object.keys(CATALOGS)));
  app.get('/api/catalog/:kind', (c) => {
    const kind = c.req.param('kind');
    if (!Object.hasOwn(CATALOGS, kind)) {
      throw new ApiError(404, `unknown catalog '${kind}'`, { catalogs: Object.keys(CATALOGS) });
    }
    return c.json(CATALOGS[kind]);
  });
}
