/**
 * The server's memoized runs (src/server/scenario-input.ts RunCache, src/server/canonical-json.ts):
 * a repeated POST /api/run of a built-in is answered from the cache with the identical JSON; a
 * scenario object is served from a cached run only when it is the same scenario (whatever its key
 * order); built-ins stay cached however many edited scenarios pass through; `warm()` runs them
 * ahead of the first request (as `gigawatt serve` does for the dashboard's default campus).
 */
import { describe, expect, it } from 'vitest';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { validateScenario } from '../src/model/validate.js';
import { runScenario } from '../src/run.js';
import { createApp } from '../src/server/app.js';
import { canonicalJson } from '../src/server/canonical-json.js';
import { RunCache } from '../src/server/scenario-input.js';

const NAME = 'stargate-abilene';
const builtin = loadScenario(NAME);
const data = fileDataSource();

function appWith(runs: RunCache) {
  const app = createApp({ runs, store: false, data });
  const post = (body: unknown) =>
    app.request('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { app, post };
}

/** The same object with its keys written in reverse order at every depth. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.keys(v)
      .reverse()
      .map((k) => [k, reversedKeys((v as Record<string, unknown>)[k])]),
  );
}

function withBusyFraction(raw: unknown, busy: number): unknown {
  const copy = structuredClone(raw) as { sites: { utilisation?: { busyFraction?: number } }[] };
  const site = copy.sites[0] as { utilisation?: { busyFraction?: number } };
  site.utilisation = { ...(site.utilisation ?? {}), busyFraction: busy };
  return copy;
}

describe('canonicalJson', () => {
  it('writes the same text for the same content whatever the key order, and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    expect(canonicalJson({ a: { c: null, d: [3, 1] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [3, 1], c: null } }),
    );
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson(reversedKeys(builtin.raw))).toBe(canonicalJson(builtin.raw));
  });
});

describe('POST /api/run memoized', () => {
  it('answers a repeated built-in from the cache with the identical JSON, equal to runScenario in Node', async () => {
    const runs = new RunCache(data);
    const { post } = appWith(runs);
    const first = await post({ scenario: NAME });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/json');
    const a = await first.text();
    expect(runs.stats).toEqual({ hits: 0, misses: 1 });
    const b = await (await post({ scenario: NAME })).text();
    expect(runs.stats).toEqual({ hits: 1, misses: 1 });
    expect(b).toBe(a);
    expect(a).toBe(JSON.stringify(runScenario(builtin.scenario, data, { raw: builtin.raw }).summary));
  });

  it('serves a scenario object from the built-in’s run only when it is the same scenario', async () => {
    const runs = new RunCache(data);
    const { post } = appWith(runs);
    const published = await (await post({ scenario: NAME })).text();

    // The same scenario as an object, keys in another order: the same run, the same JSON.
    const same = await post({ scenario: reversedKeys(builtin.raw) });
    expect(same.status).toBe(200);
    expect(await same.text()).toBe(published);
    expect(runs.stats).toEqual({ hits: 1, misses: 1 });
    // …which is what running that object gives.
    const reordered = reversedKeys(builtin.raw);
    const r = validateScenario(reordered);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(JSON.stringify(runScenario(r.scenario, data, { raw: reordered }).summary)).toBe(published);

    // One field changed: a new run, with the numbers of that scenario.
    const edited = withBusyFraction(builtin.raw, 0.5);
    const res = await post({ scenario: edited });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(runs.stats).toEqual({ hits: 1, misses: 2 });
    expect(text).not.toBe(published);
    const v = validateScenario(edited);
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    expect(text).toBe(JSON.stringify(runScenario(v.scenario, data, { raw: edited }).summary));
    const busy = JSON.parse(text) as { totals: { facilityEnergyMWh: number } };
    const pub = JSON.parse(published) as { totals: { facilityEnergyMWh: number } };
    expect(busy.totals.facilityEnergyMWh).toBeLessThan(pub.totals.facilityEnergyMWh);
  });

  it('keeps the built-ins cached however many edited scenarios pass through', async () => {
    const runs = new RunCache(data, 1);
    const { post } = appWith(runs);
    const published = await (await post({ scenario: NAME })).text();
    for (const busy of [0.4, 0.6]) {
      expect((await post({ scenario: withBusyFraction(builtin.raw, busy) })).status).toBe(200);
    }
    expect(runs.stats).toEqual({ hits: 0, misses: 3 });
    expect(await (await post({ scenario: NAME })).text()).toBe(published);
    expect(runs.stats).toEqual({ hits: 1, misses: 3 });
    // The edited scenario that was evicted (capacity 1) runs again.
    await post({ scenario: withBusyFraction(builtin.raw, 0.4) });
    expect(runs.stats).toEqual({ hits: 1, misses: 4 });
  });

  it('warm() runs a built-in before any request; /api/run and /api/run/hourly then reuse that run', async () => {
    const runs = new RunCache(data);
    await runs.warm([NAME]);
    expect(runs.stats).toEqual({ hits: 0, misses: 1 });
    const { app, post } = appWith(runs);
    const summary = JSON.parse(await (await post({ scenario: NAME })).text()) as { hours: number };
    const r = await app.request(`/api/run/hourly?scenario=${NAME}&metric=itMW&every=24`);
    expect(r.status).toBe(200);
    const table = (await r.json()) as { rows: number; stepHours: number };
    expect(table.rows).toBe(Math.ceil(summary.hours / 24));
    expect(runs.stats).toEqual({ hits: 2, misses: 1 });
  });
});
