/** `gigawatt headroom` as a user meets it: the built bundle (dist/cli.js) in a child process. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLimitsPct, parseYears, regionOrUsage } from '../src/analysis/headroom-options.js';
import { headroomCommand } from '../src/cli/commands/headroom.js';
import { UsageError } from '../src/cli/usage-error.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const gigawatt = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const RESULT_KEYS = [
  'curtailmentPct',
  'headroomMW',
  'curtailedHoursPerYear',
  'meanEventHours',
  'events',
  'retained50Pct',
  'retained75Pct',
  'retained90Pct',
];

describe('gigawatt headroom --json (the contract)', () => {
  const r = gigawatt('headroom', '--region', 'ERCOT', '--json');
  const out = JSON.parse(r.stdout);
  it('exits 0 with exactly {region, years, results, cleaning, dataQuality}; 2016–2024 by default', () => {
    expect(r.status).toBe(0);
    expect(Object.keys(out)).toEqual(['region', 'years', 'results', 'cleaning', 'dataQuality']);
    expect(out.region).toBe('ERCOT');
    expect(out.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
  });
  it('dataQuality counts the hours the source imputed or corrected (PROVENANCE-extension-checks.csv)', () => {
    // ERCO not-OKAY shares 2016/17/18 = 0.82/0.82/1.1 % and 2019 0.01 %; 2020–2024 are unflagged sub-BA sums
    const expected = (0.82 * 8784 + 0.82 * 8760 + 1.1 * 8760 + 0.01 * 8760) / 100;
    expect(Math.abs(out.dataQuality.imputedOrFlaggedHours - expected)).toBeLessThan(4);
    // hour-ending 2020-01-01T00Z … 2024-12-31T23Z (the release split is by hour ending; the last hour is missing)
    expect(out.dataQuality.unflaggedHours).toBe(5 * 8760 + 2 * 24);
    expect(out.dataQuality.summerPeakImputedOrFlagged).toBe(false);
  });
  it('one result per default limit (0.25, 0.5, 1, 5 %), each with exactly the documented keys, all finite', () => {
    expect(out.results.map((x: { curtailmentPct: number }) => x.curtailmentPct)).toEqual([0.25, 0.5, 1, 5]);
    for (const x of out.results) {
      expect(Object.keys(x)).toEqual(RESULT_KEYS);
      for (const k of RESULT_KEYS) expect(Number.isFinite(x[k]), k).toBe(true);
    }
  });
  it('headroom, curtailed hours and events all grow with the limit', () => {
    for (let i = 1; i < out.results.length; i++) {
      for (const k of ['headroomMW', 'curtailedHoursPerYear', 'events'])
        expect(out.results[i][k], k).toBeGreaterThan(out.results[i - 1][k]);
    }
  });
  it('cleaning reports each screening rule with the hours it touched', () => {
    expect(
      out.cleaning.rules.map((x: { id: string; hoursTouched: number }) => [x.id, x.hoursTouched]),
    ).toEqual([
      ['missing-hour', 1],
      ['non-positive', 0],
      ['isolated-spike', 0],
    ]);
    expect(out.cleaning.hoursAnalysed).toBe(6 * 8760 + 3 * 8784 - 1); // 2016–2024, three leap years
    expect(out.cleaning.seasonClock).toBe('UTC-6');
  });
  it('accepts the EIA code (ERCO) for the same region and the same answer', () => {
    const eia = JSON.parse(gigawatt('headroom', '--region', 'ERCO', '--json').stdout);
    expect(eia.region).toBe('ERCOT');
    expect(eia.results).toEqual(out.results);
  });
});

describe('gigawatt headroom options', () => {
  it('--years takes a list and --curtailment a list of percents', () => {
    const r = gigawatt(
      'headroom',
      '--region',
      'NYIS',
      '--years',
      '2019,2021',
      '--curtailment',
      '0.5,2%',
      '--json',
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.region).toBe('NYISO');
    expect(out.years).toEqual([2019, 2021]);
    expect(out.results.map((x: { curtailmentPct: number }) => x.curtailmentPct)).toEqual([0.5, 2]);
    expect(out.cleaning.hoursAnalysed).toBe(2 * 8760);
  });
  it('prints a table with units: GW, % of peak, hours and events per year', () => {
    const r = gigawatt('headroom', '--region', 'PJM');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/curtailment limit\s+headroom\s+% of peak/);
    for (const limit of ['0.25 %', '0.5 %', '1 %', '5 %'])
      expect(r.stdout).toMatch(
        new RegExp(`^${limit.replace('.', '\\.')}\\s+[\\d.]+ GW\\s+[\\d.]+ %\\s+[\\d,.]+ h/yr`, 'm'),
      );
    expect(r.stdout).toMatch(/summer peak [\d.]+ GW/);
    expect(r.stdout).toMatch(/Rethinking Load Growth/);
  });
  it('--help explains the method and gives examples', () => {
    const r = gigawatt('headroom', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:/);
    expect(r.stdout).toMatch(/gigawatt headroom --region ERCOT/);
  });
});

describe('gigawatt headroom --scenario', () => {
  it('gives each site the curtailment it would face at its peak facility load', () => {
    const r = gigawatt('headroom', '--scenario', 'anthropic-fluidstack', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const run = JSON.parse(gigawatt('run', 'anthropic-fluidstack', '--json').stdout);
    expect(out.sites.map((s: { id: string; region: string }) => [s.id, s.region])).toEqual([
      ['west-texas', 'ERCOT'],
      ['western-new-york', 'NYISO'],
    ]);
    out.sites.forEach((s: Record<string, number>, i: number) => {
      expect(s.loadMW).toBe(run.sites[i].peakFacilityMW);
      // each site is smaller than its region's headroom at 0.5 %, so its rate is below 0.5 %
      expect(s.loadMW).toBeLessThan(s.regionHeadroomAtHalfPctMW as number);
      expect(s.curtailmentPct).toBeGreaterThan(0);
      expect(s.curtailmentPct).toBeLessThan(0.5);
      expect(s.curtailedEnergyMWhPerYear).toBeGreaterThan(0);
      expect(s.curtailedEnergyMWhPerYear).toBeLessThanOrEqual(
        (s.loadMW as number) * (s.curtailedHoursPerYear as number) + 1e-6,
      );
    });
    expect(Object.keys(out.cleaning).sort()).toEqual(['ERCOT', 'NYISO']);
  });
  it('prints a table per site with MW, GWh/yr and h/yr', () => {
    const r = gigawatt('headroom', '--scenario', 'stargate-abilene');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ERCOT\s+[\d.]+ (MW|GW)/);
    expect(r.stdout).toMatch(/h\/yr/);
  });
});

describe('bad input: exit 2 with what is allowed, no stack trace', () => {
  const bad = (args: string[], message: RegExp) => {
    const r = gigawatt('headroom', ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  };
  it('an unknown region lists the allowed ones', () =>
    bad(
      ['--region', 'TEXAS'],
      /--region: unknown balancing authority 'TEXAS'; allowed: all, ERCOT \(ERCO\), NYISO \(NYIS\), PJM.*, FPL, FPC/,
    ));
  it('a year with no data says which years exist', () =>
    bad(
      ['--region', 'ERCOT', '--years', '2014-2016'],
      /no complete demand data for 2014, 2015; years with data: 2016–2024/,
    ));
  it('a percentage outside (0, 100)', () =>
    bad(
      ['--region', 'ERCOT', '--curtailment', '0.5,100'],
      /--curtailment: '100' is not a percentage in \(0, 100\)/,
    ));
});

describe('argument checks (in process)', () => {
  const usage = (f: () => unknown, message: RegExp) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).exitCode).toBe(2);
      expect((e as Error).message).toMatch(message);
      return;
    }
    throw new Error('expected a UsageError');
  };
  const all = [2019, 2020, 2021, 2022, 2023, 2024];
  it('years: ranges, lists, and both mixed', () => {
    expect(parseYears('2019-2021,2023', all, 'ERCOT')).toEqual([2019, 2020, 2021, 2023]);
    expect(parseYears(undefined, all, 'ERCOT')).toEqual(all);
    // by default the window of Norris et al. (2016–2024) where the data have it: not the half year 2015
    expect(parseYears(undefined, [2015, ...all], 'ERCOT')).toEqual(all);
    expect(parseYears(undefined, [2014, 2015], 'X')).toEqual([2014, 2015]);
  });
  it('years: malformed, backwards, or without data', () => {
    usage(() => parseYears('19', all, 'ERCOT'), /--years: '19' is not a year/);
    usage(() => parseYears('2021-2019', all, 'ERCOT'), /runs backwards; write 2019-2021/);
    usage(
      () => parseYears('2025', all, 'PJM'),
      /PJM has no complete demand data for 2025; years with data: 2019–2024/,
    );
  });
  it('limits: percentages in (0, 100), an optional % sign', () => {
    expect(parseLimitsPct('0.25, 0.5,1%')).toEqual([0.25, 0.5, 1]);
    expect(parseLimitsPct(undefined)).toEqual([0.25, 0.5, 1, 5]);
    usage(() => parseLimitsPct('0'), /'0' is not a percentage in \(0, 100\)/);
    usage(() => parseLimitsPct('0.5,half'), /'half' is not a percentage/);
    usage(() => parseLimitsPct('0.5,'), /'' is not a percentage/);
  });
  it('regions: catalog ids and EIA codes', () => {
    expect(regionOrUsage('SWPP').id).toBe('SPP');
    usage(() => regionOrUsage('Texas'), /unknown region 'Texas'; allowed: .*ISO-NE \(ISNE\)/);
  });
  it('both a region and a scenario, or an unknown season clock', () => {
    usage(() => headroomCommand({ region: 'ERCOT', scenario: 'stargate-abilene' }), /not both/);
    usage(
      () => headroomCommand({ region: 'PJM', clock: 'est' }),
      /--clock: must be one of: local, utc \(got "est"\)/,
    );
  });
});
