/**
 * The build-out's outputs beyond --json, as a user meets them (dist/cli.js in a child process): the
 * Parquet tables of --out read back with DuckDB, water attributed to the register's county, and the
 * HTML section of --html holding the same figures as the JSON of the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { buildoutSectionHtml, headroomUsed } from '../src/report/buildout.js';

const root = join(import.meta.dirname, '..');
const CLI = join(root, 'dist', 'cli.js');

const dir = mkdtempSync(join(tmpdir(), 'gigawatt-buildout-outputs-'));
const file = join(root, 'test', 'fixtures', 'buildout-three.yaml');
const out = join(dir, 'out');
const html = join(dir, 'three.html');
const run = spawnSync(
  process.execPath,
  [CLI, 'buildout', file, '--json', '--trials', '200', '--out', out, '--html', html],
  { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
);

interface Report {
  limitsPct: number[];
  regions: {
    region: string;
    year: number;
    campuses: string[];
    headroomBeforeMW: number[];
    headroomAfterMW: number[];
    firmNeedMW: number;
    campusAtRegionPeakMW: number;
    flexible: { curtailedHoursPerYear: number; curtailedGWhPerYear: number; curtailmentPct: number };
  }[];
  campuses: {
    id: string;
    state: string;
    county: string;
    locationPrecision: string;
    offGrid: boolean;
    years: { year: number; waterM3: number; itInstalledMW: number; gridGWh: number }[];
  }[];
  water: {
    rule: string;
    byCounty: { state: string; county: string; year: number; campuses: string[]; waterM3: number }[];
    byState: { state: string; year: number; campuses: string[]; waterM3: number }[];
  };
  supplyChain: {
    phases: {
      campusId: string;
      phaseId: string;
      p10: string;
      p50: string;
      p90: string;
      probabilityOnTime: number;
    }[];
    national: { year: number; announcedMW: number; p50MW: number; p90MW: number }[];
  };
  whoPays: { pjm: { years: { year: number; firm: { othersDeltaUSD: number } }[] } | null };
}
if (run.status !== 0) throw new Error(`gigawatt buildout failed (${run.status}): ${run.stderr}`);
const report = JSON.parse(run.stdout) as Report;

describe('the run', () => {
  it('exits 0', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(report.regions.map((r) => r.region)).toEqual(['ERCOT', 'PJM']);
  });
});

describe('--out: Parquet tables read back with DuckDB', () => {
  const instance = DuckDBInstance.create(':memory:');
  afterAll(async () => (await instance).closeSync());
  const query = async (sql: string) => {
    const conn = await (await instance).connect();
    try {
      return (await conn.runAndReadAll(sql)).getRowObjectsJson();
    } finally {
      conn.closeSync();
    }
  };
  const pq = (name: string) => `'${join(out, `${name}.parquet`)}'`;

  it('regions.parquet: one row per BA × year with the JSON figures, typed columns', async () => {
    const rows = await query(`SELECT * FROM read_parquet(${pq('regions')}) ORDER BY region, year`);
    expect(rows).toHaveLength(report.regions.length);
    for (const [i, r] of report.regions.entries()) {
      const row = rows[i] as Record<string, unknown>;
      expect(row.region).toBe(r.region);
      expect(row.year).toBe(r.year);
      expect(row.campuses).toBe(r.campuses.join(';'));
      expect(row.firm_need_MW).toBe(r.firmNeedMW);
      expect(row.campus_at_region_peak_MW).toBe(r.campusAtRegionPeakMW);
      expect(row.flexible_curtailed_GWh_per_year).toBe(r.flexible.curtailedGWhPerYear);
      for (const [k, p] of report.limitsPct.entries()) {
        expect(row[`headroom_before_${p}pct_MW`]).toBe(r.headroomBeforeMW[k]);
        expect(row[`headroom_after_${p}pct_MW`]).toBe(r.headroomAfterMW[k]);
      }
    }
    const types = await query(`DESCRIBE SELECT * FROM read_parquet(${pq('regions')})`);
    const typeOf = (c: string) => types.find((t) => t.column_name === c)?.column_type;
    expect(typeOf('year')).toBe('INTEGER');
    expect(typeOf('region')).toBe('VARCHAR');
    expect(typeOf('firm_need_MW')).toBe('DOUBLE');
  });

  it('campuses.parquet: campus × year with county and off-grid flag, the JSON figures', async () => {
    const rows = await query(
      `SELECT id, county, off_grid, year, it_installed_MW, water_m3, grid_GWh FROM read_parquet(${pq('campuses')})`,
    );
    const expected = report.campuses.flatMap((c) =>
      c.years.map((y) => ({
        id: c.id,
        county: c.county,
        off_grid: c.offGrid,
        year: y.year,
        it_installed_MW: y.itInstalledMW,
        water_m3: y.waterM3,
        grid_GWh: y.gridGWh,
      })),
    );
    expect(rows).toEqual(expected);
  });

  it('water-by-county.parquet sums to the campuses’ water', async () => {
    const [sum] = await query(`SELECT sum(water_m3) AS m3 FROM read_parquet(${pq('water-by-county')})`);
    const total = report.campuses.reduce((s, c) => s + c.years.reduce((t, y) => t + y.waterM3, 0), 0);
    expect(sum?.m3).toBeCloseTo(total, 3);
  });
});

describe('water by county', () => {
  const abilene = report.campuses.find((c) => c.id === 'stargate-abilene');
  const mine = report.campuses.find((c) => c.id === 'my-campus');
  const prometheus = report.campuses.find((c) => c.id === 'meta-prometheus');

  it('a register campus carries the register’s county (Taylor, TX; Licking, OH) and location precision', () => {
    expect(abilene).toMatchObject({ state: 'TX', county: 'Taylor', locationPrecision: 'town' });
    expect(prometheus).toMatchObject({ state: 'OH', county: 'Licking' });
    expect(mine).toMatchObject({ state: 'TX', county: '', locationPrecision: '' });
  });

  it('each campus’s water lands in its county; one not in the register in its state only; dry cooling adds none', () => {
    const w = report.water.byCounty;
    const at = (county: string) => w.find((x) => x.state === 'TX' && x.county === county && x.year === 2026);
    expect(at('Taylor')?.waterM3).toBe(abilene?.years[0]?.waterM3);
    expect(at('Taylor')?.campuses).toEqual(['stargate-abilene']);
    expect(at('')?.waterM3).toBe(mine?.years[0]?.waterM3);
    // evaporative cooling consumes water; dry coolers (Prometheus) none, so Ohio has no row
    expect(abilene?.years[0]?.waterM3).toBeGreaterThan(0);
    expect(prometheus?.years[0]?.waterM3).toBe(0);
    expect(w.some((x) => x.state === 'OH')).toBe(false);
    const tx = report.water.byState.find((x) => x.state === 'TX' && x.year === 2026);
    expect(tx?.waterM3).toBeCloseTo(
      (abilene?.years[0]?.waterM3 as number) + (mine?.years[0]?.waterM3 as number),
      6,
    );
    expect(report.water.rule).toMatch(/^ASSUMPTION: .*county the campus register names/);
    expect(report.water.rule).toMatch(/No watershed \(HUC\)/);
  });
});

describe('--html: the report section holds the JSON’s figures', () => {
  const page = readFileSync(html, 'utf8');
  /** The data-value of every cell with this key inside the row opened by `rowAttr`. */
  const cell = (rowAttr: string, key: string): number[] => {
    const start = page.indexOf(rowAttr);
    expect(start, rowAttr).toBeGreaterThan(-1);
    const row = page.slice(start, page.indexOf('</tr>', start));
    return [
      ...row.matchAll(new RegExp(`data-key="${key.replace(/[.@]/g, '\\$&')}" data-value="([^"]+)"`, 'g')),
    ].map((m) => Number(m[1]));
  };

  it('per BA × year: firm need, load at the region’s peak, curtailment and headroom used', () => {
    for (const r of report.regions) {
      const tr = `data-region="${r.region}" data-year="${r.year}"`;
      expect(cell(tr, 'firmNeedMW')).toEqual([r.firmNeedMW]);
      expect(cell(tr, 'campusAtRegionPeakMW')).toEqual([r.campusAtRegionPeakMW]);
      expect(cell(tr, 'flexible.curtailedHoursPerYear')).toEqual([r.flexible.curtailedHoursPerYear]);
      for (const [i, p] of report.limitsPct.entries()) {
        // headroom used: the share of the headroom before that the campuses take, 1 − after/before
        const before = r.headroomBeforeMW[i] as number;
        const after = r.headroomAfterMW[i] as number;
        const used = cell(tr, `headroomUsed@${p}`)[0] as number;
        if (before > 0) expect(used).toBeCloseTo(Math.max(0, 1 - after / before), 12);
        expect(used).toBeGreaterThanOrEqual(0);
        expect(used).toBeLessThanOrEqual(1);
      }
    }
  });

  it('campuses: the P10/P50/P90 dates and P(on time) of every phase', () => {
    for (const p of report.supplyChain.phases) {
      const start = page.indexOf(`data-campus="${p.campusId}" data-phase="${p.phaseId}"`);
      const row = page.slice(start, page.indexOf('</tr>', start));
      expect(row).toContain(
        `<td data-key="p10">${p.p10}</td><td data-key="p50">${p.p50}</td><td data-key="p90">${p.p90}</td>`,
      );
      expect(cell(`data-campus="${p.campusId}" data-phase="${p.phaseId}"`, 'probabilityOnTime')).toEqual([
        p.probabilityOnTime,
      ]);
    }
  });

  it('GW online: one chart and a table of announced, P50 and P90 per year; the PJM panel', () => {
    expect(page.split('<svg class="buildout-online-chart"').length - 1).toBe(1);
    const table = page.slice(page.indexOf('<table class="buildout-online">'));
    for (const n of report.supplyChain.national) {
      const start = table.indexOf(`<tr data-year="${n.year}">`);
      const row = table.slice(start, table.indexOf('</tr>', start));
      expect(row).toContain(`data-key="announcedMW" data-value="${n.announcedMW}"`);
      expect(row).toContain(`data-key="p50MW" data-value="${n.p50MW}"`);
      expect(row).toContain(`data-key="p90MW" data-value="${n.p90MW}"`);
    }
    const pjm = page.slice(page.indexOf('<table class="buildout-pjm">'));
    for (const y of report.whoPays.pjm?.years ?? [])
      expect(pjm).toContain(`data-key="firm.othersDeltaUSD" data-value="${y.firm.othersDeltaUSD}"`);
    expect(report.whoPays.pjm?.years.length).toBeGreaterThan(0);
  });

  it('water and the sources: the attribution rule is printed; nothing is fetched', () => {
    expect(page).toContain('Water by county');
    expect(page).toContain('Taylor');
    expect(page).toContain('Sources and assumptions');
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/i);
  });
});

describe('--html into a folder that does not exist', () => {
  it('exit 2 naming the flag and the folder, before any computation', () => {
    const r = spawnSync(process.execPath, [CLI, 'buildout', file, '--html', join(dir, 'nowhere', 'x.html')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `--html: cannot write ${join(dir, 'nowhere', 'x.html')}: the folder ${join(dir, 'nowhere')} does not exist`,
    );
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.stdout).toBe('');
  });
});

describe('the section escapes what the user wrote', () => {
  it('a scenario name and a campus id with markup come out as text', () => {
    const evil = {
      ...report,
      scenario: '<script>alert(1)</script>',
      supplyChain: {
        ...report.supplyChain,
        phases: report.supplyChain.phases.map((p) => ({ ...p, campusId: '"><img src=x>' })),
      },
    } as unknown as Parameters<typeof buildoutSectionHtml>[0];
    const section = buildoutSectionHtml(evil);
    expect(section).not.toContain('<script>');
    expect(section).not.toContain('<img');
    expect(section).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });
});

describe('headroomUsed', () => {
  const row = (before: number, after: number) =>
    ({ headroomBeforeMW: [before], headroomAfterMW: [after] }) as unknown as Parameters<
      typeof headroomUsed
    >[0];
  it('1 − after/before, clamped; no headroom before and none after is all used', () => {
    expect(headroomUsed(row(1000, 250), 0)).toBe(0.75);
    expect(headroomUsed(row(1000, 1000), 0)).toBe(0);
    expect(headroomUsed(row(1000, 0), 0)).toBe(1);
    expect(headroomUsed(row(0, 0), 0)).toBe(1);
  });
});
