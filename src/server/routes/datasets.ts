/**
 * GET /api/datasets and GET /api/datasets/:kind/:id: the hourly data a browser engine needs, one
 * endpoint per `DataSource` method (weather, regionCarbon, price, and any method added later), so
 * the dashboard's web worker runs exactly the engine the CLI runs on exactly the same numbers.
 * Default encoding: typed JSON (Float64Arrays as base64 little-endian bytes, exact; see
 * src/io/typed-json.ts). `?format=json` gives plain number arrays instead. `?replay=latest|YEAR`
 * trims every historical hourly series to what the engine replays under that policy
 * (src/engine/replay-window.ts: one year instead of six, same replayed values); `cycle` or no
 * `replay` gives the whole series.
 */
import type { Hono } from 'hono';
import { PRICE_SERIES, REGIONS } from '../../catalog/regions.js';
import { WEATHER_STATIONS } from '../../catalog/weather-stations.js';
import type { ReplayPolicy } from '../../engine/replay.js';
import { parseReplayPolicy, replayWindow } from '../../engine/replay-window.js';
import type { HourlySeries } from '../../engine/series.js';
import { encodeTyped } from '../../io/typed-json.js';
import type { DataSource } from '../../model/resolve.js';
import { ApiError } from '../errors.js';

/** Known ids per DataSource method (for the listing and for 404s before touching the loaders). */
export const DATASET_IDS: Readonly<Record<string, readonly string[]>> = {
  weather: WEATHER_STATIONS.map((w) => w.id),
  regionCarbon: REGIONS.map((r) => r.id),
  price: PRICE_SERIES.map((p) => p.id),
};

function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as Float64Array);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const isSeries = (x: unknown): x is HourlySeries =>
  x !== null &&
  typeof x === 'object' &&
  typeof (x as HourlySeries).startMs === 'number' &&
  (x as HourlySeries).values instanceof Float64Array;

/** The dataset with each historical hourly series (top level or one level down) trimmed for `policy`. */
function trimmed(value: unknown, policy: ReplayPolicy): unknown {
  if (isSeries(value)) return replayWindow(value, policy);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, isSeries(v) ? replayWindow(v, policy) : v]),
  );
}

export function datasetRoutes(app: Hono, data: DataSource): void {
  const kinds = () =>
    Object.keys(data).filter((k) => typeof (data as unknown as Record<string, unknown>)[k] === 'function');
  const cache = new Map<string, string>();

  app.get('/api/datasets', (c) =>
    c.json(Object.fromEntries(kinds().map((k) => [k, DATASET_IDS[k] ?? null])) as Record<string, unknown>),
  );
  app.get('/api/datasets/:kind/:id', (c) => {
    const kind = c.req.param('kind');
    const id = c.req.param('id');
    const format = c.req.query('format') ?? 'typed';
    if (format !== 'typed' && format !== 'json') {
      throw new ApiError(400, `format must be one of: typed, json (got "${format}")`);
    }
    const replayText = c.req.query('replay');
    const policy = replayText === undefined ? undefined : parseReplayPolicy(replayText);
    if (replayText !== undefined && policy === undefined) {
      throw new ApiError(400, `replay must be latest, cycle or a year such as 2024 (got "${replayText}")`);
    }
    if (!kinds().includes(kind))
      throw new ApiError(404, `unknown dataset kind '${kind}'`, { kinds: kinds() });
    const known = DATASET_IDS[kind];
    if (known && !known.includes(id)) {
      throw new ApiError(404, `unknown ${kind} id '${id}'`, { ids: known });
    }
    const key = `${kind}/${id}/${format}/${replayText ?? ''}`;
    let body = cache.get(key);
    if (body === undefined) {
      let value: unknown;
      try {
        value = (data as unknown as Record<string, (id: string) => unknown>)[kind]?.(id);
      } catch (err) {
        throw new ApiError(404, `no ${kind} data for '${id}': ${(err as Error).message}`);
      }
      if (policy !== undefined) value = trimmed(value, policy);
      body = JSON.stringify(format === 'json' ? plain(value) : encodeTyped(value));
      cache.set(key, body);
    }
    c.header('Content-Type', 'application/json');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(body);
  });
}
