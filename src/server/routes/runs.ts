/**
 * GET /api/runs and GET /api/runs/:id: the runs and sweeps saved in the results store (the DuckDB
 * file `gigawatt run`/`gigawatt sweep` write; src/io/store/run-store.ts), as `gigawatt runs --json`
 * and `gigawatt show RUN --json` print them.
 *
 * DuckDB allows one read-write process per file, and the CLI may be writing a sweep while the server
 * runs: the store is opened per request and closed before the response, never held between requests.
 * RunStore.open waits up to ~5 s for another process's lock; after that the answer is 503.
 */
import { existsSync } from 'node:fs';
import type { Hono } from 'hono';
import { z } from 'zod';
import { RunStore } from '../../io/store/run-store.js';
import { ApiError } from '../errors.js';
import { parseWith } from '../validate-request.js';

/** Where the server's runs live: a DuckDB file path, or undefined when the store is disabled. */
export type StoreLocation = string | undefined;

const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(10_000).default(50).describe('Most recent N runs.'),
});

const idParam = z.coerce
  .number()
  .int('must be an integer run id (GET /api/runs)')
  .min(1, 'run ids start at 1 (GET /api/runs)');

/** Opens the store for one request; 501 when disabled, 503 when it cannot be opened. */
export async function withRunStore<T>(
  path: StoreLocation,
  missing: () => T,
  f: (store: RunStore) => Promise<T>,
): Promise<T> {
  if (path === undefined)
    throw new ApiError(501, 'no results store: the server was started with --store none', {
      hint: 'start it with `gigawatt serve --store PATH` (default $GIGAWATT_STORE or ~/.gigawatt/runs.duckdb)',
    });
  // Do not create an empty database just to list it.
  if (!existsSync(path)) return missing();
  let store: RunStore;
  try {
    store = await RunStore.open(path);
  } catch (err) {
    // Neither the store's path nor DuckDB's message leaves the server (GIGAWATT_DEBUG logs them).
    if (process.env.GIGAWATT_DEBUG) console.error(err);
    throw new ApiError(
      503,
      'the results store cannot be opened now (busy or not a results store); try again',
      undefined,
      5,
    );
  }
  try {
    return await f(store);
  } finally {
    store.close();
  }
}

export function runsRoutes(app: Hono, store: StoreLocation): void {
  app.get('/api/runs', async (c) => {
    const q = parseWith(listQuery, c.req.query(), 'query');
    const rows = await withRunStore(
      store,
      () => [],
      (s) => s.listRuns(q.limit),
    );
    return c.json(rows);
  });
  app.get('/api/runs/:id', async (c) => {
    const id = parseWith(idParam, c.req.param('id'), 'run id');
    const unknown = () => new ApiError(404, `no run ${id} in the results store`, { list: '/api/runs' });
    const run = await withRunStore(
      store,
      () => {
        throw unknown();
      },
      async (s) => {
        const r = await s.getRun(id);
        return r === undefined ? undefined : { ...r, metrics: await s.metrics(id) };
      },
    );
    if (run === undefined) throw unknown();
    return c.json(run);
  });
}
