/**
 * The OpenAPI 3.1 document of the HTTP API (GET /api/openapi.json). Request shapes and the
 * scenario format come from the zod schemas (`z.toJSONSchema`); the summary's metric fields come
 * from METRIC_KEYS, so new metrics appear here without edits.
 */
import { z } from 'zod';
import { METRIC_KEYS } from '../engine/metrics.js';
import { DEFAULT_LIMITS } from '../model/limits.js';
import { scenarioJsonSchema } from '../model/scenario.js';
import { buildoutRequestSchema, MAX_API_TRIALS } from './routes/buildout.js';
import { CATALOGS } from './routes/catalog.js';
import { hourlyQuerySchema, MAX_SERVER_SWEEP_JOBS, runRequestSchema, sweepRequestSchema } from './schemas.js';

const json = (schema: unknown) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, content: json(ref('Error')) });

/** How the per-client sweep cap tells clients apart by address, on this server. */
const clientRule = (hops: number) =>
  hops === 0
    ? 'the remote address of the connection, X-Forwarded-For ignored (`gigawatt serve --trust-proxy N` behind N proxies of your own)'
    : hops === 1
      ? "the rightmost entry of X-Forwarded-For, appended by the one reverse proxy this server trusts (--trust-proxy 1; a missing or malformed header counts as the connection's address)"
      : `entry ${hops} from the right of X-Forwarded-For, appended by the first of the ${hops} reverse proxies this server trusts (--trust-proxy ${hops}; a missing or malformed header counts as the connection's address)`;

/** The limits of this server, as the document states them (defaults when not given). */
export interface DocumentedLimits {
  readonly maxBodyBytes: number;
  readonly maxSweepSamples: number;
  readonly maxSweepsTotal: number;
  readonly maxSweepsPerClient: number;
  /** Trusted reverse-proxy hops (`gigawatt serve --trust-proxy`; default 0). */
  readonly trustProxyHops?: number;
}

export function openApiDocument(
  version: string,
  limits: DocumentedLimits = {
    maxBodyBytes: DEFAULT_LIMITS.maxInputBytes,
    maxSweepSamples: MAX_SERVER_SWEEP_JOBS,
    maxSweepsTotal: DEFAULT_LIMITS.maxSweepsTotal,
    maxSweepsPerClient: DEFAULT_LIMITS.maxSweepsPerClient,
  },
): Record<string, unknown> {
  const tooLarge = error(
    `body over ${limits.maxBodyBytes} bytes (GIGAWATT_MAX_INPUT_BYTES, \`gigawatt serve --max-body\`)`,
  );
  const busy = {
    ...error(
      'the compute pool is busy (every thread working and its queue full) or the server is shutting down; retry after the Retry-After seconds',
    ),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds' } },
  };
  const overTime = error(
    "the run went over the server's time limit per request (`gigawatt serve --run-timeout`) and was stopped",
  );
  const metrics = {
    type: 'object',
    properties: Object.fromEntries(METRIC_KEYS.map((k) => [k, { type: 'number' }])),
    additionalProperties: { type: 'number' },
    description: 'Metrics of the `run --json` contract (units in the names; see the README).',
  };
  const query = z.toJSONSchema(hourlyQuerySchema, { io: 'input' }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const hourlyParams = Object.entries(query.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: query.required?.includes(name) ?? false,
    description: schema.description,
    schema,
  }));
  const writeSecurity = [{}, { bearer: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'gigawatt API',
      version,
      description:
        'Simulate gigawatt-scale AI compute campuses hour by hour. Errors are JSON {error, details}. ' +
        'POST and DELETE endpoints need `Authorization: Bearer <token>` when the server was started with --token. ' +
        `Limits: request bodies up to ${limits.maxBodyBytes} bytes (413 past it); at most ${limits.maxSweepSamples} samples per sweep (400); ` +
        `at most ${limits.maxSweepsTotal} sweeps queued or running in total and ${limits.maxSweepsPerClient} per client (the bearer token, or without one ${clientRule(limits.trustProxyHops ?? 0)}; 429 with Retry-After past them). ` +
        'Runs, headroom analyses and build-out reports run on a worker pool with a bounded queue (503 with Retry-After when full) and a time limit per request (504). ' +
        'Keys `__proto__`, `constructor` and `prototype` are refused anywhere in a body and in field paths (400). ' +
        'The limits are set by environment variables (README, "Limits").',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Scenario: scenarioJsonSchema(),
        RunRequest: z.toJSONSchema(runRequestSchema, { io: 'input' }),
        BuildoutRequest: z.toJSONSchema(buildoutRequestSchema, { io: 'input' }),
        SweepRequest: z.toJSONSchema(sweepRequestSchema, { io: 'input' }),
        Metrics: metrics,
        RunSummary: {
          type: 'object',
          required: ['scenario', 'period', 'hours', 'totals', 'sites', 'years'],
          properties: {
            scenario: { type: 'string' },
            period: { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } } },
            hours: { type: 'integer' },
            totals: ref('Metrics'),
            sites: {
              type: 'array',
              items: { allOf: [ref('Metrics'), { properties: { id: { type: 'string' } } }] },
            },
            years: {
              type: 'array',
              items: { allOf: [ref('Metrics'), { properties: { year: { type: 'integer' } } }] },
            },
            assumptions: { type: 'array', items: { type: 'object' } },
          },
          additionalProperties: true,
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'string' }, details: {} },
        },
      },
    },
    paths: {
      '/api/openapi.json': {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
      },
      '/api/health': {
        get: { summary: 'Liveness', responses: { 200: { description: '{ok: true, version}' } } },
      },
      '/api/schema/scenario': {
        get: {
          summary: 'JSON Schema of the scenario format',
          responses: { 200: { description: 'JSON Schema', content: json(ref('Scenario')) } },
        },
      },
      '/api/scenarios': {
        get: { summary: 'Built-in scenarios with their sites', responses: { 200: { description: 'list' } } },
      },
      '/api/scenarios/{name}': {
        get: {
          summary: 'A built-in scenario: YAML text, as written (raw) and with defaults applied (scenario)',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: '{name, yaml, raw, scenario}' }, 404: error('unknown scenario') },
        },
      },
      '/api/catalog/{kind}': {
        get: {
          summary: 'A catalog with every value and its source',
          parameters: [{ name: 'kind', in: 'path', required: true, schema: { enum: Object.keys(CATALOGS) } }],
          responses: { 200: { description: 'catalog entries' }, 404: error('unknown catalog') },
        },
      },
      '/api/datasets': {
        get: {
          summary: 'Dataset kinds (DataSource methods) and their ids',
          responses: { 200: { description: '{kind: ids}' } },
        },
      },
      '/api/datasets/{kind}/{id}': {
        get: {
          summary:
            'Hourly data for the browser engine: weather (TMY, local standard time), regionCarbon (gCO2eq/kWh, UTC), price ($/MWh, UTC). Float64Arrays are {"$f64": base64 little-endian} unless format=json.',
          parameters: [
            { name: 'kind', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'format', in: 'query', schema: { enum: ['typed', 'json'], default: 'typed' } },
          ],
          responses: { 200: { description: 'the series' }, 404: error('unknown kind or id') },
        },
      },
      '/api/headroom': {
        get: {
          summary:
            'Grid headroom for new flexible load at curtailment limits (as `gigawatt headroom --json`)',
          parameters: [
            {
              name: 'region',
              in: 'query',
              required: true,
              description:
                'catalog region id or EIA code of any BA with bundled EIA-930 demand (12 regions and the demand-only BAs), or `all` (every bundled BA and their sum, as `gigawatt headroom --json`)',
              schema: { type: 'string' },
            },
            {
              name: 'years',
              in: 'query',
              description: 'UTC years, e.g. 2019-2024 or 2019,2021 (default: 2016–2024 where complete)',
              schema: { type: 'string' },
            },
            { name: 'curtailment', in: 'query', schema: { type: 'string', default: '0.25,0.5,1,5' } },
            { name: 'clock', in: 'query', schema: { enum: ['local', 'utc'], default: 'local' } },
          ],
          responses: {
            200: {
              description:
                '{region, years, results: [{curtailmentPct, headroomMW, ...}], cleaning, dataQuality}: exactly `gigawatt headroom --region X --json`',
            },
            400: error('bad parameter, or years without complete data'),
            404: error('unknown balancing authority'),
            503: busy,
            504: overTime,
          },
        },
      },
      '/api/buildout': {
        get: {
          summary:
            'The national picture of the us-buildout fleet (as `gigawatt buildout --json`; docs/buildout.md). About 10 s of CPU; the default options are memoised',
          // Heavy: test/server-fuzz.test.ts sends it only requests that fail validation.
          'x-gigawatt-heavy': true,
          parameters: [
            { name: 'size', in: 'query', schema: { enum: ['near-term', 'announced'], default: 'near-term' } },
            { name: 'duplicates', in: 'query', schema: { enum: ['drop', 'keep'], default: 'drop' } },
            {
              name: 'dates',
              in: 'query',
              schema: { enum: ['announced', 'p50', 'p90'], default: 'announced' },
            },
            { name: 'curtailment', in: 'query', schema: { type: 'string', default: '0.25,0.5,1,5' } },
            {
              name: 'years',
              in: 'query',
              description:
                'historical UTC years of demand, e.g. 2019-2024 (default: 2016–2024 where complete, as gigawatt headroom)',
              schema: { type: 'string' },
            },
            {
              name: 'trials',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: MAX_API_TRIALS, default: 2000 },
            },
            {
              name: 'seed',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
            },
          ],
          responses: {
            200: {
              description:
                '{scenario, years, dates, limitsPct, regions, national, campuses, noDataBAs, supplyChain, environment, water, whoPays, method, …}',
            },
            400: error('bad parameter, or years without complete data'),
            503: busy,
            504: overTime,
          },
        },
        post: {
          summary:
            "The national picture of a user's fleet (as `gigawatt buildout FILE --json`; docs/buildout.md): the scenario validated as POST /api/run validates it, the options of GET /api/buildout in the body; memoised by the canonical scenario and options. Takes no query parameters",
          'x-gigawatt-heavy': true,
          security: writeSecurity,
          requestBody: { required: true, content: json(ref('BuildoutRequest')) },
          responses: {
            200: {
              description:
                '{scenario, years, dates, limitsPct, regions, national, campuses, noDataBAs, supplyChain, environment, water, whoPays, method, …}',
            },
            400: error(
              'invalid body or option (details: path and message), invalid scenario (details lists each problem with path, message, value and line/column for YAML), years without complete data, or a query parameter',
            ),
            401: error('missing or wrong bearer token'),
            404: error('unknown built-in scenario'),
            413: tooLarge,
            503: busy,
            504: overTime,
          },
        },
      },
      '/api/run': {
        post: {
          summary: 'Simulate a scenario; returns exactly the summary of `gigawatt run --json`',
          security: writeSecurity,
          requestBody: { required: true, content: json(ref('RunRequest')) },
          responses: {
            200: { description: 'the run summary', content: json(ref('RunSummary')) },
            400: error(
              'invalid scenario: details lists each problem with path, message, value (and line/column for YAML)',
            ),
            401: error('missing or wrong bearer token'),
            404: error('unknown built-in scenario'),
            413: tooLarge,
            503: busy,
            504: overTime,
          },
        },
      },
      '/api/runs': {
        get: {
          summary: 'Runs and sweeps saved in the results store (as `gigawatt runs --json`), newest first',
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', default: 50 } }],
          responses: {
            200: {
              description:
                '[{id, kind, scenario, title, createdAt, version, seed, samples, status, samplesStored}]',
            },
            501: error('the server has no results store (--store none)'),
            503: error('the store file cannot be opened (locked for over 5 s, or not a DuckDB file)'),
          },
        },
      },
      '/api/runs/{id}': {
        get: {
          summary:
            'One saved run (as `gigawatt show --json`): the row, the scenario as written, the report (run summary or sweep report) and its flat metrics',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
          responses: {
            200: { description: '{id, kind, ..., scenarioJson, report, metrics}' },
            400: error('not an integer id'),
            404: error('no such run'),
            501: error('no results store'),
            503: error('store cannot be opened'),
          },
        },
      },
      '/api/sweeps': {
        post: {
          summary: `Start a Monte Carlo sweep (as \`gigawatt sweep\`) in the background; at most ${limits.maxSweepSamples} samples (grid points × samples), ${limits.maxSweepsTotal} sweeps queued or running in total and ${limits.maxSweepsPerClient} per client`,
          security: writeSecurity,
          requestBody: { required: true, content: json(ref('SweepRequest')) },
          responses: {
            202: { description: '{id, total, events}: follow GET /api/sweeps/{id}/events' },
            400: error(
              'invalid request, scenario, distribution or field path (a path through __proto__, constructor or prototype); too many samples',
            ),
            401: error('missing or wrong bearer token'),
            404: error('unknown built-in scenario'),
            413: tooLarge,
            429: {
              ...error(
                'too many sweeps queued or running, in total or for this client; details {active, limit}; wait for one to finish or DELETE one',
              ),
              headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds' } },
            },
          },
        },
      },
      '/api/sweeps/{id}': {
        get: {
          summary:
            "A sweep's status (queued, running, done, error), progress, saved run id and, when done, the report of `gigawatt sweep --json`",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: '{id, status, done, total, runId?, report?, error?}' },
            404: error('unknown sweep'),
          },
        },
        delete: {
          summary:
            'Cancel a queued or running sweep: its samples are aborted, its slot is freed at once, its event streams get `cancelled` and end; a finished sweep is left as it is',
          security: writeSecurity,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'the state, status `cancelled` (or the finished state)' },
            401: error('missing or wrong bearer token'),
            404: error('unknown sweep'),
          },
        },
      },
      '/api/sweeps/{id}/events': {
        get: {
          summary:
            'Server-sent events: `progress` {done, total} (first the current state), then `result` (the sweep report), `error` {error} or `cancelled`; the stream then ends',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'text/event-stream', content: { 'text/event-stream': {} } },
            404: error('unknown sweep'),
          },
        },
      },
      '/api/run/hourly': {
        get: {
          summary:
            "One site's hourly columns for a built-in scenario (JSON or CSV), downsampled to blocks of `every` hours",
          parameters: hourlyParams,
          responses: {
            200: { description: 'columns with units' },
            400: error('bad parameter'),
            404: error('unknown scenario or site'),
            503: busy,
            504: overTime,
          },
        },
        post: {
          summary:
            'Same, for a scenario object or YAML in the body ({scenario|yaml, site, metric, format, every, agg})',
          security: writeSecurity,
          requestBody: { required: true, content: json({ type: 'object' }) },
          responses: {
            200: { description: 'columns with units' },
            400: error('bad request'),
            401: error('bad token'),
            413: tooLarge,
            503: busy,
            504: overTime,
          },
        },
      },
    },
  };
}
