/**
 * gigawatt as a package: `npm pack` it, install the tarball in a fresh project, type-check and run a
 * small TypeScript consumer of both entries (`gigawatt` and `gigawatt/engine`) against it, and bundle
 * the engine entry for the browser to prove that no `node:` import is reachable from it.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { runScenario } from '../src/run.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/fixtures/consumer');
const require = createRequire(import.meta.url);
const TSC = require.resolve('typescript/bin/tsc');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let dir = '';
let project = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gigawatt-pack-'));
  project = join(dir, 'consumer');
  // --ignore-scripts: `npm test` has just built dist/; packing must not rebuild it
  const tarball = npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], ROOT)
    .trim()
    .split('\n')
    .pop();
  execFileSync('mkdir', [project]);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  const typesNode = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/@types/node/package.json'), 'utf8'),
  ).version;
  npm(
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--ignore-scripts',
      join(dir, String(tarball)),
      `@types/node@${typesNode}`,
    ],
    project,
  );
  for (const f of ['consumer.ts', 'tsconfig.json']) copyFileSync(join(FIXTURE, f), join(project, f));
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('the packed package', () => {
  it('type-checks a TypeScript consumer of both entries with their emitted declarations (no skipLibCheck)', () => {
    // throws with tsc's diagnostics on any type error
    execFileSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
  }, 120_000);

  it('runs the consumer to the same figures as the library in this repository', () => {
    const out = JSON.parse(
      execFileSync(process.execPath, ['out/consumer.js'], { cwd: project, encoding: 'utf8' }),
    );
    const { scenario } = loadScenario('anthropic-fluidstack');
    const expected = runScenario(
      { ...scenario, end: '2026-03-31', workloads: undefined },
      fileDataSource(),
    ).summary;
    expect(out.facilityEnergyMWh).toBe(expected.totals.facilityEnergyMWh);
    expect(out.accelerators).toBeGreaterThan(0);
    // the bad month in `start: 2026-13-01` is located at line 2, column 8
    expect(out.located.split(',')).toContain('2:8');
  }, 60_000);
});

describe('gigawatt/engine', () => {
  it('bundles for the browser: no node: module and no file-system code is reachable', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src/engine.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => f.startsWith('node:'))).toEqual([]);
    expect(
      inputs.filter((f) => f.includes('src/io/') || f.includes('src/cli/') || f.includes('src/server/')),
    ).toEqual([]);
    expect(inputs).toContain('src/run.ts');
  }, 60_000);
});
