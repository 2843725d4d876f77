/**
 * GET /api/headroom over every bundled BA and GET /api/buildout: the API answers exactly what the CLI
 * prints with --json (the built bundle, dist/cli.js, in a child process), through the compute pool
 * (dist/compute-worker.js); the default build-out report is computed once and shared.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/server/app.js';
import { ComputePool } from '../src/server/compute/pool.js';

const root = join(import.meta.dirname, '..');
const CLI = join(root, 'dist', 'cli.js');
const compute = new ComputePool({
  threads: 1,
  worker: { filename: join(root, 'dist', 'compute-worker.js'), execArgv: [] },
});
afterAll(() => compute.close());
const app = createApp({ store: false, webRoot: join(root, 'web', 'dist'), compute });

function cliJson(args: string[]): unknown {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

async function get(path: string) {
  const r = await app.request(path);
  return { status: r.status, type: r.headers.get('content-type') ?? '', body: (await r.json()) as unknown };
}

describe('GET /api/headroom: any bundled BA, as `gigawatt headroom --region X --json`', () => {
  it('a catalog region (ERCOT) with the default years and limits: the same JSON as the CLI', async () => {
    const api = await get('/api/headroom?region=ERCOT');
    expect(api.status).toBe(200);
    expect(api.type).toMatch(/application\/json/);
    expect(api.body).toEqual(cliJson(['headroom', '--region', 'ERCOT', '--json']));
    const body = api.body as { years: number[]; dataQuality: { caveats: unknown[] } };
    // Norris et al.'s window, 2016–2024, is the default.
    expect(body.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(Array.isArray(body.dataQuality.caveats)).toBe(true);
  }, 60_000);

  it('a demand-only BA (FPL) with years, limits and clock: the same JSON as the CLI', async () => {
    const api = await get('/api/headroom?region=FPL&years=2019-2021,2023&curtailment=0.5,1&clock=utc');
    expect(api.status).toBe(200);
    expect(api.body).toEqual(
      cliJson([
        'headroom',
        '--region',
        'FPL',
        '--years',
        '2019-2021,2023',
        '--curtailment',
        '0.5,1',
        '--clock',
        'utc',
        '--json',
      ]),
    );
    const body = api.body as { region: string; years: number[]; cleaning: { seasonClock: string } };
    expect(body.region).toBe('FPL');
    expect(body.years).toEqual([2019, 2020, 2021, 2023]);
    expect(body.cleaning.seasonClock).toBe('UTC');
    // FPL's own caveat (2022 imputed hours) travels with it.
    expect(api.body).toMatchObject({ dataQuality: { caveats: ['2022: 6.3 % of hours imputed'] } });
  }, 60_000);

  it('bad input: 400 naming the parameter and the years with data, 404 listing the BAs', async () => {
    // EIA-930 starts in July 2015: 2015 is not a complete year.
    const partial = await get('/api/headroom?region=FPL&years=2015');
    expect(partial.status).toBe(400);
    expect((partial.body as { error: string }).error).toMatch(
      /^years: FPL has no complete demand data for 2015/,
    );
    const syntax = await get('/api/headroom?region=FPL&years=recent');
    expect(syntax.status).toBe(400);
    expect(syntax.body).toMatchObject({ details: [{ path: ['years'] }] });
    const unknown = await get('/api/headroom?region=MARS');
    expect(unknown.status).toBe(404);
    expect((unknown.body as { details: { allowed: string[] } }).details.allowed).toEqual(
      expect.arrayContaining(['all', 'ERCOT', 'PJM', 'FPL']),
    );
    // all, the 12 catalog regions and the 19 demand-only BAs.
    expect((unknown.body as { details: { allowed: string[] } }).details.allowed).toHaveLength(32);
  }, 60_000);

  it('region=all: every bundled BA and their sum, the same JSON as `gigawatt headroom --json`', async () => {
    const api = await get('/api/headroom?region=all&curtailment=0.5');
    expect(api.status).toBe(200);
    expect(api.body).toEqual(cliJson(['headroom', '--curtailment', '0.5', '--json']));
    const body = api.body as {
      bas: number;
      rows: { headroomMW: number[] }[];
      total: { headroomMW: number }[];
    };
    expect(body.bas).toBe(31);
    // The total is the plain sum of the BAs' own headroom (not a coincident national figure).
    const sum = body.rows.reduce((s, r) => s + (r.headroomMW[0] as number), 0);
    expect(body.total[0]?.headroomMW).toBeCloseTo(sum, 6);
  }, 120_000);
});

describe('GET /api/buildout: as `gigawatt buildout --json`', () => {
  it('the default options: the same JSON as the CLI, computed once for concurrent and later requests', async () => {
    const runs = vi.spyOn(compute, 'run');
    const cli = new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'buildout', '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
    });
    const [a, b] = await Promise.all([get('/api/buildout'), get('/api/buildout')]);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(a.body).toEqual(JSON.parse(await cli));
    const later = await get('/api/buildout');
    expect(later.body).toEqual(a.body);
    expect(runs.mock.calls.filter(([t]) => t.kind === 'buildout')).toHaveLength(1);
    runs.mockRestore();
    const report = a.body as { scenario: string; dates: string; regions: unknown[]; national: unknown[] };
    expect(report.scenario).toBe('us-buildout');
    expect(report.dates).toBe('announced');
    expect(report.regions.length).toBeGreaterThan(0);
  }, 180_000);

  it('over the time limit: 504, and the failure is not memoised (the next request computes again)', async () => {
    const slow = new ComputePool({
      threads: 1,
      timeoutMs: 1,
      worker: { filename: join(root, 'dist', 'compute-worker.js'), execArgv: [] },
    });
    try {
      const limited = createApp({ store: false, webRoot: join(root, 'web', 'dist'), compute: slow });
      const runs = vi.spyOn(slow, 'run');
      for (let i = 0; i < 2; i++) {
        const r = await limited.request('/api/buildout');
        expect(r.status).toBe(504);
        expect(((await r.json()) as { error: string }).error).toMatch(/time limit per request/);
      }
      expect(runs).toHaveBeenCalledTimes(2);
      expect((await limited.request('/api/health')).status).toBe(200);
    } finally {
      await slow.close();
    }
  }, 60_000);

  it('bad options: 400 with the field path, before any computation', async () => {
    const runs = vi.spyOn(compute, 'run');
    for (const [query, path] of [
      ['size=huge', 'size'],
      ['duplicates=maybe', 'duplicates'],
      ['dates=p75', 'dates'],
      ['trials=0', 'trials'],
      ['trials=10001', 'trials'],
      ['seed=-1', 'seed'],
      ['curtailment=lots', 'curtailment'],
      ['years=last', 'years'],
      ['scenario=stargate-abilene', ''],
    ] as const) {
      const r = await get(`/api/buildout?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body, query).toMatchObject({ error: 'invalid query' });
      if (path !== '')
        expect((r.body as { details: { path: string[] }[] }).details[0]?.path, query).toEqual([path]);
    }
    expect(runs).not.toHaveBeenCalled();
    runs.mockRestore();
  });

  it('a limit outside (0, 100) % or years without data: 400 with the CLI’s message', async () => {
    const limit = await get('/api/buildout?curtailment=150');
    expect(limit.status).toBe(400);
    expect((limit.body as { error: string }).error).toMatch(
      /^curtailment: '150' is not a percentage in \(0, 100\)/,
    );
    const years = await get('/api/buildout?years=2012');
    expect(years.status).toBe(400);
    expect((years.body as { error: string }).error).toMatch(/^years: .*no complete demand data for 2012/);
  }, 60_000);
});
