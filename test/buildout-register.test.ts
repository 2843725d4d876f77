/** The register → us-buildout conversion: each MW basis by hand, the rules, dates, regions, and the built-in file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceleratorOf, siteFor } from '../src/analysis/buildout/fleet.js';
import {
  type CampusRecord,
  convertCampus,
  convertRegister,
  isoDateOf,
  parseCsvText,
  parseRegister,
  powerBasisOf,
} from '../src/analysis/buildout/register.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { dataDir } from '../src/io/paths.js';

const file = join(dataDir(), 'campuses', 'us_ai_campuses.csv');
const records = parseRegister(readFileSync(file, 'utf8'), file);
const row = (id: string): CampusRecord => {
  const r = records.find((x) => x.id === id);
  if (r === undefined) throw new Error(`no row ${id}`);
  return r;
};

describe('register parsing', () => {
  it('reads all 39 rows with quoted fields intact', () => {
    expect(records).toHaveLength(39);
    expect(row('meta-hyperion').capexUSD).toBe(27_000_000_000);
    expect(row('fermi-project-matador').sourceUrls).toHaveLength(5);
  });
  it('parses quotes, doubled quotes and commas inside quotes', () => {
    expect(parseCsvText('a,b\n"x, y","say ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });
  it('names the line and column of a bad cell', () => {
    const bad =
      'id,name,state,latitude,longitude,balancing_authority,announced_power_mw,first_phase_mw,first_online,full_online,status,source_urls,notes\nx,X,TX,32,-99,ERCO,lots,,2026,,announced,,power_basis=IT\n';
    expect(() => parseRegister(bad, 'r.csv')).toThrow(
      "r.csv:2: column 'announced_power_mw' is 'lots', not a number",
    );
    const badDate = bad.replace('lots', '100').replace(',2026,', ',mid-2026,');
    expect(() => parseRegister(badDate, 'r.csv')).toThrow("r.csv:2: column 'first_online' is 'mid-2026'");
  });
  it('dates: year → 1 July, month → the 1st, quarter → its middle month', () => {
    expect(isoDateOf('2025')).toBe('2025-07-01');
    expect(isoDateOf('2025-10')).toBe('2025-10-01');
    expect(isoDateOf('2027-Q2')).toBe('2027-05-01');
    expect(isoDateOf('2027-Q4')).toBe('2027-11-01');
    expect(isoDateOf('2027-13')).toBeNull();
  });
  it('reads the basis tag of the notes', () => {
    expect(powerBasisOf('power_basis=IT (245 MW IT)')).toBe('it');
    expect(powerBasisOf('power_basis=generation/IT (company')).toBe('generation');
    expect(powerBasisOf('power_basis=grid-interconnect (ERCOT')).toBe('grid');
    expect(powerBasisOf('power_basis=none stated;')).toBe('none');
  });
});

describe('MW basis → IT MW, by hand', () => {
  it('IT: Hut 8 River Bend 1,245 MW IT stays 1,245', () => {
    const c = convertCampus(row('hut8-river-bend'));
    expect(c.basis).toBe('it');
    expect(c.itMW).toBe(1245);
    expect(c.firstPhaseITMW).toBe(245);
    expect(c.firstOnline).toBe('2027-05-01');
  });
  it('facility: Meta Prometheus 1,000 MW facility = 1000 / 1.35 = 740.7 MW IT', () => {
    const c = convertCampus(row('meta-prometheus'));
    expect(c.basis).toBe('facility');
    expect(c.itMW).toBeCloseTo(740.74, 2);
  });
  it('grid connection: IREN Sweetwater 2,000 MW = 1,481.5 MW IT, first 1,400 MW = 1,037.0', () => {
    const c = convertCampus(row('iren-sweetwater'));
    expect(c.basis).toBe('grid');
    expect(c.itMW).toBeCloseTo(1481.48, 2);
    expect(c.firstPhaseITMW).toBeCloseTo(1037.04, 2);
  });
  it('gross: Cipher Barber Lake 300 MW gross = 222.2 MW IT (Cipher states 207 MW IT: within 8 %)', () => {
    const c = convertCampus(row('cipher-barber-lake'));
    expect(c.basis).toBe('gross');
    expect(c.itMW).toBeCloseTo(222.22, 2);
    expect(Math.abs((c.itMW as number) / 207 - 1)).toBeLessThan(0.08);
    expect(c.firstPhaseITMW).toBe(168); // the first-phase figure is IT already
  });
  it('generation: GW Ranch phase 1 1,000 MW plant = 1000 / 1.2 / 1.35 = 617.3 MW IT; 7,650 announced = 4,722', () => {
    const near = convertCampus(row('pacifico-gw-ranch'));
    expect(near.basis).toBe('generation');
    expect(near.itMW).toBeCloseTo(617.28, 2);
    expect(near.offGrid).toBe(true);
    const all = convertCampus(row('pacifico-gw-ranch'), { size: 'announced', duplicates: 'drop' });
    expect(all.itMW).toBeCloseTo(4722.2, 1);
  });
});

describe('rules', () => {
  it('near-term size replaces aspirational maxima; announced keeps them', () => {
    const sum = (rules: Parameters<typeof convertRegister>[1]) =>
      convertRegister(records, rules).reduce((s, c) => s + (c.itMW ?? 0), 0);
    const near = sum({ size: 'near-term', duplicates: 'drop' });
    const ann = sum({ size: 'announced', duplicates: 'drop' });
    // Fermi 11,000 vs 1,000 (generation) alone moves 10,000/1.62 = 6,173 MW IT
    expect(ann - near).toBeGreaterThan(6173);
    expect(convertCampus(row('homer-city-energy-campus')).excluded).toMatch(/not stated/);
    expect(
      convertCampus(row('homer-city-energy-campus'), { size: 'announced', duplicates: 'drop' }).itMW,
    ).toBeCloseTo(4500 / 1.2 / 1.35, 6);
  });
  it('duplicate rows are dropped or kept by the switch', () => {
    expect(convertCampus(row('anthropic-fluidstack-texas')).excluded).toMatch(/duplicate rule/);
    expect(
      convertCampus(row('anthropic-fluidstack-texas'), { size: 'near-term', duplicates: 'keep' }).excluded,
    ).toBe('no MW figure in the register');
  });
  it('a near-term first stage comes online within two years, not on the aspirational full date', () => {
    const c = convertCampus(row('fermi-project-matador'));
    expect(c.firstOnline).toBe('2026-07-01');
    expect(c.fullOnline).toBe('2028-07-01');
  });
  it('regions: BAs without data stand in with the assumption said; off-grid campuses are off-grid', () => {
    expect(convertCampus(row('meta-el-paso')).region).toMatchObject({ regionId: 'AZPS', proxy: true });
    expect(convertCampus(row('crusoe-tallgrass-cheyenne')).region).toMatchObject({
      regionId: 'SPP',
      proxy: true,
    });
    expect(convertCampus(row('stargate-abilene')).region).toMatchObject({ regionId: 'ERCOT', proxy: false });
    expect(convertCampus(row('microsoft-pecos-kilby')).offGrid).toBe(true);
    expect(convertCampus(row('google-meitner-energy-center')).offGrid).toBe(false);
  });
});

describe('the built-in us-buildout scenario', () => {
  const { scenario } = loadScenario('us-buildout');
  const converted = convertRegister(records).filter((c) => c.excluded === null);
  it('has one site per simulated campus, equal to a fresh conversion (repeatable)', () => {
    expect(scenario.sites.map((s) => s.id)).toEqual(converted.map((c) => c.record.id));
    for (const c of converted) {
      const fresh = siteFor(c).site;
      const s = scenario.sites.find((x) => x.id === c.record.id);
      expect(s?.region).toBe(fresh.region);
      expect(s?.weather).toBe(fresh.weather);
      expect(s?.phases.map((p) => [p.online, p.itMW, p.accelerator])).toEqual(
        fresh.phases.map((p) => [p.online, p.itMW, p.accelerator]),
      );
    }
  });
  it('phases add up to the converted IT MW; weather is the nearest station', () => {
    const abilene = scenario.sites.find((s) => s.id === 'stargate-abilene');
    expect(abilene?.weather).toBe('abilene-tx');
    const total = abilene?.phases.reduce((s, p) => s + (p.itMW ?? 0), 0);
    expect(total).toBeCloseTo(1200 / 1.35, 0);
    const kilby = scenario.sites.find((s) => s.id === 'microsoft-pecos-kilby');
    expect(kilby?.interconnectMW).toBe(1);
    expect(kilby?.supply?.onsite[0]?.capacityMW).toBe(Math.ceil((2000 / 1.35) * 1.35 * 1.2));
  });
});

describe('stated accelerators', () => {
  it('the first one named, else GB300 (assumption)', () => {
    expect(acceleratorOf('~500000 Trainium2 (scaling to 1M)')).toEqual({ id: 'trainium2', stated: true });
    expect(acceleratorOf('550000 GB200/GB300 (planned); 110000 GB200 initial')).toEqual({
      id: 'gb200',
      stated: true,
    });
    expect(acceleratorOf('220000+ (H100, H200, GB200)')).toEqual({ id: 'h100', stated: true });
    expect(acceleratorOf('')).toEqual({ id: 'gb300', stated: false });
  });
  it('us-buildout carries the Trainium2 assumptions of project-rainier', () => {
    const { scenario } = loadScenario('us-buildout');
    expect(
      scenario.sites.find((x) => x.id === 'amazon-project-rainier-new-carlisle')?.phases[0]?.accelerator,
    ).toBe('trainium2');
    expect(scenario.acceleratorOverrides?.trainium2?.boardPowerW).toBe(500);
  });
});
