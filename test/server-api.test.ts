/**
 * The HTTP API through `app.request()` (no socket): every endpoint, every error case with its
 * status and message, and the server still answering after each bad request.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_KEYS } from '../src/engine/metrics.js';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { decodeTyped } from '../src/io/typed-json.js';
import { runScenario } from '../src/run.js';
import { createApp } from '../src/server/app.js';
import { safeStaticPath } from '../src/server/routes/static.js';

const web = mkdtempSync(join(tmpdir(), 'gigawatt-web-'));
writeFileSync(join(web, 'index.html'), '<!doctype html><title>dashboard</title>');
const app = createApp({ token: 's3cret', maxBodyBytes: 64 * 1024, webRoot: web });
const auth = { authorization: 'Bearer s3cret', 'content-type': 'application/json' };
const post = (path: string, body: unknown, headers: Record<string, string> = auth) =>
  app.request(path, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function stillServing() {
  const r = await app.request('/api/health');
  expect(r.status).toBe(200);
  expect(await r.json()).toMatchObject({ ok: true });
}

const abilene = loadScenario('stargate-abilene');
const abileneSummary = runScenario(abilene.scenario, fileDataSource(), { raw: abilene.raw }).summary;

describe('read endpoints', () => {
  it('GET /api/openapi.json is an OpenAPI 3.1 document with every path and the scenario schema', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: object;
      components: unknown;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/scenarios',
      '/api/scenarios/{name}',
      '/api/catalog/{kind}',
      '/api/datasets/{kind}/{id}',
      '/api/run',
      '/api/run/hourly',
    ]) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    const schemas = (doc.components as { schemas: Record<string, { properties?: Record<string, unknown> }> })
      .schemas;
    expect(Object.keys(schemas.Scenario?.properties ?? {})).toContain('sites');
    expect(Object.keys(schemas.Metrics?.properties ?? {}).sort()).toEqual([...METRIC_KEYS].sort());
  });
  it('GET /api/scenarios lists the four built-ins with their sites', async () => {
    const list = (await (await app.request('/api/scenarios')).json()) as {
      name: string;
      sites: { id: string }[];
    }[];
    expect(list.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'anthropic-fluidstack',
        'colossus-memphis',
        'project-rainier',
        'stargate-abilene',
      ]),
    );
    expect(list.find((s) => s.name === 'anthropic-fluidstack')?.sites.map((s) => s.id)).toEqual([
      'west-texas',
      'western-new-york',
    ]);
  });
  it('GET /api/scenarios/:name returns the YAML text, the document as written and with defaults', async () => {
    const body = (await (await app.request('/api/scenarios/stargate-abilene')).json()) as Record<
      string,
      unknown
    >;
    expect(body.yaml).toContain('name: stargate-abilene');
    expect(body.raw).toEqual(abilene.raw);
    expect((body.scenario as { compute: { mfu: number } }).compute.mfu).toBe(0.4);
  });
  it('GET /api/catalog/:kind serves each catalog with sources', async () => {
    for (const kind of ['accelerators', 'cooling', 'regions', 'weather', 'prices']) {
      const r = await app.request(`/api/catalog/${kind}`);
      expect(r.status, kind).toBe(200);
      expect(((await r.json()) as unknown[]).length, kind).toBeGreaterThan(0);
    }
    const acc = (await (await app.request('/api/catalog/accelerators')).json()) as {
      id: string;
      boardPowerW: { value: number; source: string };
    }[];
    expect(acc.find((a) => a.id === 'h100')?.boardPowerW.value).toBe(700);
  });
  it('GET /api/datasets/:kind/:id serves exact Float64 series (typed) and plain arrays (format=json)', async () => {
    const kinds = (await (await app.request('/api/datasets')).json()) as Record<string, string[]>;
    expect(Object.keys(kinds)).toEqual(expect.arrayContaining(['weather', 'regionCarbon', 'price']));
    const direct = fileDataSource().weather('abilene-tx');
    const typed = decodeTyped(
      await (await app.request('/api/datasets/weather/abilene-tx')).json(),
    ) as typeof direct;
    expect(typed.tzOffsetHours).toBe(-6);
    expect(typed.wetBulbC).toBeInstanceOf(Float64Array);
    expect(Array.from(typed.wetBulbC)).toEqual(Array.from(direct.wetBulbC));
    const plain = (await (await app.request('/api/datasets/price/ERCOT-HB_WEST?format=json')).json()) as {
      startMs: number;
      values: (number | null)[];
    };
    expect(plain.values.length).toBe(fileDataSource().price('ERCOT-HB_WEST').values.length);
  });
  it('serves the web app and its client-side routes, and never a file outside web/dist', async () => {
    expect(await (await app.request('/')).text()).toContain('dashboard');
    expect(await (await app.request('/campus/x')).text()).toContain('dashboard');
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fetc/passwd',
      '/a%5c..%5c..%5cpackage.json',
      '/x%00.js',
    ]) {
      const r = await app.request(path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(await r.text(), path).not.toContain('"name": "gigawatt"');
    }
    expect(safeStaticPath('/srv/web', '/assets/app.js')).toBe('/srv/web/assets/app.js');
    expect(safeStaticPath('/srv/web', '/../etc/passwd')).toBeUndefined();
    expect(safeStaticPath('/srv/web', '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(safeStaticPath('/srv/web', '/a\\..\\b')).toBeUndefined();
    await stillServing();
  });
});

describe('POST /api/run', () => {
  it('returns exactly the summary of `gigawatt run --json` for a built-in name', async () => {
    const r = await post('/api/run', { scenario: 'stargate-abilene' });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(JSON.parse(JSON.stringify(abileneSummary)));
  });
  it('runs a scenario object and YAML text to the same summary', async () => {
    const fromObject = await (await post('/api/run', { scenario: abilene.raw })).json();
    const yaml = (await (await app.request('/api/scenarios/stargate-abilene')).json()) as { yaml: string };
    const fromYaml = await (await post('/api/run', { yaml: yaml.yaml })).json();
    expect(fromObject).toEqual(JSON.parse(JSON.stringify(abileneSummary)));
    expect(fromYaml).toEqual(fromObject);
  });
  it('400 for an invalid scenario, with the CLI’s issues (path, message, value)', async () => {
    const bad = structuredClone(abilene.raw) as {
      sites: { interconnectMW: number; phases: { accelerator: string }[] }[];
    };
    (bad.sites[0] as { interconnectMW: number }).interconnectMW = -5;
    (
      (bad.sites[0] as { phases: { accelerator: string }[] }).phases[0] as { accelerator: string }
    ).accelerator = 'h300';
    const r = await post('/api/run', { scenario: bad });
    expect(r.status).toBe(400);
    const body = (await r.json()) as {
      error: string;
      details: { path: (string | number)[]; message: string; value: unknown; text: string }[];
    };
    expect(body.error).toBe('invalid scenario: 2 problems found');
    expect(body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['sites', 0, 'interconnectMW'], value: -5 }),
        expect.objectContaining({ path: ['sites', 0, 'phases', 0, 'accelerator'], value: 'h300' }),
      ]),
    );
    expect(body.details.find((d) => d.value === 'h300')?.message).toMatch(/^must be one of: h100, h200/);
    await stillServing();
  });
  it('400 with line and column for invalid YAML', async () => {
    const r = await post('/api/run', { yaml: 'name: x\nstart: 2026-01-01\nend: [unclosed\n' });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { details: { line: number; text: string }[] };
    expect(body.details[0]?.text).toMatch(/^request\.yaml:\d+:\d+: \(document\): YAML syntax error/);
    await stillServing();
  });
  it('400 for a body that is not JSON or has unknown fields; 404 for an unknown built-in', async () => {
    let r = await post('/api/run', '{"scenario": ');
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toMatch(/not valid JSON/);
    r = await post('/api/run', { scenario: 'stargate-abilene', extra: 1 });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toBe('invalid request body');
    r = await post('/api/run', {});
    expect(r.status).toBe(400);
    r = await post('/api/run', { scenario: '../../etc/passwd' });
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ error: "unknown scenario '../../etc/passwd'" });
    await stillServing();
  });
  it('401 without the bearer token or with a wrong one', async () => {
    let r = await post('/api/run', { scenario: 'stargate-abilene' }, { 'content-type': 'application/json' });
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ error: 'missing bearer token' });
    r = await post('/api/run', { scenario: 'stargate-abilene' }, { ...auth, authorization: 'Bearer nope' });
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ error: 'wrong bearer token' });
    await stillServing();
  });
  it('413 for a body over the limit', async () => {
    const r = await post('/api/run', { yaml: `# ${'x'.repeat(70 * 1024)}\n` });
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ error: 'request body over the limit of 65536 bytes' });
    await stillServing();
  });
});

describe('hourly series', () => {
  it('GET /api/run/hourly downsamples by mean: monthly blocks average the hourly MW', async () => {
    const r = await app.request('/api/run/hourly?scenario=stargate-abilene&metric=itMW,pue&every=24');
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      rows: number;
      columns: { name: string; unit: string; values: number[] }[];
    };
    expect(body.rows).toBe(abileneSummary.hours / 24);
    expect(body.columns.map((c) => [c.name, c.unit])).toEqual([
      ['itMW', 'MW'],
      ['pue', 'ratio'],
    ]);
    const it = body.columns[0]?.values ?? [];
    // Mean MW of each day × 24 h summed over days = IT energy in MWh.
    expect(it.reduce((a, v) => a + v * 24, 0)).toBeCloseTo(abileneSummary.totals.itEnergyMWh, -1);
  });
  it('CSV with time_utc and units in the header; sum over blocks keeps the energy', async () => {
    const r = await post('/api/run/hourly', {
      scenario: 'stargate-abilene',
      metric: 'facilityMW',
      format: 'csv',
      every: 8760,
      agg: 'sum',
    });
    expect(r.headers.get('content-type')).toContain('text/csv');
    const lines = (await r.text()).trim().split('\n');
    expect(lines[0]).toBe('time_utc,facilityMW (MW)');
    expect(lines[1]?.startsWith('2025-06-01T00:00:00Z,')).toBe(true);
    const total = lines.slice(1).reduce((a, l) => a + Number(l.split(',')[1]), 0);
    expect(total).toBeCloseTo(abileneSummary.totals.facilityEnergyMWh, 0);
  });
  it('400 for a missing site on a two-site scenario, an unknown metric or a bad every; 404 for an unknown site', async () => {
    let r = await app.request('/api/run/hourly?scenario=anthropic-fluidstack');
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ details: { sites: ['west-texas', 'western-new-york'] } });
    r = await app.request('/api/run/hourly?scenario=stargate-abilene&metric=itMW,bogus');
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toBe("unknown metric(s) 'bogus'");
    r = await app.request('/api/run/hourly?scenario=stargate-abilene&every=0');
    expect(r.status).toBe(400);
    r = await app.request('/api/run/hourly?scenario=anthropic-fluidstack&site=mars');
    expect(r.status).toBe(404);
    await stillServing();
  });
});

describe('GET /api/headroom', () => {
  it('gives the headroom at each curtailment limit, growing with the limit', async () => {
    const r = await app.request('/api/headroom?region=ERCOT&curtailment=0.5,1');
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      region: string;
      results: { curtailmentPct: number; headroomMW: number }[];
    };
    expect(body.region).toBe('ERCOT');
    expect(body.results.map((x) => x.curtailmentPct)).toEqual([0.5, 1]);
    expect((body.results[1]?.headroomMW ?? 0) > (body.results[0]?.headroomMW ?? 0)).toBe(true);
  });
  it('404 for an unknown region, 400 for a limit outside (0, 100) %', async () => {
    expect((await app.request('/api/headroom?region=MARS')).status).toBe(404);
    expect((await app.request('/api/headroom?region=ERCOT&curtailment=150')).status).toBe(400);
    expect((await app.request('/api/headroom')).status).toBe(400);
    await stillServing();
  });
});

describe('unknown ids', () => {
  it('404 JSON for unknown scenarios, catalogs, dataset kinds and ids, and endpoints', async () => {
    for (const path of [
      '/api/scenarios/nope',
      '/api/catalog/nope',
      '/api/datasets/nope/x',
      '/api/datasets/weather/nope',
      '/api/datasets/constructor/x',
      '/api/nope',
    ]) {
      const r = await app.request(path);
      expect(r.status, path).toBe(404);
      expect(Object.keys((await r.json()) as object), path).toContain('error');
    }
    await stillServing();
  });
});
