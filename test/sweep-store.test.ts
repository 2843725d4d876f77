/**
 * The results store through the CLI (the built bundle): runs and sweeps are saved, listed, reprinted,
 * compared and exported as Parquet; a sweep killed mid-way leaves a readable store with the samples
 * committed before the crash.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseScenario } from './helpers.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'gigawatt-store-'));
const store = join(dir, 'runs.duckdb');
const gigawatt = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIGAWATT_STORE: store, ...env },
  });

// A one-site, one-year scenario (bundled Abilene weather, ERCOT data): fast to run.
const scenarioFile = join(dir, 'small.json');
writeFileSync(scenarioFile, JSON.stringify(baseScenario()));

describe('gigawatt run / runs / show / compare', () => {
  const a = gigawatt(['run', scenarioFile, '-q']);
  const b = gigawatt(['run', scenarioFile, '-q', '--hourly'], {});
  const c = gigawatt(['run', scenarioFile, '--no-store', '--json']);
  it('saves each run in the store given by GIGAWATT_STORE (not with --no-store)', () => {
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(c.status).toBe(0);
    const runs = JSON.parse(gigawatt(['runs', '--json']).stdout);
    expect(runs.map((r: { id: number }) => r.id)).toEqual([2, 1]);
    expect(runs[0]).toMatchObject({ kind: 'run', scenario: 'test', status: 'done', version: '0.1.0' });
  });
  it('show reprints the summary that run printed', () => {
    const shown = gigawatt(['show', '1']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('Accelerators installed');
    expect(shown.stdout).toContain('NPV at 8.0 %');
    const json = JSON.parse(gigawatt(['show', '1', '--json']).stdout);
    const direct = JSON.parse(c.stdout);
    expect(json.report.totals).toEqual(direct.totals);
    expect(json.metrics.npvUSD).toBeCloseTo(direct.economics.npvUSD, 0);
  });
  it('two runs of the same scenario compare equal; --all lists every metric', () => {
    expect(gigawatt(['compare', '1', '2']).stdout).toContain('no differences');
    const all = JSON.parse(gigawatt(['compare', '1', '2', '--all', '--json']).stdout);
    expect(all.metrics.find((m: { metric: string }) => m.metric === 'capexUSD').delta).toBe(0);
  });
  it('exports a run as Parquet, with the hourly series when saved with --hourly', () => {
    const out = join(dir, 'export');
    const r = gigawatt(['show', '2', '--parquet', out, '--json']);
    expect(r.status).toBe(0);
    for (const t of ['runs', 'metrics', 'hourly'])
      expect(existsSync(join(out, `${t}.parquet`)), t).toBe(true);
  });
  it('unknown runs and bad ids exit 2 with a clear message', () => {
    const r = gigawatt(['show', '99']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no run 99/);
    expect(gigawatt(['compare', '1', 'x']).stderr).toMatch(/RUN must be a run id/);
  });
});

describe('a sweep killed mid-way', () => {
  it('leaves the store readable with every committed batch of samples', () => {
    // The test-only entry point commits batches of 5 by count (no timer) and dies after the second.
    const killed = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'fixtures', 'killed-sweep.ts'),
        store,
        scenarioFile,
        '40',
      ],
      { encoding: 'utf8' },
    );
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const runs = JSON.parse(gigawatt(['runs', '--json']).stdout);
    const sweep = runs.find((r: { kind: string }) => r.kind === 'sweep');
    expect(sweep).toMatchObject({ status: 'running', samples: 40, samplesStored: 10 });
    const shown = gigawatt(['show', String(sweep.id)]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/did not finish; 10 of 40 samples were stored/);
  });
  it('a finished sweep stores its quantiles and every sample', () => {
    const r = gigawatt([
      'sweep',
      scenarioFile,
      '-n',
      '8',
      '-w',
      '1',
      '--vary',
      'compute.mfu=uniform:0.3,0.5',
    ]);
    expect(r.status).toBe(0);
    const id = Number(/saved as run (\d+)/.exec(r.stderr)?.[1]);
    const shown = JSON.parse(gigawatt(['show', String(id), '--json']).stdout);
    expect(shown).toMatchObject({ status: 'done', samplesStored: 8 });
    expect(shown.metrics['npvUSD.p50']).toBeCloseTo(shown.report.metrics.npvUSD.p50, 0);
  });
});
