/** The CLI as a user meets it: the built bundle (dist/cli.js, made by `npm run build`) in a child process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { ADDITIVE_KEYS, METRIC_KEYS } from '../src/engine/metrics.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const gigawatt = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('gigawatt run --json (the contract)', () => {
  const r = gigawatt('run', 'anthropic-fluidstack', '--json');
  const out = JSON.parse(r.stdout);
  it('exits 0 with the documented top-level fields', () => {
    expect(r.status).toBe(0);
    expect(out.scenario).toBe('anthropic-fluidstack');
    expect(out.period).toEqual({ start: '2026-01-01', end: '2030-12-31' });
    expect(Object.keys(out.totals).sort()).toEqual([...METRIC_KEYS].sort());
    expect(out.sites.map((s: { id: string }) => s.id)).toEqual(['west-texas', 'western-new-york']);
    expect(out.years.map((y: { year: number }) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
  });
  it('every number is finite', () => {
    const check = (m: Record<string, unknown>) => {
      for (const k of METRIC_KEYS) expect(Number.isFinite(m[k]), k).toBe(true);
    };
    check(out.totals);
    out.sites.forEach(check);
    out.years.forEach(check);
  });
  it('sites and years sum to totals (peaks and PUE excepted)', () => {
    for (const k of ADDITIVE_KEYS) {
      const bySite = out.sites.reduce((a: number, s: Record<string, number>) => a + (s[k] as number), 0);
      const byYear = out.years.reduce((a: number, y: Record<string, number>) => a + (y[k] as number), 0);
      const tolerance = 1e-9 * Math.max(1, Math.abs(out.totals[k]));
      expect(Math.abs(bySite - out.totals[k]), k).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(byYear - out.totals[k]), k).toBeLessThanOrEqual(tolerance);
    }
  });
  it('PUE = facility / IT energy, peaks bound the sites', () => {
    expect(out.totals.pue).toBeCloseTo(out.totals.facilityEnergyMWh / out.totals.itEnergyMWh, 9);
    expect(out.totals.peakFacilityMW).toBeLessThanOrEqual(
      out.sites.reduce((a: number, s: { peakFacilityMW: number }) => a + s.peakFacilityMW, 0) + 1e-6,
    );
  });
  it('the $50B build-out: capex near $50B and the announced 800 permanent / 2,400 construction jobs', () => {
    expect(out.totals.capexUSD).toBeGreaterThan(45e9);
    expect(out.totals.capexUSD).toBeLessThan(55e9);
    expect(Math.abs(out.totals.jobsPermanent - 800)).toBeLessThanOrEqual(80);
    expect(Math.abs(out.totals.jobsConstruction - 2400)).toBeLessThanOrEqual(240);
  });
});

describe('gigawatt run (text)', () => {
  it('prints a summary with units', () => {
    const r = gigawatt('run');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/anthropic-fluidstack/);
    expect(r.stdout).toMatch(/TWh/);
    expect(r.stdout).toMatch(/Mt CO2e|kt CO2e/);
    expect(r.stdout).toMatch(/\$[\d.]+B/);
  });
  it('--explain lists the values used with their sources', () => {
    const r = gigawatt('run', 'stargate-abilene', '--explain');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/compute\.mfu/);
    expect(r.stdout).toMatch(/accelerators\.gb200\.boardPowerW/);
  });
  it('--out writes CSV and Parquet that read back with the same values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-'));
    const r = gigawatt('run', 'colossus-memphis', '--out', dir, '--quiet');
    expect(r.status).toBe(0);
    const csv = readFileSync(join(dir, 'memphis.hourly.csv'), 'utf8').trim().split('\n');
    const header = (csv[0] as string).split(',');
    expect(header[0]).toBe('time_utc');
    expect(header).toContain('facilityMW');
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(csv.length - 1).toBe(summary.hours);
    const fIdx = header.indexOf('facilityMW');
    const sumCsv = csv.slice(1).reduce((a, line) => a + Number(line.split(',')[fIdx]), 0);
    expect(sumCsv).toBeCloseTo(summary.totals.facilityEnergyMWh, 0);
    const buf = readFileSync(join(dir, 'memphis.hourly.parquet'));
    const rows = await parquetReadObjects({
      file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
    });
    expect(rows.length).toBe(summary.hours);
    const sumPq = rows.reduce((a, row) => a + (row.facilityMW as number), 0);
    expect(sumPq).toBeCloseTo(summary.totals.facilityEnergyMWh, 3);
  });
});

describe('bad input: exit status 2, one line per problem, no stack trace', () => {
  it('validate reports file:line:column and the field path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      readFileSync(join(import.meta.dirname, '..', 'scenarios', 'colossus-memphis.yaml'), 'utf8').replace(
        'accelerator: h200',
        'accelerator: h900',
      ),
    );
    const r = gigawatt('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: sites\\[0\\]\\.phases\\[1\\]\\.accelerator: must be one of`,
      ),
    );
    expect(r.stderr).toMatch(/got "h900"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('a missing scenario names it and lists the built-ins', () => {
    const r = gigawatt('run', 'no-such-scenario');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-scenario.*built-ins: anthropic-fluidstack/);
  });
  it('an unknown option is a usage error', () => {
    const r = gigawatt('run', '--jsn');
    expect(r.status).toBe(2);
  });
  it('every built-in scenario validates', () => {
    const r = gigawatt(
      'validate',
      'anthropic-fluidstack',
      'stargate-abilene',
      'project-rainier',
      'colossus-memphis',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('schema and list', () => {
  it('schema prints a JSON Schema with the scenario fields', () => {
    const r = gigawatt('schema');
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.sites.items.properties.interconnectMW.type).toBe('number');
    expect(schema.properties.sites.items.properties.phases.items.properties.accelerator.enum).toContain(
      'gb300',
    );
  });
  it('list accelerators shows units', () => {
    const r = gigawatt('list', 'accelerators');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/h100.*700 W/);
  });
});

describe('missing data', () => {
  it('names the missing file and where it comes from, without a stack trace', () => {
    const empty = mkdtempSync(join(tmpdir(), 'gw-nodata-'));
    const r = spawnSync(process.execPath, [CLI, 'run', 'stargate-abilene'], {
      encoding: 'utf8',
      env: { ...process.env, GIGAWATT_DATA_DIR: empty },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/not found: .*(TX_Abilene_TMY2\.csv|\.csv\.gz)/);
    expect(r.stderr).toMatch(/PROVENANCE\.md/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
