/**
 * The server under attack and overload (issue 9, server side): prototype keys in bodies and field
 * paths are refused and pollute nothing; body, sample and sweep-count limits answer 413/400/429
 * with Retry-After before any work; DELETE cancels a sweep and frees its slot; an SSE client that
 * leaves is unsubscribed; the compute pool refuses work past its queue (503) and stops a run past
 * its time limit (504); the run cache stays within its byte budget; no response names a file; every
 * response carries the security headers; static files are served gzip/brotli; /favicon.ico exists.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../src/io/load-scenario.js';
import { DEFAULT_LIMITS } from '../src/model/limits.js';
import { createApp } from '../src/server/app.js';
import { cachedRunBytes } from '../src/server/compute/cached-run.js';
import { ComputePool } from '../src/server/compute/pool.js';
import { RunCache } from '../src/server/scenario-input.js';
import { startServer } from '../src/server/serve.js';
import { SweepJobs } from '../src/server/sweep-jobs.js';

const root = join(import.meta.dirname, '..');
/** The bundled workers (dist/, built by `npm run build`): no TypeScript loader in each thread. */
const dist = (name: string) => ({ filename: join(root, 'dist', name), execArgv: [] as string[] });
const web = join(root, 'web', 'dist');
const dir = mkdtempSync(join(tmpdir(), 'gigawatt-safety-'));

const BUSY = 'sites[0].utilisation.busyFraction';
const sweep = (extra: Record<string, unknown> = {}) => ({
  scenario: 'stargate-abilene',
  samples: 4,
  vary: { [BUSY]: { dist: 'uniform', min: 0.6, max: 0.9 } },
  ...extra,
});
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const f of cleanups.reverse()) await f();
});

function sweepsFor(maxActive: number, maxActivePerClient: number) {
  const jobs = new SweepJobs({ workers: 1, worker: dist('sweep-worker.js'), maxActive, maxActivePerClient });
  cleanups.push(() => jobs.cancelAll());
  return jobs;
}

describe('prototype pollution', () => {
  const app = createApp({ store: false, webRoot: web, sweeps: sweepsFor(8, 8) });
  const GETS = [
    '/api/health',
    '/api/openapi.json',
    '/api/schema/scenario',
    '/api/scenarios',
    '/api/scenarios/stargate-abilene',
    '/api/catalog/accelerators',
    '/api/datasets',
    '/api/headroom?region=ERCOT',
    '/api/run/hourly?scenario=stargate-abilene&site=abilene&metric=itMW&every=730',
  ];

  it('vary/grid paths through __proto__ or constructor.prototype are 400 naming the path; nothing is polluted', async () => {
    const attacks = [
      { vary: { '__proto__.polluted': { dist: 'uniform', min: 0, max: 1 } } },
      { vary: { 'constructor.prototype.polluted': { dist: 'uniform', min: 0, max: 1 } } },
      { grid: { '__proto__.polluted': [1, 2] } },
      { grid: { 'constructor.prototype.polluted': [1] } },
      { grid: { 'sites[0].__proto__.polluted': [1] } },
      { vary: { 'economics.prototype': { dist: 'uniform', min: 0, max: 1 } } },
    ];
    for (const attack of attacks) {
      const r = await app.request('/api/sweeps', json(sweep(attack)));
      expect(r.status, JSON.stringify(attack)).toBe(400);
      const body = (await r.json()) as { error: string; details: { path: string[] }[] };
      const [field, path] = Object.entries(attack)[0] as [string, Record<string, unknown>];
      const key = Object.keys(path)[0] as string;
      expect(body.error).toContain(key);
      expect(body.details[0]?.path).toEqual([field, key]);
    }
    // The same keys in a JSON body anywhere (a scenario object, a nested value): 400 with the path.
    const raw = '{"scenario": {"name": "x", "sites": [{"__proto__": {"polluted": true}}]}}';
    const r = await app.request('/api/run', json(raw));
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toContain('scenario.sites[0].__proto__');
    const ctor = await app.request('/api/run', json('{"constructor": {"prototype": {"polluted": 1}}}'));
    expect(ctor.status).toBe(400);
    // Query strings cannot reach a prototype either.
    const q = await app.request('/api/runs?__proto__[polluted]=1&constructor[prototype][polluted]=1');
    expect(q.status).toBeLessThan(500);

    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
    expect(Object.prototype).not.toHaveProperty('polluted');
    for (const path of GETS) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
    }
    const run = await app.request('/api/run', json({ scenario: 'stargate-abilene' }));
    expect(run.status).toBe(200);
    expect(((await run.json()) as { scenario: string }).scenario).toBe('stargate-abilene');
  }, 60_000);

  it('a deeply nested body (100,000 levels) is checked without overflowing the stack', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const r = await app.request('/api/run', json(`{"scenario": ${deep}}`));
    expect(r.status).toBe(400);
  });
});

describe('limits: 413, 400 and 429 before any work', () => {
  it('the body limit comes from maxInputBytes (GIGAWATT_MAX_INPUT_BYTES)', async () => {
    const app = createApp({ store: false, webRoot: web, limits: { ...DEFAULT_LIMITS, maxInputBytes: 1000 } });
    const ok = await app.request('/api/run', json({ yaml: 'x'.repeat(900) }));
    expect(ok.status).toBe(400); // within the limit: parsed (and invalid YAML)
    const big = await app.request('/api/run', json({ yaml: 'x'.repeat(1000) }));
    expect(big.status).toBe(413);
    const body = (await big.json()) as { error: string; details: { limit: number } };
    expect(body.error).toMatch(/over the limit of 1000 bytes/);
    expect(body.details.limit).toBe(1000);
  });

  it('samples × grid points over the limit is 400 at once, before planning (a billion samples)', async () => {
    const app = createApp({ store: false, webRoot: web, sweeps: sweepsFor(8, 8), maxSweepSamples: 50 });
    const t0 = performance.now();
    const r = await app.request('/api/sweeps', json(sweep({ samples: 1e9 })));
    expect(performance.now() - t0).toBeLessThan(5000); // not hours of planning (no timing target)
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toMatch(
      /1000000000 samples .* at most 50 samples per sweep/,
    );
    const grid = await app.request(
      '/api/sweeps',
      json(sweep({ samples: 10, grid: { 'economics.discountRate': [0.06, 0.08, 0.1, 0.12, 0.14, 0.16] } })),
    );
    expect(grid.status).toBe(400);
    expect(((await grid.json()) as { error: string }).error).toMatch(/60 samples \(6 grid points × 10\)/);
  });

  it('queued + running sweeps per client and in total → 429 with Retry-After; DELETE cancels and frees the slot', async () => {
    const jobs = sweepsFor(2, 1);
    const app = createApp({ store: false, webRoot: web, sweeps: jobs });
    const as = (who: string) => ({ authorization: `Bearer ${who}` });
    const a1 = await app.request('/api/sweeps', json(sweep({ samples: 400 }), as('alice')));
    expect(a1.status).toBe(202);
    const { id } = (await a1.json()) as { id: string };

    const a2 = await app.request('/api/sweeps', json(sweep(), as('alice')));
    expect(a2.status).toBe(429);
    expect(Number(a2.headers.get('retry-after'))).toBeGreaterThan(0);
    const refused = (await a2.json()) as { error: string; details: { active: number; limit: number } };
    expect(refused.error).toMatch(/you already have your most sweeps/);
    expect(refused.details).toEqual({ active: 1, limit: 1 });

    const b1 = await app.request('/api/sweeps', json(sweep({ samples: 400 }), as('bob')));
    expect(b1.status).toBe(202);
    const c1 = await app.request('/api/sweeps', json(sweep(), as('carol')));
    expect(c1.status).toBe(429);
    expect(((await c1.json()) as { error: string }).error).toMatch(
      /the server already has its most sweeps queued or running \(2 of 2\)/,
    );

    // Cancel alice's (queued or running): the state says so, and she may queue another at once.
    const del = await app.request(`/api/sweeps/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(((await del.json()) as { status: string }).status).toBe('cancelled');
    expect(jobs.active()).toBe(1);
    const a3 = await app.request('/api/sweeps', json(sweep(), as('alice')));
    expect(a3.status).toBe(202);
    // Cancelling again, or a finished sweep, changes nothing; an unknown id is 404.
    expect(
      ((await (await app.request(`/api/sweeps/${id}`, { method: 'DELETE' })).json()) as { status: string })
        .status,
    ).toBe('cancelled');
    expect((await app.request('/api/sweeps/nope', { method: 'DELETE' })).status).toBe(404);
    await jobs.cancelAll();
    expect(jobs.active()).toBe(0);
  }, 30_000);

  it('DELETE needs the bearer token when the server has one', async () => {
    const app = createApp({ store: false, webRoot: web, token: 's3cret', sweeps: sweepsFor(2, 2) });
    expect((await app.request('/api/sweeps/any', { method: 'DELETE' })).status).toBe(401);
  });
});

describe('the compute pool', () => {
  it('a run or headroom analysis over the time limit is stopped: 504 with a clear message; the server keeps answering', async () => {
    const compute = new ComputePool({ threads: 1, timeoutMs: 1, worker: dist('compute-worker.js') });
    cleanups.push(() => compute.close());
    const app = createApp({ store: false, webRoot: web, compute });
    const r = await app.request('/api/run', json({ scenario: 'stargate-abilene' }));
    expect(r.status).toBe(504);
    expect(((await r.json()) as { error: string }).error).toMatch(/over 0.001 s, the server's time limit/);
    // A headroom analysis goes through the same pool and the same limit.
    const h = await app.request('/api/headroom?region=PJM&curtailment=0.3');
    expect(h.status).toBe(504);
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('past the queue it answers 503 with Retry-After; queued runs still complete', async () => {
    const compute = new ComputePool({ threads: 1, maxQueue: 1, worker: dist('compute-worker.js') });
    cleanups.push(() => compute.close());
    const app = createApp({ store: false, webRoot: web, compute });
    const base = loadScenario('stargate-abilene').raw as { sites: { utilisation?: object }[] };
    const variant = (busy: number) => {
      const s = structuredClone(base);
      (s.sites[0] as { utilisation?: object }).utilisation = { busyFraction: busy };
      return s;
    };
    const responses = await Promise.all(
      [0.5, 0.6, 0.7, 0.8].map((b) => app.request('/api/run', json({ scenario: variant(b) }))),
    );
    const statuses = responses.map((r) => r.status).sort();
    // one running + one queued; the other two refused at once
    expect(statuses).toEqual([200, 200, 503, 503]);
    const busy = responses.find((r) => r.status === 503) as Response;
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(((await busy.json()) as { error: string }).error).toMatch(/the server is busy/);
  }, 60_000);
});

describe('the run cache is bounded in bytes', () => {
  it('keeps runs within its byte budget, evicting the least recently used; built-ins stay pinned', async () => {
    const abilene = loadScenario('stargate-abilene');
    const variant = (busy: number) => {
      const s = structuredClone(abilene.raw) as { sites: { utilisation?: object }[] };
      (s.sites[0] as { utilisation?: object }).utilisation = { busyFraction: busy };
      return s;
    };
    // Size one run of this scenario; the budget then fits one edited run but not two.
    const probe = new RunCache();
    const app0 = createApp({ store: false, webRoot: web, runs: probe });
    await app0.request('/api/run', json({ scenario: variant(0.5) }));
    const one = probe.heldBytes;
    // One hourly column of one site for the simulated hours, 8 bytes a value: a run holds several.
    const summary = (await (await app0.request('/api/run', json({ scenario: variant(0.5) }))).json()) as {
      hours: number;
    };
    expect(one).toBeGreaterThan(summary.hours * 8 * 5);

    const runs = new RunCache(undefined, Math.floor(one * 1.5));
    const app = createApp({ store: false, webRoot: web, runs });
    const post = (scenario: unknown) => app.request('/api/run', json({ scenario }));
    await post(variant(0.5));
    await post(variant(0.6));
    expect(runs.heldBytes).toBeLessThanOrEqual(runs.maxBytes);
    expect(runs.stats).toEqual({ hits: 0, misses: 2 });
    await post(variant(0.6)); // kept
    expect(runs.stats).toEqual({ hits: 1, misses: 2 });
    await post(variant(0.5)); // evicted by 0.6
    expect(runs.stats).toEqual({ hits: 1, misses: 3 });
    await post('stargate-abilene');
    await post('stargate-abilene'); // the built-in: pinned outside the budget
    expect(runs.stats).toEqual({ hits: 2, misses: 4 });
    expect(runs.heldBytes).toBeLessThanOrEqual(runs.maxBytes);

    // A budget smaller than one run: answered, never kept.
    const tiny = new RunCache(undefined, 1000);
    const appTiny = createApp({ store: false, webRoot: web, runs: tiny });
    expect((await appTiny.request('/api/run', json({ scenario: variant(0.5) }))).status).toBe(200);
    expect(tiny.heldBytes).toBe(0);
  }, 60_000);

  it('estimates a run’s bytes as its summary text plus its typed arrays', () => {
    const hours = 10;
    const a = new Float64Array(hours);
    const b = new Uint8Array(hours);
    const site = { siteId: 's', startMs: 0, hours, dryBulbC: a, localHour: b };
    expect(
      cachedRunBytes({ scenario: 'x', summaryJson: '{"a":1}', sites: [site as never, site as never] }),
    ).toBe(7 + 2 * (80 + 10));
  });
});

describe('no leaks, security headers, compression, favicon', () => {
  it('an unknown run id is 404 without the store path; a broken store is 503 without the path', async () => {
    const store = join(dir, 'runs.duckdb');
    writeFileSync(store, 'not a database');
    const app = createApp({ store, webRoot: web });
    for (const path of ['/api/runs/999999', '/api/runs']) {
      const r = await app.request(path);
      const text = await r.text();
      expect(text).not.toContain(dir);
      expect(text).not.toMatch(/\/tmp\/|duckdb|\n\s+at /i);
    }
  }, 30_000);

  it('every response carries CSP without inline script, nosniff and a referrer policy', async () => {
    const app = createApp({ store: false, webRoot: web });
    for (const path of ['/', '/api/health', '/api/nope', '/assets/missing.js', '/favicon.ico']) {
      const r = await app.request(path);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // …which the dashboard honours: its page has no inline script, only scripts with a src.
    const html = readFileSync(join(web, 'index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      expect(tag).toMatch(/\bsrc=/);
      expect(
        tag
          .replace(/<script\b[^>]*>/, '')
          .replace('</script>', '')
          .trim(),
      ).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('static files come brotli or gzip as the client accepts, byte-identical once decoded', async () => {
    const app = createApp({ store: false, webRoot: web });
    const html = readFileSync(join(web, 'index.html'));
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html.toString())?.[1] as string;
    const raw = readFileSync(join(web, script));
    // Compressed off the event loop once, in the background: served as is until then. The gzip and
    // brotli encodings are made independently (either may be ready first under load), so each is
    // awaited on its own; until it is ready the answer is the raw file or the other encoding.
    const get = (accept: string) => app.request(`/${script}`, { headers: { 'accept-encoding': accept } });
    const once = async (accept: string, encoding: string) => {
      let r = await get(accept);
      for (let i = 0; i < 200 && r.headers.get('content-encoding') !== encoding; i++) {
        const sent = r.headers.get('content-encoding');
        expect(sent === null ? Buffer.from(await r.arrayBuffer()).equals(raw) : sent === 'gzip').toBe(true);
        await new Promise((d) => setTimeout(d, 50));
        r = await get(accept);
      }
      return r;
    };
    const br = await once('gzip, deflate, br', 'br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(raw.length / 2);
    expect(brotliDecompressSync(brBytes).equals(raw)).toBe(true);
    const gz = await once('gzip;q=1, br;q=0', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(raw)).toBe(true);
    const plain = await app.request(`/${script}`);
    expect(plain.headers.get('content-encoding')).toBe(null);
    expect(Buffer.from(await plain.arrayBuffer()).equals(raw)).toBe(true);
  });

  it('/favicon.ico is an SVG icon, not a 404', async () => {
    const app = createApp({ store: false, webRoot: web });
    const r = await app.request('/favicon.ico');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/svg+xml');
    expect(await r.text()).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});

describe('server-sent events on a real socket', () => {
  it('a client that leaves is unsubscribed; DELETE ends the streams of those still listening', async () => {
    const jobs = sweepsFor(4, 4);
    const compute = new ComputePool({ threads: 1, worker: dist('compute-worker.js') });
    const running = await startServer({
      port: 0,
      host: '127.0.0.1',
      store: false,
      webRoot: web,
      warm: false,
      sweeps: jobs,
      compute,
    });
    cleanups.push(() => running.close(1000));
    const base = running.url.replace(/\/$/, '');
    const r = await fetch(`${base}/api/sweeps`, json(sweep({ samples: 400 })));
    const { id } = (await r.json()) as { id: string };

    const leaver = new AbortController();
    const s1 = await fetch(`${base}/api/sweeps/${id}/events`, { signal: leaver.signal });
    const r1 = (s1.body as ReadableStream<Uint8Array>).getReader();
    await r1.read(); // the first progress event
    const s2 = await fetch(`${base}/api/sweeps/${id}/events`);
    const r2 = (s2.body as ReadableStream<Uint8Array>).getReader();
    await r2.read();
    expect(jobs.listenerCount(id)).toBe(2);
    leaver.abort();
    for (let i = 0; i < 100 && jobs.listenerCount(id) > 1; i++) await new Promise((d) => setTimeout(d, 20));
    expect(jobs.listenerCount(id)).toBe(1);

    expect((await fetch(`${base}/api/sweeps/${id}`, { method: 'DELETE' })).status).toBe(200);
    let text = '';
    for (;;) {
      const { value, done } = await r2.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    expect(text).toMatch(/event: cancelled/);
    expect(jobs.listenerCount(id)).toBe(0);
  }, 30_000);
});
