/**
 * `gigawatt sweep --buildout`: the national build-out under `gigawatt sweep`, as issue 13 asks. It is
 * the build-out's own Monte Carlo reached from the sweep command, so its report must be the one
 * `gigawatt buildout --samples` prints for the same fleet, samples, seed and sampling; the options
 * that only a scenario sweep has are refused by name.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOneCampus } from './fixtures/one-campus.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const gigawatt = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const dir = mkdtempSync(join(tmpdir(), 'gigawatt-sweep-buildout-'));
const file = writeOneCampus(dir);

describe('gigawatt sweep --buildout', () => {
  it('prints exactly the report of gigawatt buildout --samples (same samples, seed, sampling, vary)', () => {
    const common = [
      '--samples',
      '3',
      '--seed',
      '4',
      '--vary',
      'flexibleShare=uniform:0.2,0.8',
      '--json',
      '-q',
    ];
    const sweep = gigawatt('sweep', file, '--buildout', '--method', 'random', ...common);
    const buildout = gigawatt('buildout', file, '--sampling', 'random', ...common);
    expect(sweep.status).toBe(0);
    expect(buildout.status).toBe(0);
    expect(sweep.stdout).toBe(buildout.stdout);
    const report = JSON.parse(sweep.stdout);
    expect(report.uncertainty.samples).toBe(3);
    expect(report.uncertainty.sampling).toBe('random');
  });

  it('refuses the scenario-sweep options by name, and a bad method, with exit 2', () => {
    const grid = gigawatt('sweep', file, '--buildout', '-n', '2', '--grid', 'compute.mfu=0.3,0.4');
    expect(grid.status).toBe(2);
    expect(grid.stderr).toMatch(/--buildout: --grid applies only to a scenario sweep/);
    const two = gigawatt('sweep', file, '--buildout', '-n', '2', '--workers', '2', '--no-store');
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/--workers, --no-store apply only to a scenario sweep/);
    const method = gigawatt('sweep', file, '--buildout', '-n', '2', '--method', 'sobol');
    expect(method.status).toBe(2);
    expect(method.stderr).toMatch(/--method: must be lhs or random \(got "sobol"\)/);
    const vary = gigawatt('sweep', file, '--buildout', '-n', '2', '--vary', 'toString=uniform:0,1');
    expect(vary.status).toBe(2);
    expect(vary.stderr).toMatch(
      /not an uncertain input of the build-out \(allowed: size, startShiftMonths, flexibleShare\)/,
    );
    for (const r of [grid, two, method, vary]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
