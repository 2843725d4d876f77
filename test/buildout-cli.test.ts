/** `gigawatt buildout` and `gigawatt list campuses` as a user meets them: dist/cli.js in a child process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const gigawatt = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

// one register campus (Stargate Abilene, as us-buildout has it) so that the supply chain has a row too
const dir = mkdtempSync(join(tmpdir(), 'gigawatt-buildout-'));
const file = join(dir, 'one.yaml');
writeFileSync(
  file,
  `name: one
start: 2026-01-01
end: 2026-12-31
sites:
  - id: stargate-abilene
    location: { latitude: 32.45, longitude: -99.73, state: TX }
    weather: abilene-tx
    region: ERCOT
    interconnectMW: 1000
    cooling: liquid-dry-cooler
    phases:
      - { online: 2025-09-01, accelerator: gb300, itMW: 600 }
`,
);

describe('gigawatt buildout --json (the contract)', () => {
  const r = gigawatt('buildout', file, '--json', '--trials', '200', '--out', join(dir, 'out'));
  const out = JSON.parse(r.stdout);
  it('exits 0 with the documented top-level keys, version 1', () => {
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
    ]);
    expect(out.version).toBe(1);
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
