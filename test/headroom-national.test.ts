/**
 * `gigawatt headroom` over every bundled balancing authority (issue 10 item 6): the 12 scenario regions
 * with 2016–2018 added, the 19 demand-only BAs, the national total and what each figure rests on.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NORRIS_2025_NATIONAL_GW } from '../src/analysis/headroom.js';
import { DEMAND_ONLY_BAS, getRegion, REGION_IDS } from '../src/catalog/regions.js';
import { HOUR_MS } from '../src/engine/series.js';
import { loadDemandHistory } from '../src/io/grid.js';
import { nationalHeadroom } from '../src/io/headroom-report.js';
import { dataDir } from '../src/io/paths.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');

describe('demand history', () => {
  it('joins 2015-07 … 2018 to 2019–2024 hour to hour for the scenario regions', () => {
    const h = loadDemandHistory('PJM', dataDir());
    expect(h.demandMW.startMs).toBe(Date.UTC(2015, 6, 1));
    expect(h.demandMW.values.length).toBe((Date.UTC(2025, 0, 1) - Date.UTC(2015, 6, 1)) / HOUR_MS);
    // the boundary hours quoted in PROVENANCE-extension.md: PJM 94,016 → 90,385 MW
    const at = (Date.UTC(2019, 0, 1) - h.demandMW.startMs) / HOUR_MS;
    expect(h.demandMW.values[at - 1]).toBe(94_016);
    expect(h.demandMW.values[at]).toBe(90_385);
    // the cleaned series starts at hour 23 (PROVENANCE-extension.md, verification 3)
    expect(Number.isNaN(h.demandMW.values[22])).toBe(true);
    expect(Number.isFinite(h.demandMW.values[23])).toBe(true);
  });
  it('the 19 demand-only BAs load by EIA code but are not scenario regions', () => {
    expect(DEMAND_ONLY_BAS.length).toBe(19);
    expect(REGION_IDS.length).toBe(12);
    for (const b of DEMAND_ONLY_BAS) {
      expect(() => getRegion(b.eiaBaCode)).toThrow(/unknown grid region/);
      expect(loadDemandHistory(b.eiaBaCode, dataDir()).demandMW.values.length).toBe(83_328);
    }
  });
  it('a file whose rows skip an hour, or hold a bad number, is named with its row', () => {
    const header =
      'interval_start_utc,interval_end_utc,demand_MW,demand_cleaned_MW,demand_cleaned_category,demand_source';
    const row = (h: string, mw: string) => `2020-01-01T${h}:00:00Z,x,${mw},${mw},OKAY,TR2025`;
    const dataWith = (rows: string[]) => {
      const dir = mkdtempSync(join(tmpdir(), 'gigawatt-demand-'));
      mkdirSync(join(dir, 'grid', 'eia930_more_bas'), { recursive: true });
      const file = join(dir, 'grid', 'eia930_more_bas', 'SPA_eia930_hourly_2015_2024.csv.gz');
      writeFileSync(file, gzipSync([header, ...rows].join('\n')));
      return dir;
    };
    expect(() => loadDemandHistory('SPA', dataWith([row('00', '70'), row('02', '71')]))).toThrow(
      /SPA_eia930_hourly_2015_2024\.csv\.gz: row 3: 2020-01-01T02:00:00Z is not the hour after the previous row \(expected 2020-01-01T01:00:00\.000Z\)/,
    );
    expect(() => loadDemandHistory('SPA', dataWith([row('00', '70'), row('01', '7x1')]))).toThrow(
      /row 3, demand_cleaned_MW: not a number '7x1'/,
    );
  });
  it('an unknown BA names those that have history', () => {
    expect(() => loadDemandHistory('XYZ', dataDir())).toThrow(
      /no demand history bundled for 'XYZ'; known: ERCOT, .*WACM/,
    );
  });
});

describe('national headroom (in process)', () => {
  const x = nationalHeadroom({});
  it('covers the 31 BAs over 2016–2024', () => {
    expect(x.bas).toBe(31);
    expect(x.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(x.rows.map((r) => r.region)).toEqual([...REGION_IDS, ...DEMAND_ONLY_BAS.map((b) => b.eiaBaCode)]);
  });
  it('the total is the sum of the BAs at each limit, and grows with the limit', () => {
    x.total.forEach((t, k) => {
      const sum = x.rows.reduce((s, r) => s + (r.headroomMW[k] as number), 0);
      expect(t.headroomMW).toBeCloseTo(sum, 6);
      if (k > 0) expect(t.headroomMW).toBeGreaterThan(x.total[k - 1]?.headroomMW as number);
    });
  });
  it('sets the published national figures beside ours at 0.25, 0.5 and 1 % only', () => {
    expect(x.total.map((t) => ('norris2025MW' in t ? t.norris2025MW : null))).toEqual([
      76_000,
      98_000,
      126_000,
      null,
    ]);
    expect(NORRIS_2025_NATIONAL_GW).toEqual({ '0.25': 76, '0.5': 98, '1': 126 });
  });
  it('over 2016–2024 the 31 BAs land within 10 % of the 22-BA national figures (76 / 98 / 126 GW)', () => {
    // Not a tuning target: a different set of BAs (ours 31, theirs 22, unlisted) on the same years and method.
    for (const t of x.total.slice(0, 3)) {
      const ratio = (t as { ratioToNorris2025: number }).ratioToNorris2025;
      expect(ratio).toBeGreaterThan(0.9);
      expect(ratio).toBeLessThan(1.1);
    }
  });
  it('imputed hours per BA match the provenance check table (19 demand-only BAs, 2016–2024)', () => {
    const csv = readFileSync(join(dataDir(), 'grid', 'PROVENANCE-extension-checks.csv'), 'utf8')
      .trim()
      .split('\n');
    const header = (csv[0] as string).split(',');
    const col = (n: string) => header.indexOf(n);
    const expected = new Map<string, number>();
    for (const line of csv.slice(1)) {
      const c = line.split(',');
      const year = Number(c[col('year')]);
      if (c[col('folder')] !== 'eia930_more_bas' || year < 2016) continue;
      const ba = c[col('ba')] as string;
      const hours = (Number(c[col('not_okay_pct')]) * Number(c[col('rows')])) / 100;
      expected.set(ba, (expected.get(ba) ?? 0) + hours);
    }
    for (const r of x.rows.filter((row) => !(REGION_IDS as readonly string[]).includes(row.region))) {
      // table rounds each year's share to 0.01 % (≤ 0.44 h a year); the last hour of 2024 is dropped here
      expect(
        Math.abs(r.dataQuality.imputedOrFlaggedHours - (expected.get(r.eiaBaCode) as number)),
        r.region,
      ).toBeLessThan(6);
    }
  });
  it('says what the SC and IPCO figures rest on: the 2020 vintage step', () => {
    for (const ba of ['SC', 'IPCO']) {
      const row = x.rows.find((r) => r.region === ba);
      expect(row?.dataQuality.caveats.join(' ')).toMatch(/level step at 2020-01-01/);
    }
  });
});

describe('gigawatt headroom (no region): the text table', () => {
  const r = spawnSync(process.execPath, [CLI, 'headroom', '--curtailment', '0.5'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  it('prints every BA, the total over 31 BAs beside Norris et al., and the caveats', () => {
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/31 balancing authorities, UTC years 2016–2024/);
    expect(r.stdout).toMatch(/total \(31 BAs\)\s+\d+(\.\d+)? GW/);
    expect(r.stdout).toMatch(/Norris et al\. 2025 \(22 BAs, 2016–2024\)\s+98 GW/);
    expect(r.stdout).toMatch(/SPP: 2018: 2,435 raw hours missing/);
    for (const id of [...REGION_IDS, 'FPL', 'WACM']) expect(r.stdout).toContain(`\n${id} `);
  });
});
