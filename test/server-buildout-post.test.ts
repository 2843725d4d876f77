/**
 * POST /api/buildout: a user's fleet, as YAML text or a scenario object, answers exactly what
 * `gigawatt buildout FILE --json` prints for the same scenario and options (dist/cli.js in a child
 * process), through the compute pool (dist/compute-worker.js); memoised by the canonical scenario and
 * options; bad input is a located 4xx before any computation.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { createApp } from '../src/server/app.js';
import { ComputePool } from '../src/server/compute/pool.js';

const root = join(import.meta.dirname, '..');
const CLI = join(root, 'dist', 'cli.js');
const FIXTURE = join(root, 'test', 'fixtures', 'buildout-three.yaml');
const yamlText = readFileSync(FIXTURE, 'utf8');

const compute = new ComputePool({
  threads: 1,
  worker: { filename: join(root, 'dist', 'compute-worker.js'), execArgv: [] },
});
afterAll(() => compute.close());
const app = createApp({ store: false, webRoot: join(root, 'web', 'dist'), compute, maxBodyBytes: 64 * 1024 });

async function post(body: unknown, query = '') {
  const r = await app.request(`/api/buildout${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

/** Keys of an object in reverse order at every depth (the same scenario, written differently). */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .reverse()
      .map(([k, x]) => [k, reversed(x)]),
  );
}

describe('POST /api/buildout with a user’s scenario', () => {
  it('YAML text: the same JSON as the CLI on the same file; the object form is served from the memo', async () => {
    const runs = vi.spyOn(compute, 'run');
    const cli = spawnSync(
      process.execPath,
      [CLI, 'buildout', FIXTURE, '--json', '--trials', '300', '--seed', '7'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const expected = JSON.parse(cli.stdout) as { scenario: string; regions: { region: string }[] };
    expect(expected.scenario).toBe('three');

    const a = await post({ yaml: yamlText, trials: 300, seed: '7' });
    expect(a.status, JSON.stringify(a.body).slice(0, 300)).toBe(200);
    expect(a.body).toEqual(expected);
    // the same scenario as an object, keys in another order, options as text: no second computation
    const b = await post({ seed: 7, trials: '300', scenario: reversed(parse(yamlText)) });
    expect(b.status).toBe(200);
    expect(b.body).toEqual(expected);
    expect(runs.mock.calls.filter(([t]) => t.kind === 'buildout')).toHaveLength(1);
    // other options are another report
    const c = await post({ yaml: yamlText, trials: 300, seed: 7, curtailment: '0.5' });
    expect(c.status).toBe(200);
    expect(c.body.limitsPct).toEqual([0.5]);
    expect(runs.mock.calls.filter(([t]) => t.kind === 'buildout')).toHaveLength(2);
    runs.mockRestore();
  }, 180_000);

  it('bad input: a located 4xx with the field path, before any computation', async () => {
    const runs = vi.spyOn(compute, 'run');
    // a scenario problem: path, value, line and column of the YAML
    const bad = await post({ yaml: yamlText.replace('interconnectMW: 200', 'interconnectMW: -5') });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid scenario: 1 problem found');
    expect(bad.body.details).toMatchObject([{ path: ['sites', 0, 'interconnectMW'], value: -5, line: 11 }]);
    // an option
    const trials = await post({ yaml: yamlText, trials: 0 });
    expect(trials.status).toBe(400);
    expect(trials.body).toMatchObject({ error: 'invalid request body', details: [{ path: ['trials'] }] });
    const extra = await post({ yaml: yamlText, sites: [] });
    expect(extra).toMatchObject({ status: 400, body: { error: 'invalid request body' } });
    // both or neither of scenario and yaml
    expect((await post({ yaml: yamlText, scenario: 'us-buildout' })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    // an unknown built-in: 404 listing them
    const unknown = await post({ scenario: 'atlantis' });
    expect(unknown.status).toBe(404);
    expect((unknown.body.details as { builtins: string[] }).builtins).toContain('us-buildout');
    // options travel in the body, not the query
    const query = await post({ yaml: yamlText }, '?trials=5');
    expect(query).toMatchObject({ status: 400, body: { error: 'invalid query' } });
    // not JSON; over the body limit
    expect((await post('{"yaml": ')).status).toBe(400);
    expect((await post({ yaml: `${yamlText}#${'x'.repeat(70_000)}` })).status).toBe(413);
    expect(runs).not.toHaveBeenCalled();
    runs.mockRestore();
  });

  it('size, duplicates and dates on a user’s fleet: 400 with the CLI’s message', async () => {
    const r = await post({ yaml: yamlText, size: 'announced', trials: 50 });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/size, --duplicates and --dates apply to the us-buildout scenario only/);
    // us-buildout by name takes them; its options are checked as GET's are
    const size = await post({ scenario: 'us-buildout', size: 'huge' });
    expect(size).toMatchObject({ status: 400, body: { details: [{ path: ['size'] }] } });
    const years = await post({ scenario: 'us-buildout', years: '2012' });
    expect(years.status).toBe(400);
    expect(years.body.error).toMatch(/^years: .*no complete demand data for 2012/);
  }, 60_000);

  it('is in the OpenAPI document: a heavy POST taking BuildoutRequest', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const op = doc.paths['/api/buildout']?.post;
    expect(op?.['x-gigawatt-heavy']).toBe(true);
    expect(JSON.stringify(op?.requestBody)).toContain('#/components/schemas/BuildoutRequest');
    expect(Object.keys(doc.components.schemas.BuildoutRequest?.properties ?? {})).toEqual(
      expect.arrayContaining(['scenario', 'yaml', 'trials', 'seed', 'curtailment', 'years']),
    );
  });
});
