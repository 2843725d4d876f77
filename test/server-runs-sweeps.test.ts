/**
 * The results store and background sweeps over HTTP: GET /api/runs and /api/runs/:id equal what
 * `gigawatt runs --json` / `gigawatt show --json` read from the same store; POST /api/sweeps runs a
 * sweep off the request path and streams its progress and the `gigawatt sweep --json` report as
 * server-sent events on a real listening server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSweep } from '../src/analysis/sweep/plan.js';
import { sweepReport } from '../src/analysis/sweep/report.js';
import { PRICE_SERIES, REGIONS } from '../src/catalog/regions.js';
import { completeYears, type ReplayPolicy, replaySeries } from '../src/engine/replay.js';
import { replayWindow } from '../src/engine/replay-window.js';
import type { HourlySeries } from '../src/engine/series.js';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { saveRun } from '../src/io/store/record.js';
import { RunStore } from '../src/io/store/run-store.js';
import { cachedDataSource } from '../src/io/sweep/cached-data.js';
import { runScenario } from '../src/run.js';
import { runSample } from '../src/run-sample.js';
import { createApp } from '../src/server/app.js';
import { startServer } from '../src/server/serve.js';

const dir = mkdtempSync(join(tmpdir(), 'gigawatt-serve-store-'));
const storeFile = join(dir, 'runs.duckdb');
const data = cachedDataSource();
const abilene = loadScenario('stargate-abilene');
const memphis = loadScenario('colossus-memphis');

const auth = { authorization: 'Bearer s3cret', 'content-type': 'application/json' };
const BUSY = 'sites[0].utilisation.busyFraction';
const sweepBody = {
  scenario: 'stargate-abilene',
  samples: 4,
  seed: 7,
  vary: { [BUSY]: { dist: 'uniform', min: 0.6, max: 0.9 } },
};

let server: ServerType;
let base: string;
const savedIds: number[] = [];

beforeAll(async () => {
  for (const s of [abilene, memphis]) {
    const id = await saveRun(storeFile, runScenario(s.scenario, data, { raw: s.raw }), s.raw);
    savedIds.push(id as number);
  }
  const started = await startServer({ port: 0, host: '127.0.0.1', token: 's3cret', store: storeFile });
  server = started.server;
  base = started.url.replace(/\/$/, '');
}, 30_000);
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('GET /api/runs from the results store', () => {
  it('lists the saved runs with the fields of `gigawatt runs --json`, newest first', async () => {
    const r = await fetch(`${base}/api/runs`);
    expect(r.status).toBe(200);
    const rows = (await r.json()) as { id: number; scenario: string; kind: string; status: string }[];
    const store = await RunStore.open(storeFile);
    const expected = await store.listRuns(50);
    store.close();
    expect(rows).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(rows.slice(-2).map((x) => [x.scenario, x.kind, x.status])).toEqual([
      ['colossus-memphis', 'run', 'done'],
      ['stargate-abilene', 'run', 'done'],
    ]);
  });
  it('GET /api/runs/:id returns the stored summary (as `gigawatt show --json`) and its metrics', async () => {
    const id = savedIds[0] as number;
    const body = (await (await fetch(`${base}/api/runs/${id}`)).json()) as {
      id: number;
      report: { scenario: string; totals: Record<string, number> };
      metrics: Record<string, number>;
    };
    const expected = runScenario(abilene.scenario, data, { raw: abilene.raw }).summary;
    expect(body.id).toBe(id);
    expect(body.report).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.metrics.facilityEnergyMWh).toBe(expected.totals.facilityEnergyMWh);
  });
  it('an unknown or malformed id is 404 / 400 with a message', async () => {
    const r = await fetch(`${base}/api/runs/9999`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: string }).error).toBe('no run 9999 in the results store');
    const bad = await fetch(`${base}/api/runs/abc`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/run id/);
  });
  it('a file that is not a DuckDB database is 503 with Retry-After, never naming the file; no store at all is 501', async () => {
    const junk = join(dir, 'junk.duckdb');
    writeFileSync(junk, 'not a database, just text\n'.repeat(200));
    const broken = createApp({ store: junk, webRoot: dir });
    const r = await broken.request('/api/runs');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('5');
    const text = await r.text();
    expect(JSON.parse(text).error).toMatch(/results store cannot be opened/);
    expect(text).not.toContain(dir);
    expect(text).not.toMatch(/duckdb|IO Error/i);
    const none = createApp({ store: 'none', webRoot: dir });
    const n = await none.request('/api/runs/1');
    expect(n.status).toBe(501);
    expect(((await n.json()) as { error: string }).error).toMatch(/--store none/);
    expect((await none.request('/api/health')).status).toBe(200);
  });
  it('a store file that does not exist yet lists no runs and creates nothing', async () => {
    const app = createApp({ store: join(dir, 'later', 'runs.duckdb'), webRoot: dir });
    const r = await app.request('/api/runs');
    expect(await r.json()).toEqual([]);
    expect((await app.request('/api/runs/1')).status).toBe(404);
  });
});

/** Reads a server-sent event stream to its end: [{event, data}]. */
async function readEvents(url: string): Promise<{ event: string; data: unknown }[]> {
  const r = await fetch(url);
  expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const text = await r.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event =
        lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim() ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      return { event, data: JSON.parse(data) };
    });
}

describe('POST /api/sweeps: background sweeps with progress over server-sent events', () => {
  it('202 {id}; the events stream progress to 4/4, then the report of `gigawatt sweep --json`', async () => {
    const r = await fetch(`${base}/api/sweeps`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(sweepBody),
    });
    expect(r.status).toBe(202);
    const { id, total } = (await r.json()) as { id: string; total: number };
    expect(total).toBe(4);

    const events = await readEvents(`${base}/api/sweeps/${id}/events`);
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data as { done: number });
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    const last = events.at(-1) as { event: string; data: unknown };
    expect(last.event).toBe('result');

    // The same sweep computed in this process, sample by sample, as the CLI's workers do.
    const plan = planSweep(
      { ...abilene.scenario, uncertainty: sweepBody.vary } as typeof abilene.scenario,
      abilene.raw,
      { samples: 4, seed: 7, method: 'lhs' },
    );
    const results = Array.from({ length: plan.jobs }, (_, k) =>
      runSample(
        plan.raw,
        { index: k, point: 0, sample: k, overrides: [[BUSY, plan.values[k]?.[0] as number]] },
        data,
      ),
    );
    expect(last.data).toEqual(JSON.parse(JSON.stringify(sweepReport(plan, results, 'npvUSD'))));

    const state = (await (await fetch(`${base}/api/sweeps/${id}`)).json()) as {
      status: string;
      done: number;
      runId: number;
      report: unknown;
    };
    expect(state).toMatchObject({ status: 'done', done: 4 });
    expect(state.report).toEqual(last.data);
    // Saved in the store like a CLI sweep, and listed by GET /api/runs.
    const saved = (await (await fetch(`${base}/api/runs/${state.runId}`)).json()) as {
      kind: string;
      samplesStored: number;
    };
    expect(saved).toMatchObject({ kind: 'sweep', status: 'done', samplesStored: 4 });
    // A finished sweep's events replay the final state at once.
    const again = await readEvents(`${base}/api/sweeps/${id}/events`);
    expect(again.map((e) => e.event)).toEqual(['progress', 'result']);
  }, 30_000);

  it('bad sweeps get 400 with the reason; no token 401; unknown id 404; the server keeps serving', async () => {
    const post = (body: unknown, headers: Record<string, string> = auth) =>
      fetch(`${base}/api/sweeps`, { method: 'POST', headers, body: JSON.stringify(body) });
    const big = await post({ ...sweepBody, samples: 5000 });
    expect(big.status).toBe(400);
    expect(JSON.stringify(await big.json())).toMatch(/at most 2000 samples per sweep/);
    const grid = await post({
      ...sweepBody,
      samples: 1000,
      grid: { 'economics.discountRate': [0.06, 0.08, 0.1] },
    });
    expect(grid.status).toBe(400);
    expect(((await grid.json()) as { error: string }).error).toMatch(/3000 samples .* at most 2000/);
    const dist = await post({ ...sweepBody, vary: { [BUSY]: { dist: 'uniform', min: 0.9, max: 0.6 } } });
    expect(dist.status).toBe(400);
    expect(((await dist.json()) as { error: string }).error).toMatch(/min must be ≤ max/);
    const path = await post({ ...sweepBody, vary: { 'sites[0].nope': { dist: 'uniform', min: 0, max: 1 } } });
    expect(path.status).toBe(400);
    expect(((await path.json()) as { error: string }).error).toMatch(/sites\[0\]\.nope/);
    expect((await post({ ...sweepBody, scenario: 'no-such' })).status).toBe(404);
    expect((await post({ ...sweepBody, output: 'happiness' })).status).toBe(400);
    expect((await post(sweepBody, { 'content-type': 'application/json' })).status).toBe(401);
    const missing = await fetch(`${base}/api/sweeps/does-not-exist/events`);
    expect(missing.status).toBe(404);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('the OpenAPI document describes the runs and sweeps endpoints', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: object };
    for (const p of [
      '/api/runs',
      '/api/runs/{id}',
      '/api/sweeps',
      '/api/sweeps/{id}',
      '/api/sweeps/{id}/events',
    ])
      expect(Object.keys(doc.paths), p).toContain(p);
  });
});

describe('datasets trimmed to the replayed years (?replay=)', () => {
  const simStart = Date.UTC(2025, 5, 1);
  const simHours = 5 * 8760 + 24;
  const same = (full: HourlySeries, policy: ReplayPolicy) => {
    const window = replayWindow(full, policy);
    const a = replaySeries(full, simStart, simHours, policy);
    const b = replaySeries(window, simStart, simHours, policy);
    expect(b.sourceYearBySimYear).toEqual(a.sourceYearBySimYear);
    expect(b.filledHours).toBe(a.filledHours);
    expect(Buffer.from(b.values.buffer).equals(Buffer.from(a.values.buffer))).toBe(true);
    return window;
  };
  it('every bundled carbon and price series replays bit-identically from one year (latest, each year)', () => {
    const src = fileDataSource();
    const series: HourlySeries[] = [
      ...REGIONS.map((r) => src.regionCarbon(r.id).carbonGPerKWh),
      ...PRICE_SERIES.map((p) => src.price(p.id)),
    ];
    for (const full of series) {
      const w = same(full, 'latest');
      expect(w.values.length).toBeLessThanOrEqual(8784 + 48);
      for (const y of completeYears(full)) same(full, y);
      expect(replayWindow(full, 'cycle')).toBe(full);
    }
  });
  it('gaps at the edges of the replayed year keep their interpolation partners from the next years', () => {
    // 2023-01-01 .. 2025-01-01 (17,544 h), ramp values; 2024 begins and ends with missing hours.
    const start = Date.UTC(2023, 0, 1);
    const values = Float64Array.from({ length: 17_544 }, (_, i) => i);
    const jan1 = 8760;
    for (let i = jan1; i < jan1 + 5; i++) values[i] = Number.NaN;
    for (let i = 8760 + 8784 - 7; i < 17_544 - 2; i++) values[i] = Number.NaN;
    values[17_542] = 5; // a finite hour after the trailing gap
    values[17_543] = Number.NaN;
    const full = { startMs: start, values };
    const w = same(full, 'latest');
    expect(w.startMs).toBe(start + (jan1 - 1) * 3_600_000);
    same(full, 2023);
  });
  it('GET /api/datasets/:kind/:id?replay=latest is a fraction of the full series; a bad policy is 400', async () => {
    const full = await (await fetch(`${base}/api/datasets/price/ERCOT-HB_HUBAVG?format=json`)).text();
    const r = await fetch(`${base}/api/datasets/price/ERCOT-HB_HUBAVG?format=json&replay=latest`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { startMs: number; values: number[] };
    expect(body.values.length).toBeLessThanOrEqual(8784 + 48);
    expect(full.length).toBeGreaterThan(3 * JSON.stringify(body).length);
    const bad = await fetch(`${base}/api/datasets/price/ERCOT-HB_HUBAVG?replay=someday`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/replay must be latest, cycle or a year/);
  });
});
