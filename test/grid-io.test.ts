import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emissionFactorGPerKWh, FUEL_IDS } from '../src/catalog/emission-factors.js';
import { HOUR_MS, type HourlySeries } from '../src/engine/series.js';
import { clearCsvCache, hourlyColumn, readCsv } from '../src/io/csv.js';
import {
  fuelMixIntensityGPerKWh,
  loadElectricityMapsIntensity,
  loadPriceSeries,
  loadRegionHourly,
} from '../src/io/grid.js';

const DATA = join(import.meta.dirname, '..', 'data');

const at = (s: HourlySeries, iso: string): number =>
  s.values[(Date.parse(iso) - s.startMs) / HOUR_MS] as number;
function yearMean(s: HourlySeries, year: number): number {
  let sum = 0;
  let n = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += HOUR_MS) {
    const v = s.values[(t - s.startMs) / HOUR_MS];
    if (v !== undefined && Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return sum / n;
}

describe('ERCOT demand', () => {
  it('averages 49.2 GW of cleaned demand in 2022, within 1 % of ERCOT native load', () => {
    const ercot = loadRegionHourly('ERCOT', DATA);
    const meanMW = yearMean(ercot.demandMW, 2022);
    expect(meanMW).toBeGreaterThan(48_700);
    expect(meanMW).toBeLessThan(49_700);
    const native = hourlyColumn(
      readCsv(join(DATA, 'grid/ercot/ERCOT_native_load_hourly_2017_2024.csv.gz')),
      'ercot_total_MW',
    );
    expect(Math.abs(meanMW / yearMean(native, 2022) - 1)).toBeLessThan(0.01);
  });

  it('uses the cleaned column, not raw demand', () => {
    const pjm = loadRegionHourly('PJM', DATA);
    // Raw PJM demand_MW has a 2,147,480,000 MW reporting glitch; the cleaned series stays below 200 GW.
    expect(pjm.demandMW.values.filter(Number.isFinite).reduce((a, b) => Math.max(a, b))).toBeLessThan(
      200_000,
    );
  });
});

describe('ERCOT fuel-mix carbon intensity', () => {
  const ercot = loadRegionHourly('ERCOT', DATA);
  const ci = ercot.carbonGPerKWh;

  it('covers every hour of the ERCOT native file (2017-01-01T06Z … 2025-01-01T05Z) between the extreme factors', () => {
    expect(new Date(ci.startMs).toISOString()).toBe('2017-01-01T06:00:00.000Z');
    expect(ci.values.length).toBe(70_128);
    const lifecycle = FUEL_IDS.map((f) => emissionFactorGPerKWh(f));
    const lo = Math.min(...lifecycle);
    const hi = Math.max(...lifecycle);
    expect(ci.values.every(Number.isFinite)).toBe(true);
    expect(ci.values.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(lo);
    expect(ci.values.reduce((a, b) => Math.max(a, b))).toBeLessThan(hi);
    // Years 2017 and 2024 differ as the mix did: coal retired, wind and solar grew.
    expect(yearMean(ci, 2017)).toBeGreaterThan(yearMean(ci, 2024) + 50);
  });

  it('is lower at a windy hour (2023-01-15T18Z, 61 % wind) than at a gas-heavy one (2023-12-26T01Z, 60 % gas)', () => {
    const mix = ercot.fuelMixMW ?? {};
    const share = (iso: string, cats: string[]) => {
      const keys = ['biomass', 'coal', 'gas', 'gas_cc', 'hydro', 'nuclear', 'other', 'solar', 'wind'];
      const total = keys.reduce((s, k) => s + Math.max(at(mix[k] as HourlySeries, iso), 0), 0);
      return cats.reduce((s, k) => s + at(mix[k] as HourlySeries, iso), 0) / total;
    };
    const windy = '2023-01-15T18:00:00Z';
    const gassy = '2023-12-26T01:00:00Z';
    expect(share(windy, ['wind'])).toBeGreaterThan(0.55);
    expect(share(gassy, ['gas', 'gas_cc'])).toBeGreaterThan(0.55);
    expect(at(ci, windy)).toBeLessThan(150);
    expect(at(ci, gassy)).toBeGreaterThan(450);
  });

  it('tracks Electricity Maps hour by hour (r > 0.99 in 2022) and sits below it (EM uses higher US coal factors)', () => {
    const em = loadElectricityMapsIntensity('ERCOT', DATA, 'lifecycle') as HourlySeries;
    const t0 = Date.UTC(2022, 0, 1);
    let n = 0;
    let sa = 0;
    let sb = 0;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let t = t0; t < Date.UTC(2023, 0, 1); t += HOUR_MS) {
      const a = ci.values[(t - ci.startMs) / HOUR_MS] as number;
      const b = em.values[(t - em.startMs) / HOUR_MS] as number;
      n++;
      sa += a;
      sb += b;
      sab += a * b;
      saa += a * a;
      sbb += b * b;
    }
    const r =
      (sab / n - (sa / n) * (sb / n)) / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
    expect(r).toBeGreaterThan(0.99);
    expect(sa / n).toBeLessThan(sb / n);
  });

  it('states its basis and is not a proxy', () => {
    expect(ercot.carbonProxy).toBeNull();
    expect(ercot.carbonBasis).toMatch(/ERCOT native fuel mix/);
    expect(ercot.carbonDirectGPerKWh.values[0]).toBeLessThan(ci.values[0] as number);
  });
});

describe('fuel-mix intensity arithmetic', () => {
  const mw = (...v: number[]) => Float64Array.from(v);

  it('is the generation-weighted mean of the factors', () => {
    const out = fuelMixIntensityGPerKWh(
      [
        { fuel: 'coal', mw: mw(100, 0, 100) },
        { fuel: 'wind', mw: mw(100, 100, 300) },
      ],
      'lifecycle',
    );
    expect(out[0]).toBeCloseTo((820 + 11) / 2, 9);
    expect(out[1]).toBe(11);
    expect(out[2]).toBeCloseTo((820 + 3 * 11) / 4, 9);
  });

  it('ignores negative net generation and gives NaN without generation or with a missing fuel', () => {
    const out = fuelMixIntensityGPerKWh(
      [
        { fuel: 'gas', mw: mw(100, 0, Number.NaN) },
        { fuel: 'other', mw: mw(-5, 0, 10) },
      ],
      'direct',
    );
    expect(out[0]).toBe(370);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeNaN();
  });

  it('with an explicit validity mask, counts empty fuel cells as zero', () => {
    const out = fuelMixIntensityGPerKWh(
      [
        { fuel: 'nuclear', mw: mw(50, 50) },
        { fuel: 'oil', mw: mw(Number.NaN, Number.NaN) },
      ],
      'lifecycle',
      Uint8Array.from([1, 0]),
    );
    expect(out[0]).toBe(12);
    expect(out[1]).toBeNaN();
  });
});

describe('carbon proxies', () => {
  it('gives TVA the SOCO intensity, flagged as a proxy in the basis', () => {
    const tva = loadRegionHourly('TVA', DATA);
    const soco = loadRegionHourly('SOCO', DATA);
    expect(tva.carbonGPerKWh.values).toEqual(soco.carbonGPerKWh.values);
    expect(tva.carbonProxy?.regionId).toBe('SOCO');
    expect(tva.carbonBasis).toMatch(/^PROXY: SOCO .*overstate/);
    expect(tva.fuelMixMW).toBeUndefined();
    expect(yearMean(tva.demandMW, 2022)).not.toBeCloseTo(yearMean(soco.demandMW, 2022), -2);
  });
});

describe('prices', () => {
  it('ERCOT HB_WEST hits the $9,000/MWh cap in Winter Storm Uri (Feb 2021)', () => {
    const p = loadPriceSeries('ERCOT-HB_WEST', DATA);
    let max = Number.NEGATIVE_INFINITY;
    let capHours = 0;
    for (let t = Date.UTC(2021, 1, 1); t < Date.UTC(2021, 2, 1); t += HOUR_MS) {
      const v = at(p, new Date(t).toISOString());
      max = Math.max(max, v);
      if (v >= 9000) capHours++;
    }
    expect(max).toBeCloseTo(9000, 0);
    // 8 day-ahead hours at the cap, all on 2021-02-17 (UTC).
    expect(capHours).toBe(8);
    expect(at(p, '2021-02-17T06:00:00Z')).toBeGreaterThanOrEqual(9000);
    expect(yearMean(p, 2022)).toBeLessThan(200);
  });

  it('keeps the 96 missing PJM DOM hours (31 December of each local year) as NaN', () => {
    const p = loadPriceSeries('PJM-DOM', DATA);
    expect(p.values.length).toBe(43_824);
    expect(Number.isNaN(at(p, '2021-12-31T12:00:00Z'))).toBe(true);
    expect(p.values.filter((v) => Number.isNaN(v)).length).toBe(96);
  });
});

describe('Electricity Maps series', () => {
  it('loads direct and lifecycle for the four zones and nothing elsewhere', () => {
    for (const id of ['ERCOT', 'NYISO', 'PJM', 'CAISO']) {
      const d = loadElectricityMapsIntensity(id, DATA, 'direct') as HourlySeries;
      const l = loadElectricityMapsIntensity(id, DATA, 'lifecycle') as HourlySeries;
      expect(d.values.length).toBe(35_064);
      expect(new Date(d.startMs).toISOString()).toBe('2021-01-01T00:00:00.000Z');
      expect(yearMean(d, 2022)).toBeLessThan(yearMean(l, 2022));
    }
    expect(loadElectricityMapsIntensity('SOCO', DATA, 'lifecycle')).toBeUndefined();
  });
});

describe('loader behaviour', () => {
  it('names the missing file and where it ships', () => {
    expect(() => loadRegionHourly('NYISO', '/nonexistent/data')).toThrow(
      /\/nonexistent\/data\/grid\/eia930\/NYIS_eia930_hourly_2019_2024\.csv\.gz.*data\/grid.*PROVENANCE\.md/,
    );
    expect(() => loadPriceSeries('CAISO-NP15', '/nonexistent/data')).toThrow(/CAISO_TH_NP15_GEN-APND_DA/);
  });

  it('caches: a second load returns the same object', () => {
    expect(loadRegionHourly('PJM', DATA)).toBe(loadRegionHourly('PJM', DATA));
  });

  it('parses a 52,608-row EIA-930 file in well under a second', () => {
    clearCsvCache();
    const t0 = performance.now();
    const s = hourlyColumn(
      readCsv(join(DATA, 'grid/eia930/MISO_eia930_hourly_2019_2024.csv.gz')),
      'demand_cleaned_MW',
    );
    const ms = performance.now() - t0;
    expect(s.values.length).toBe(52_608);
    expect(ms).toBeLessThan(1000);
  });
});
