/**
 * API fuzzing from the OpenAPI document (GET /api/openapi.json): every route and method, with
 * boundary values and fast-check's random path parameters, query strings and bodies (random JSON,
 * objects with the request schema's own field names, non-JSON text). Whatever the input: never a
 * 500, never a stack trace or a file path in the answer, never a request that hangs (each has a
 * time limit here), and /api/health still answers afterwards.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../src/io/store/run-store.js';
import { createApp } from '../src/server/app.js';
import { SweepJobs } from '../src/server/sweep-jobs.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'gigawatt-fuzz-'));
// An empty results store, so /api/runs/{id} reaches DuckDB with whatever id the fuzzer sends.
const storeFile = join(dir, 'runs.duckdb');
(await RunStore.open(storeFile)).close();
const sweeps = new SweepJobs({
  workers: 1,
  worker: { filename: join(root, 'dist', 'sweep-worker.js'), execArgv: [] },
  maxActive: 2,
  maxActivePerClient: 2,
});
afterAll(() => sweeps.cancelAll());
const app = createApp({
  store: storeFile,
  webRoot: join(root, 'web', 'dist'),
  sweeps,
  maxSweepSamples: 4,
  maxBodyBytes: 64 * 1024,
});

type Method = 'get' | 'post' | 'delete';
interface Operation {
  /** A route of many seconds of CPU (GET /api/buildout): fuzzed only with requests that fail validation. */
  readonly 'x-gigawatt-heavy'?: boolean;
  readonly parameters?: readonly { name: string; in: 'path' | 'query'; schema?: Record<string, unknown> }[];
  readonly requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
}
interface Doc {
  readonly paths: Record<string, Partial<Record<Method, Operation>>>;
  readonly components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

const doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
  (Object.entries(ops) as [Method, Operation][]).map(([method, op]) => ({ path, method, op })),
);

/** Values at the edges: empty, zero, negative, huge, not numbers, prototype keys, paths, control characters. */
const BOUNDARY = [
  '',
  '0',
  '-1',
  '1',
  '1.5',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '99999999999999999999',
  'true',
  'null',
  '__proto__',
  'constructor',
  'prototype',
  '../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '\u0000',
  '\u001b[31m',
  'a'.repeat(5000),
  'stargate-abilene',
  'ERCOT',
  'memphis-tn',
  'accelerators',
  'price',
  '0.25,0.5',
  'json',
  'csv',
];
const boundaryValue = fc.constantFrom(...BOUNDARY);
/** A valid value for each parameter name of the document (the others' background). */
const VALID: Readonly<Record<string, string>> = {
  name: 'stargate-abilene',
  scenario: 'stargate-abilene',
  kind: 'price',
  id: 'ERCOT-HB_HUBAVG',
  region: 'ERCOT',
  curtailment: '1',
  clock: 'utc',
  limit: '5',
  site: 'abilene',
  metric: 'itMW',
  format: 'json',
  every: '730',
  agg: 'mean',
};
const paramValue = fc.oneof(boundaryValue, fc.string(), fc.integer().map(String), fc.double().map(String));

function bodyFields(op: Operation): string[] {
  const ref = Object.values(op.requestBody?.content ?? {})[0]?.schema.$ref;
  const name = ref?.split('/').at(-1);
  const props = name ? doc.components.schemas[name]?.properties : undefined;
  return Object.keys(
    props ?? { scenario: 1, yaml: 1, site: 1, metric: 1, every: 1, samples: 1, vary: 1, grid: 1 },
  );
}

const jsonValue = fc.oneof(
  boundaryValue,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(-1, 0, 1, 1e308, -1e308, 2 ** 53, 0.5),
);

function requestArb(route: (typeof routes)[number]) {
  const pathParams = (route.op.parameters ?? []).filter((p) => p.in === 'path');
  const queryParams = (route.op.parameters ?? []).filter((p) => p.in === 'query');
  const fields = bodyFields(route.op);
  const body = fc.oneof(
    fc
      .dictionary(fc.constantFrom(...fields, '__proto__', 'extra'), jsonValue, { maxKeys: 5 })
      .map((o) => JSON.stringify(o)),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.constantFrom('', '{', 'null', '[]', '"x"', '{"scenario":', '\u0000\u0001', '{"__proto__":{"x":1}}'),
    fc.string({ maxLength: 200 }),
  );
  const query = fc.dictionary(
    fc.constantFrom(...queryParams.map((p) => p.name), 'unknown', '__proto__'),
    paramValue,
    {
      maxKeys: 4,
    },
  );
  return fc.record({
    path: fc.tuple(...pathParams.map(() => paramValue)),
    // A heavy route always gets a parameter it does not know, so each request fails validation fast.
    query: route.op['x-gigawatt-heavy'] ? query.map((q) => ({ ...q, unknown: 'x' })) : query,
    body,
  });
}

function url(path: string, params: readonly string[], query: Record<string, string>): string {
  let i = 0;
  const filled = path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++] ?? ''));
  const qs = new URLSearchParams(Object.entries(query)).toString();
  return qs ? `${filled}?${qs}` : filled;
}

const LIMIT_MS = 20_000;

/** One request with a time limit; returns status and body text. */
async function call(method: Method, target: string, body?: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: ${method.toUpperCase()} ${target}`)), LIMIT_MS);
  });
  try {
    const init: RequestInit = { method: method.toUpperCase() };
    if (body !== undefined) {
      init.body = body;
      init.headers = { 'content-type': 'application/json' };
    }
    const r = await Promise.race([app.request(target, init), timeout]);
    const text = await Promise.race([r.text(), timeout]);
    return { status: r.status, text, type: r.headers.get('content-type') ?? '' };
  } finally {
    clearTimeout(timer);
  }
}

function expectClean(res: { status: number; text: string; type: string }, what: string) {
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 300)}`).not.toBe(500);
  expect(res.status, what).toBeLessThan(600);
  if (res.status >= 400 && res.type.includes('json')) {
    const body = JSON.parse(res.text) as { error?: unknown };
    expect(typeof body.error, what).toBe('string');
  }
  expect(res.text, what).not.toMatch(/\n\s+at |node_modules|\/tmp\/|\/home\//);
}

describe('API fuzzing from the OpenAPI document', () => {
  it('covers every documented route', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('delete /api/sweeps/{id}');
  });

  it('boundary values in every path and query parameter, and junk bodies: never a 500 or a hang', async () => {
    for (const route of routes) {
      const params = route.op.parameters ?? [];
      const pathNames = params.filter((p) => p.in === 'path').map((p) => p.name);
      const queryNames = params.filter((p) => p.in === 'query').map((p) => p.name);
      const valid = (n: string) => VALID[n] ?? '1';
      for (const v of BOUNDARY) {
        // Every parameter at once, then each alone with the others valid (so the value reaches
        // the handler's own checks, past the schema's).
        const cases: [string[], Record<string, string>][] = [
          [pathNames.map(() => v), Object.fromEntries(queryNames.map((n) => [n, v]))],
          ...pathNames.map((name): [string[], Record<string, string>] => [
            pathNames.map((n) => (n === name ? v : valid(n))),
            Object.fromEntries(queryNames.map((n) => [n, valid(n)])),
          ]),
          ...queryNames.map((name): [string[], Record<string, string>] => [
            pathNames.map(valid),
            Object.fromEntries(queryNames.map((n) => [n, n === name ? v : valid(n)])),
          ]),
        ];
        for (const [path, query] of cases) {
          const target = url(route.path, path, query);
          const body = route.method === 'post' ? JSON.stringify({ scenario: v, yaml: v }) : undefined;
          const res = await call(route.method, target, body);
          expectClean(res, `${route.method} ${target.slice(0, 120)}`);
          // Every boundary case of a heavy route must fail validation (else the fuzzer computes for seconds).
          if (route.op['x-gigawatt-heavy']) expect(res.status, target.slice(0, 120)).toBe(400);
        }
      }
    }
  }, 90_000);

  it('random parameters and bodies on every route (fast-check): never a 500 or a hang', async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(requestArb(route), async (req) => {
          const target = url(route.path, req.path, req.query);
          const res = await call(route.method, target, route.method === 'post' ? req.body : undefined);
          expectClean(res, `${route.method} ${target.slice(0, 120)} ${req.body.slice(0, 120)}`);
        }),
        { numRuns: 25, seed: 9 },
      );
    }
    expect(({} as Record<string, unknown>).x).toBe(undefined);
    const health = await call('get', '/api/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ ok: true });
  }, 90_000);
});
