import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EIA_FUEL_COLUMNS,
  EMISSION_FACTORS,
  ERCOT_FUEL_COLUMNS,
  emissionFactorGPerKWh,
  FUEL_IDS,
} from '../src/catalog/emission-factors.js';
import { hasProvenance } from '../src/catalog/provenance.js';
import {
  carbonSourceRegion,
  defaultPriceSeriesFor,
  getPriceSeries,
  getRegion,
  PRICE_SERIES,
  REGION_IDS,
  REGIONS,
} from '../src/catalog/regions.js';
import { completeYears } from '../src/engine/replay.js';
import { readCsv } from '../src/io/csv.js';
import { loadRegionHourly } from '../src/io/grid.js';

const DATA = join(import.meta.dirname, '..', 'data');

describe('region catalog', () => {
  it('lists the required balancing authorities with their EIA-930 codes', () => {
    const codes = Object.fromEntries(REGIONS.map((r) => [r.id, r.eiaBaCode]));
    expect(codes).toMatchObject({
      ERCOT: 'ERCO',
      NYISO: 'NYIS',
      PJM: 'PJM',
      MISO: 'MISO',
      SPP: 'SWPP',
      CAISO: 'CISO',
      'ISO-NE': 'ISNE',
      SOCO: 'SOCO',
      TVA: 'TVA',
      DUK: 'DUK',
      AZPS: 'AZPS',
      BPAT: 'BPAT',
    });
    expect(REGIONS.map((r) => r.id)).toEqual([...REGION_IDS]);
  });

  it('points every region at files that ship in data/grid', () => {
    for (const r of REGIONS) {
      const files = [r.demand.file, r.fuelMix?.file, r.electricityMaps?.file].filter((f) => f !== undefined);
      for (const f of files) {
        expect(f.startsWith('grid/'), f).toBe(true);
        expect(existsSync(join(DATA, f)), f).toBe(true);
      }
    }
  });

  it('has no invented fuel mix for SPP, DUK and TVA, but a labelled proxy with a stated bias', () => {
    for (const id of ['SPP', 'DUK', 'TVA']) {
      const r = getRegion(id);
      expect(r.fuelMix).toBeNull();
      expect(r.carbonProxy?.basis.length).toBeGreaterThan(20);
      expect(r.carbonProxy?.biasBasis.length).toBeGreaterThan(20);
      expect(r.carbonProxy?.bias).toBe('overstates');
      const src = carbonSourceRegion(id);
      expect(src.proxy).toBe(r.carbonProxy);
      expect(src.region.fuelMix).not.toBeNull();
    }
    expect(carbonSourceRegion('TVA').region.id).toBe('SOCO');
    expect(carbonSourceRegion('DUK').region.id).toBe('SOCO');
    // Every region has exactly one of: own mix, proxy.
    for (const r of REGIONS) expect((r.fuelMix === null) !== (r.carbonProxy === null), r.id).toBe(true);
  });

  it('states complete fuel-mix and demand years that match the files (≥ 99 % of UTC hours)', () => {
    for (const r of REGIONS) {
      const h = loadRegionHourly(r.id, DATA);
      expect(completeYears(h.demandMW), r.id).toEqual([...r.demand.completeYears]);
      if (r.fuelMix) expect(completeYears(h.carbonGPerKWh), r.id).toEqual([...r.fuelMix.completeYears]);
    }
  });

  it('resolves regions by catalog id or EIA code and rejects unknown ids', () => {
    expect(getRegion('ERCO')).toBe(getRegion('ERCOT'));
    expect(getRegion('SWPP').id).toBe('SPP');
    expect(() => getRegion('TEXAS')).toThrow(/unknown grid region 'TEXAS'/);
  });
});

describe('price series catalog', () => {
  it('points every price series at an existing column of an existing file', () => {
    for (const p of PRICE_SERIES) {
      const path = join(DATA, p.file);
      expect(existsSync(path), p.file).toBe(true);
      expect(readCsv(path).hasColumn(p.column), `${p.id}: ${p.column}`).toBe(true);
      expect(p.firstYear).toBeLessThanOrEqual(p.lastYear);
    }
  });

  it('has the named series with their market type', () => {
    expect(getPriceSeries('ERCOT-HB_WEST')).toMatchObject({
      market: 'DA',
      column: 'HB_WEST_dam_spp_usd_per_MWh',
    });
    expect(getPriceSeries('ERCOT-HB_NORTH').market).toBe('DA');
    expect(getPriceSeries('ERCOT-HB_HUBAVG').firstYear).toBe(2020);
    expect(getPriceSeries('NYISO-CAPITL').market).toBe('DA');
    expect(getPriceSeries('PJM-DOM').market).toBe('RT');
    expect(getPriceSeries('CAISO-NP15').market).toBe('DA');
    expect(() => getPriceSeries('MISO-ILLINOIS')).toThrow(/unknown price series/);
    expect(new Set(PRICE_SERIES.map((p) => p.id)).size).toBe(PRICE_SERIES.length);
  });

  it('links regions to their own price series; only the four ISOs with prices have a default', () => {
    for (const r of REGIONS) {
      for (const id of r.priceSeriesIds) expect(getPriceSeries(id).regionId).toBe(r.id);
      if (r.defaultPriceSeriesId !== null) expect(r.priceSeriesIds).toContain(r.defaultPriceSeriesId);
    }
    const withDefault = REGIONS.filter((r) => defaultPriceSeriesFor(r.id) !== undefined).map((r) => r.id);
    expect(withDefault).toEqual(['ERCOT', 'NYISO', 'PJM', 'CAISO']);
  });
});

describe('emission factors', () => {
  it('gives every factor a citation or a stated basis', () => {
    for (const f of FUEL_IDS) {
      expect(hasProvenance(EMISSION_FACTORS[f].lifecycleGPerKWh), f).toBe(true);
      expect(hasProvenance(EMISSION_FACTORS[f].directGPerKWh), f).toBe(true);
    }
  });

  it('uses the IPCC AR5 Annex III Table A.III.2 lifecycle medians', () => {
    const lc = Object.fromEntries(FUEL_IDS.map((f) => [f, emissionFactorGPerKWh(f, 'lifecycle')]));
    expect(lc).toMatchObject({
      coal: 820,
      gas: 490,
      biomass: 230,
      geothermal: 38,
      hydro: 24,
      nuclear: 12,
      solar: 48,
      wind: 11,
    });
    expect(EMISSION_FACTORS.coal.lifecycleGPerKWh.source).toMatch(/A\.III\.2/);
  });

  it('marks oil and other (absent from the IPCC table) as estimates', () => {
    expect(EMISSION_FACTORS.oil.lifecycleGPerKWh.estimate).toBeTruthy();
    expect(EMISSION_FACTORS.other.lifecycleGPerKWh.estimate).toBeTruthy();
    expect(EMISSION_FACTORS.oil.directGPerKWh.estimate).toBeTruthy();
  });

  it('never has direct emissions above lifecycle emissions, and zero direct for non-combustion sources', () => {
    for (const f of FUEL_IDS) {
      expect(emissionFactorGPerKWh(f, 'direct'), f).toBeLessThanOrEqual(
        emissionFactorGPerKWh(f, 'lifecycle'),
      );
    }
    for (const f of ['nuclear', 'hydro', 'solar', 'wind', 'geothermal'] as const) {
      expect(emissionFactorGPerKWh(f, 'direct')).toBe(0);
    }
  });

  it('maps the fuel columns of the data files, treating ERCOT storage charging as load', () => {
    const ercot = readCsv(join(DATA, 'grid/ercot/ERCOT_fuelmix_hourly_2017_2024.csv.gz'));
    for (const c of Object.keys(ERCOT_FUEL_COLUMNS)) expect(ercot.hasColumn(c), c).toBe(true);
    const generationColumns = ercot.header.filter((h) => h.endsWith('_MW') && h !== 'total_generation_MW');
    expect(generationColumns.filter((h) => !(h in ERCOT_FUEL_COLUMNS))).toEqual(['wsl_storage_charging_MW']);
    const eia = readCsv(join(DATA, 'grid/eia930/PJM_eia930_hourly_2019_2024.csv.gz'));
    expect(eia.header.filter((h) => h.startsWith('ng_') && h !== 'ng_sum_of_fuels_MW').sort()).toEqual(
      Object.keys(EIA_FUEL_COLUMNS).sort(),
    );
  });
});
