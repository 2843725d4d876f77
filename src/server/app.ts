/**
 * The HTTP API and the web app as one hono app. `createApp()` builds it without a socket, so tests
 * call `app.request()`; ./serve.ts puts it on a port. Every failure is JSON `{error, details}`
 * (./errors.ts) and no request can stop the server: handlers throw, `onError` answers.
 */
import { timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { fileDataSource } from '../io/data-source.js';
import { packageRoot, packageVersion } from '../io/paths.js';
import { storePath } from '../io/store/store-path.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';
import type { DataSource } from '../model/resolve.js';
import { scenarioJsonSchema } from '../model/scenario.js';
import { checkTrustProxyHops } from './client-address.js';
import type { ComputePool } from './compute/pool.js';
import { ApiError, errorJson } from './errors.js';
import { openApiDocument } from './openapi.js';
import { buildoutRoutes } from './routes/buildout.js';
import { catalogRoutes } from './routes/catalog.js';
import { datasetRoutes } from './routes/datasets.js';
import { faviconRoute } from './routes/favicon.js';
import { headroomRoutes } from './routes/headroom.js';
import { runRoutes } from './routes/run.js';
import { runsRoutes } from './routes/runs.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { staticRoutes } from './routes/static.js';
import { sweepRoutes } from './routes/sweeps.js';
import { RunCache } from './scenario-input.js';
import { MAX_SERVER_SWEEP_JOBS } from './schemas.js';
import { securityHeaders } from './security.js';
import { SweepJobs } from './sweep-jobs.js';

export interface AppOptions {
  /** Bearer token required by POST and DELETE endpoints; none when undefined or empty. */
  readonly token?: string | undefined;
  /** Largest accepted request body, bytes (default `limits.maxInputBytes`). */
  readonly maxBodyBytes?: number;
  /** Request limits (src/model/limits.ts; default DEFAULT_LIMITS): sweeps in total and per client. */
  readonly limits?: Limits;
  /** Most samples in one sweep (default MAX_SERVER_SWEEP_JOBS). */
  readonly maxSweepSamples?: number;
  /**
   * The worker pool for uncached runs and headroom analyses (./compute/pool.ts); without one they
   * run on the calling thread (tests). `gigawatt serve` always has one.
   */
  readonly compute?: ComputePool;
  /** The background sweeps (default a new SweepJobs); ./serve.ts keeps it to cancel on shutdown. */
  readonly sweeps?: SweepJobs;
  /** Folder of the built web app (default web/dist in the package). */
  readonly webRoot?: string;
  readonly data?: DataSource;
  /**
   * The results store (GET /api/runs, saved sweeps): a DuckDB file path; `false` or 'none' for no
   * store; default as the CLI's ($GIGAWATT_STORE or ~/.gigawatt/runs.duckdb).
   */
  readonly store?: string | false | undefined;
  /** Worker threads per background sweep (default 2). */
  readonly sweepWorkers?: number;
  /** The cache of runs behind /api/run (default a new one on `data`, on `compute` when given). */
  readonly runs?: RunCache;
  /**
   * Reverse proxies of your own in front of the server (`gigawatt serve --trust-proxy`): with N ≥ 1
   * the per-client sweep cap takes the client's address from X-Forwarded-For, N entries from the
   * right (./client-address.ts); 0 (default): the socket's address, the header ignored. An integer
   * from 0 to 10, else createApp throws a RangeError naming `trustProxy`.
   */
  readonly trustProxy?: number;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createApp(options: AppOptions = {}): Hono {
  const trustProxyHops = checkTrustProxyHops(options.trustProxy ?? 0);
  const app = new Hono();
  const data = options.data ?? fileDataSource();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const maxBytes = options.maxBodyBytes ?? limits.maxInputBytes;
  const version = packageVersion();

  app.onError((err, c) => {
    if (err instanceof ApiError)
      return errorJson(c, err.status, err.message, err.details, err.retryAfterSeconds);
    // A bug: the cause goes to the server's log only (it may name files or carry a stack).
    if (process.env.GIGAWATT_DEBUG) console.error(err);
    else
      console.error(
        `gigawatt serve: internal error on ${c.req.method} ${c.req.path}: ${(err as Error)?.name}`,
      );
    return errorJson(c, 500, 'internal error', {
      hint: 'this is a bug; GIGAWATT_DEBUG=1 logs the cause on the server',
    });
  });
  app.notFound((c) => errorJson(c, 404, `no such endpoint: ${c.req.method} ${c.req.path}`));

  app.use('*', securityHeaders);
  app.use('/api/*', compress());
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const token = options.token;
    if (token) {
      const header = c.req.header('authorization') ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7) : '';
      if (!sameToken(given, token)) {
        return errorJson(c, 401, header === '' ? 'missing bearer token' : 'wrong bearer token', {
          hint: 'send Authorization: Bearer <token> (the server was started with --token or GIGAWATT_TOKEN)',
        });
      }
    }
    return next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) =>
        errorJson(c, 413, `request body over the limit of ${maxBytes} bytes`, {
          limit: maxBytes,
          hint: 'GIGAWATT_MAX_INPUT_BYTES or `gigawatt serve --max-body` raises it',
        }),
    }),
  );

  app.get('/api/health', (c) => c.json({ ok: true, version }));
  const maxSweepSamples = options.maxSweepSamples ?? MAX_SERVER_SWEEP_JOBS;
  const doc = openApiDocument(version, {
    maxBodyBytes: maxBytes,
    maxSweepSamples,
    maxSweepsTotal: limits.maxSweepsTotal,
    maxSweepsPerClient: limits.maxSweepsPerClient,
    trustProxyHops,
  });
  app.get('/api/openapi.json', (c) => c.json(doc));
  app.get('/api/schema/scenario', (c) => c.json(scenarioJsonSchema()));
  scenarioRoutes(app);
  catalogRoutes(app);
  datasetRoutes(app, data);
  const compute = options.compute;
  const runs =
    options.runs ??
    new RunCache(data, undefined, compute ? (input) => compute.run({ kind: 'run', ...input }) : undefined);
  runRoutes(app, runs);
  headroomRoutes(app, compute);
  buildoutRoutes(app, compute);
  const store = storePath(options.store);
  runsRoutes(app, store);
  const sweeps =
    options.sweeps ??
    new SweepJobs({
      store,
      maxActive: limits.maxSweepsTotal,
      maxActivePerClient: limits.maxSweepsPerClient,
      ...(options.sweepWorkers ? { workers: options.sweepWorkers } : {}),
    });
  sweepRoutes(app, sweeps, { maxSamples: maxSweepSamples, trustProxyHops });
  faviconRoute(app);
  staticRoutes(app, options.webRoot ?? join(packageRoot(), 'web', 'dist'));
  return app;
}
