/** `gigawatt buildout` and `gigawatt list campuses` as a user meets them: dist/cli.js in a child process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOneCampus } from './fixtures/one-campus.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const gigawatt = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const dir = mkdtempSync(join(tmpdir(), 'gigawatt-buildout-'));
const file = writeOneCampus(dir);

describe('gigawatt buildout --json (the contract)', () => {
  const r = gigawatt('buildout', file, '--json', '--trials', '200', '--out', join(dir, 'out'));
  const out = JSON.parse(r.stdout);
  it('exits 0 with the documented top-level keys, version 1.1', () => {
    expect(r.status).toBe(0);
    expect(Object.keys(out)).toEqual([
      'version',
      'scenario',
      'dates',
      'years',
      'limitsPct',
      'regions',
      'campuses',
      'national',
      'noDataBAs',
      'whoPays',
      'environment',
      'water',
      'supplyChain',
      'method',
      'versionMinor',
      'demandBasis',
      'uncertainty',
    ]);
    expect(out.version).toBe(1);
    expect(out.versionMinor).toBe(1);
    expect(out.uncertainty).toBeNull();
    expect(out.years).toEqual([2026]);
    expect(out.dates).toBe('announced');
  });
  it('one ERCOT row for 2026 whose headroom shrinks with the campus on', () => {
    expect(out.regions).toHaveLength(1);
    const row = out.regions[0];
    expect(row.region).toBe('ERCOT');
    for (let i = 0; i < 4; i++) expect(row.headroomAfterMW[i]).toBeLessThan(row.headroomBeforeMW[i]);
    expect(out.whoPays.ercot4CP).toHaveLength(1);
    expect(out.supplyChain.phases[0].campusId).toBe('stargate-abilene');
  });
  it('--out writes the CSV tables', () => {
    const csv = readFileSync(join(dir, 'out', 'regions.csv'), 'utf8').split('\n');
    expect(csv[0]?.startsWith('region,year,campuses,campus_peak_MW')).toBe(true);
    expect(csv[1]?.startsWith('ERCOT,2026,stargate-abilene,')).toBe(true);
  });
});

describe('one headroom basis: the build-out judges each region on the demand of gigawatt headroom', () => {
  const headroom = (...args: string[]) =>
    JSON.parse(gigawatt('headroom', '--region', 'ERCOT', '--json', ...args).stdout);
  it('by default: the bundled 2016–2024 history; headroom before the campuses = gigawatt headroom', () => {
    const r = gigawatt('buildout', file, '--json', '--trials', '10');
    const out = JSON.parse(r.stdout);
    const h = headroom();
    expect(out.demandBasis.historicalYears).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(out.demandBasis.historicalYears).toEqual(h.years);
    expect(out.regions[0].historicalYears).toEqual(h.years);
    // the same demand, screening, season clock and solver: the same MW at every limit
    expect(out.regions[0].headroomBeforeMW).toEqual(
      h.results.map((x: { headroomMW: number }) => x.headroomMW),
    );
  });
  it('--years switches both the same way, and the text header says which years', () => {
    const r = gigawatt('buildout', file, '--json', '--trials', '10', '--years', '2019-2024');
    const out = JSON.parse(r.stdout);
    const h = headroom('--years', '2019-2024');
    expect(out.demandBasis.historicalYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(out.regions[0].headroomBeforeMW).toEqual(
      h.results.map((x: { headroomMW: number }) => x.headroomMW),
    );
    const text = gigawatt('buildout', file, '--trials', '10', '--years', '2017,2019');
    expect(text.stdout).toContain('UTC years 2017, 2019, EIA-930 cleaned demand');
  });
  it('--years outside the bundled history: exit 2 naming the years with data', () => {
    const r = gigawatt('buildout', file, '--years', '2012-2016');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no complete demand data for 2012, 2013, 2014, 2015');
  });
});

describe('gigawatt buildout --samples: the build-out under Monte Carlo', () => {
  const args = ['buildout', file, '--json', '--trials', '50', '--samples', '6', '--seed', '3'];
  const r = gigawatt(...args, '--out', join(dir, 'mc'));
  const u = JSON.parse(r.stdout).uncertainty;
  it('P5 ≤ P50 ≤ P95 per year and region-year, inputs labelled, progress and rate on stderr', () => {
    expect(r.status).toBe(0);
    expect(u.samples).toBe(6);
    expect(u.seed).toBe(3);
    expect(u.inputs.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(['size', 'startShiftMonths', 'flexibleShare', 'pjm.clearingRelation']),
    );
    for (const n of u.national) {
      expect(n.itInstalledMW.p5).toBeLessThanOrEqual(n.itInstalledMW.p50);
      expect(n.itInstalledMW.p50).toBeLessThanOrEqual(n.itInstalledMW.p95);
    }
    expect(u.regions[0].region).toBe('ERCOT');
    expect(u.regions[0].headroomUsedMW).toHaveLength(4);
    expect(u.ercot4CP).toHaveLength(1);
    expect(r.stderr).toMatch(/buildout sweep: 6 samples in [\d.]+ s \([\d.]+ samples\/s\)/);
  });
  it('the same seed gives the same figures; --out writes uncertainty.csv', () => {
    const again = JSON.parse(gigawatt(...args, '--quiet').stdout).uncertainty;
    expect(again).toEqual(u);
    const csv = readFileSync(join(dir, 'mc', 'uncertainty.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('scope,region,year,metric,p5,p50,p95,mean,min,max,n');
    expect(csv[1]?.startsWith('national,,2026,itInstalledMW,')).toBe(true);
  });
  it.each([
    [
      ['--samples', '4', '--vary', 'mfu=uniform:0,1'],
      '--vary mfu: not an uncertain input of the build-out (allowed: size, startShiftMonths, flexibleShare)',
    ],
    [
      ['--samples', '4', '--vary', '__proto__=uniform:0,1'],
      '--vary __proto__: not an uncertain input of the build-out (allowed: size, startShiftMonths, flexibleShare)',
    ],
    [
      ['--samples', '4', '--vary', 'toString=uniform:0,1'],
      '--vary toString: not an uncertain input of the build-out (allowed: size, startShiftMonths, flexibleShare)',
    ],
    [['--samples', '4', '--vary', 'size=uniform:1,0.5'], 'uncertainty size.min: min must be ≤ max'],
    [['--vary', 'size=uniform:0.5,1'], '--vary and --sampling need --samples N'],
    [
      ['--samples', '4', '--dates', 'p50'],
      '--samples draws the online dates from the supply chain itself; drop --dates p50',
    ],
    [['--samples', '0'], '--samples: must be a whole number from 1 to 1000000 (got "0")'],
  ])('bad: %s', (extra, message) => {
    const bad = gigawatt('buildout', file, ...extra);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(message);
  });
});

describe('bad input: exit 2 with the flag, the value and what is allowed', () => {
  it.each([
    [['--size', 'huge'], '--size: must be one of: near-term, announced (got "huge")'],
    [['--duplicates', 'merge'], '--duplicates: must be one of: drop, keep (got "merge")'],
    [['--dates', 'p99'], '--dates: must be one of: announced, p50, p90 (got "p99")'],
    [['--trials', '0'], '--trials: must be a whole number from 1 to 1000000 (got "0")'],
    [['--curtailment', '120'], "--curtailment: '120' is not a percentage in (0, 100)"],
  ])('%s', (args, message) => {
    const r = gigawatt('buildout', ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it('--size on another scenario', () => {
    const r = gigawatt('buildout', file, '--size', 'announced');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--size, --duplicates and --dates apply to the us-buildout scenario only');
  });
});

describe('gigawatt list campuses', () => {
  it('lists all 39 register rows with their sources (JSON) and how us-buildout uses each', () => {
    const r = gigawatt('list', 'campuses', '--json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows).toHaveLength(39);
    const abilene = rows.find((x: { id: string }) => x.id === 'stargate-abilene');
    expect(abilene.sourceUrls.length).toBeGreaterThan(0);
    expect(abilene.usBuildout.simulated).toBe(true);
    expect(abilene.usBuildout.itMW).toBeCloseTo(1200 / 1.35, 6);
    const homer = rows.find((x: { id: string }) => x.id === 'homer-city-energy-campus');
    expect(homer.usBuildout).toEqual({ simulated: false, reason: expect.stringMatching(/near-term rule/) });
  });
});
