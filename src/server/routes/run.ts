/**
 * POST /api/run → the `gigawatt run --json` summary; GET/POST /api/run/hourly → one site's hourly
 * columns as JSON or CSV, optionally downsampled to blocks of N hours.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { type Aggregation, downsample } from '../../analysis/downsample.js';
import { HOUR_MS } from '../../engine/series.js';
import { HOURLY_COLUMNS, type SiteHourly } from '../../engine/site-hourly.js';
import { ApiError } from '../errors.js';
import { builtinScenario, type RunCache, scenarioFromRequest } from '../scenario-input.js';
import { hourlyPostSchema, hourlyQuerySchema, runRequestSchema } from '../schemas.js';
import { parseBody, parseWith } from '../validate-request.js';

type HourlyRequest = z.output<typeof hourlyPostSchema>;

const UNITS = new Map<string, string>(HOURLY_COLUMNS.map(([n, u]) => [n, u]));

async function hourlyTable(c: Context, req: HourlyRequest, cache: RunCache) {
  const input =
    req.scenario === undefined && req.yaml === undefined
      ? builtinScenario('anthropic-fluidstack')
      : scenarioFromRequest(req);
  const result = await cache.run(input);
  const ids = result.sites.map((s) => s.siteId);
  let site = result.sites[0];
  if (req.site !== undefined) site = result.sites.find((s) => s.siteId === req.site);
  else if (ids.length > 1) {
    throw new ApiError(400, `site is required: this scenario has ${ids.length} sites (${ids.join(', ')})`, {
      sites: ids,
    });
  }
  if (!site) throw new ApiError(404, `unknown site '${req.site}'`, { sites: ids });

  const metrics = req.metric ? req.metric.split(',').map((m) => m.trim()) : [...UNITS.keys()];
  const bad = metrics.filter((m) => !UNITS.has(m));
  if (bad.length > 0) {
    throw new ApiError(400, `unknown metric(s) ${bad.map((m) => `'${m}'`).join(', ')}`, {
      metrics: [...UNITS.keys()],
    });
  }
  const hourly = site;
  const columns = metrics.map((name) => ({
    name,
    unit: UNITS.get(name) as string,
    values: downsample(hourly[name as keyof SiteHourly] as Float64Array, req.every, req.agg as Aggregation),
  }));
  const rows = Math.ceil(hourly.hours / req.every);

  if (req.format === 'csv') {
    const lines = [['time_utc', ...columns.map((col) => `${col.name} (${col.unit})`)].join(',')];
    for (let r = 0; r < rows; r++) {
      const t = new Date(hourly.startMs + r * req.every * HOUR_MS).toISOString().replace('.000Z', 'Z');
      lines.push([t, ...columns.map((col) => String(col.values[r]))].join(','));
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${result.scenario}-${hourly.siteId}.csv"`);
    return c.body(`${lines.join('\n')}\n`);
  }
  return c.json({
    scenario: result.scenario,
    site: hourly.siteId,
    startUtc: new Date(hourly.startMs).toISOString(),
    startMs: hourly.startMs,
    stepHours: req.every,
    aggregation: req.agg,
    rows,
    columns: columns.map((col) => ({ name: col.name, unit: col.unit, values: Array.from(col.values) })),
  });
}

export function runRoutes(app: Hono, cache: RunCache): void {
  app.post('/api/run', async (c) => {
    const req = parseWith(runRequestSchema, await parseBody(c), 'request body');
    // The summary serialised once per cached run: a repeated request (the dashboard's first view
    // of a built-in) costs no engine run and no re-serialisation.
    return c.body(await cache.summaryJson(scenarioFromRequest(req)), 200, {
      'Content-Type': 'application/json; charset=UTF-8',
    });
  });
  app.get('/api/run/hourly', async (c) =>
    hourlyTable(c, parseWith(hourlyQuerySchema, c.req.query(), 'query'), cache),
  );
  app.post('/api/run/hourly', async (c) =>
    hourlyTable(c, parseWith(hourlyPostSchema, await parseBody(c), 'request body'), cache),
  );
}
