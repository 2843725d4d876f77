/**
 * Three small engine stages, each on a hand-made hour or series whose answer is counted by hand:
 *
 * - impacts (src/engine/impacts.ts): 1 MWh × 1 gCO2/kWh = 1,000 kWh × 1 g = 1 kg = 0.001 t; cost = MWh × $/MWh;
 * - facility (src/engine/facility.ts): the interconnect limit (facility = limit exactly, the IT that does
 *   not fit is unserved, load shed uniformly from accelerators and hosts), PUE at the demanded load
 *   fraction (capped at full load), and the energy balance facility = IT served + cooling + losses + fixed;
 * - renewables (src/engine/renewables.ts): a capacity-factor profile normalised per UTC calendar year.
 *
 * PUE itself comes from the cooling model (tested in test/cooling.test.ts); here it is an input.
 */
import { describe, expect, it } from 'vitest';
import { getCoolingSystem } from '../src/catalog/cooling.js';
import { coolingBreakdownAt, createCoolingBreakdown, pueAt } from '../src/engine/cooling-model.js';
import { facilityStage } from '../src/engine/facility.js';
import { impactsStage } from '../src/engine/impacts.js';
import type { SiteInputs } from '../src/engine/inputs.js';
import { capacityFactorProfile } from '../src/engine/renewables.js';
import { HOUR_MS } from '../src/engine/series.js';
import { allocateSiteHourly } from '../src/engine/site-hourly.js';

const START = Date.UTC(2026, 6, 1);

describe('impacts of the grid import', () => {
  it('turns MWh × gCO2/kWh into tonnes (÷ 1,000) and MWh × $/MWh into dollars, hour by hour', () => {
    const out = allocateSiteHourly('s', START, 3, 1);
    out.gridImportMW.set([10, 0, 2.5]);
    out.carbonGPerKWh.set([400, 900, 120]);
    out.priceUSDPerMWh.set([50, 80, -20]);
    impactsStage(out);
    // 10 MWh = 10,000 kWh × 400 g = 4,000,000 g = 4 t; 2.5 MWh × 120 g/kWh = 300 kg = 0.3 t
    expect([...out.co2Tonnes]).toEqual([4, 0, 0.3]);
    // a negative price pays the site for importing
    expect([...out.energyCostUSD]).toEqual([500, 0, -50]);
  });
});

describe('facility stage', () => {
  const cooling = getCoolingSystem('liquid-evaporative');
  if (cooling === undefined) throw new Error('catalog cooling system liquid-evaporative missing');
  const site = (interconnectMW: number) => ({ cooling, interconnectMW }) as unknown as SiteInputs;

  /** One site of four hours at 30 °C dry / 22 °C wet bulb with the given IT demand and installed MW. */
  function run(interconnectMW: number, demandMW: number[], installedMW: number[], acceleratorMW: number[]) {
    const n = demandMW.length;
    const out = allocateSiteHourly('s', START, n, 1);
    out.dryBulbC.fill(30);
    out.wetBulbC.fill(22);
    out.itDemandMW.set(demandMW);
    out.itInstalledMW.set(installedMW);
    out.acceleratorDemandMW.set(acceleratorMW);
    facilityStage(site(interconnectMW), out);
    return out;
  }

  it('serves all the IT demand under the limit, at the PUE of the demanded load fraction', () => {
    const out = run(1000, [60, 100, 150], [100, 100, 100], [48, 80, 120]);
    // hour 0: 60 % load; hour 1: full load; hour 2: demand above installed is evaluated at full load
    const pue60 = pueAt(cooling, 30, 22, 0.6);
    const pue100 = pueAt(cooling, 30, 22, 1);
    expect(pue60).toBeGreaterThan(pue100); // no-load losses and fixed loads weigh more at part load
    expect([...out.loadFraction]).toEqual([0.6, 1, 1]);
    expect(out.pue[0]).toBe(pue60);
    expect(out.pue[1]).toBe(pue100);
    expect(out.pue[2]).toBe(pue100);
    expect([...out.itMW]).toEqual([60, 100, 150]);
    expect([...out.acceleratorMW]).toEqual([48, 80, 120]);
    expect([...out.unservedITMW]).toEqual([0, 0, 0]);
    expect(out.facilityMW[0]).toBeCloseTo(60 * pue60, 9);
    expect(out.facilityMW[2]).toBeCloseTo(150 * pue100, 9);
  });

  it('at the interconnect limit: facility = limit, IT served = limit / PUE, shed pro rata', () => {
    const out = run(105, [100, 50], [100, 100], [80, 40]);
    const pue = pueAt(cooling, 30, 22, 1);
    expect(100 * pue).toBeGreaterThan(105); // the limit binds in hour 0 (PUE > 1.05)
    expect(out.facilityMW[0]).toBeCloseTo(105, 9);
    expect(out.itMW[0]).toBeCloseTo(105 / pue, 9);
    expect(out.unservedITMW[0]).toBeCloseTo(100 - 105 / pue, 9);
    // accelerators keep their 80 % share of the IT served
    expect(out.acceleratorMW[0]).toBeCloseTo(0.8 * (105 / pue), 9);
    // hour 1 fits: nothing shed
    expect(out.itMW[1]).toBe(50);
    expect(out.unservedITMW[1]).toBe(0);
    expect(out.acceleratorMW[1]).toBe(40);
  });

  it('splits the overhead into its terms and balances: facility = IT + cooling + losses + fixed', () => {
    const out = run(105, [100, 50], [100, 100], [80, 40]);
    for (let h = 0; h < 2; h++) {
      const terms = createCoolingBreakdown();
      const pue = coolingBreakdownAt(cooling, 30, 22, out.loadFraction[h] as number, terms);
      const it = out.itMW[h] as number;
      expect(out.coolingMW[h]).toBeCloseTo(it * terms.cooling, 9);
      expect(out.electricalLossMW[h]).toBeCloseTo(it * terms.electricalLoss, 9);
      expect(out.fixedLoadMW[h]).toBeCloseTo(it * terms.fixed, 9);
      expect(out.overheadMW[h]).toBeCloseTo(it * (pue - 1), 9);
      expect(out.facilityMW[h]).toBeCloseTo(
        it +
          (out.coolingMW[h] as number) +
          (out.electricalLossMW[h] as number) +
          (out.fixedLoadMW[h] as number),
        9,
      );
      // water follows the IT served: L/kWh × MWh = m³ (1,000 kWh × L/kWh = 1,000 L)
      expect(out.waterM3[h]).toBeCloseTo(it * terms.waterLPerKWh, 9);
      expect(terms.waterLPerKWh).toBeGreaterThan(0); // an evaporative plant at 22 °C wet bulb
    }
  });

  it('an hour with no IT demand draws nothing at all (PUE reported as 0)', () => {
    const out = run(110, [0, 100], [100, 100], [0, 80]);
    for (const col of [
      out.loadFraction,
      out.pue,
      out.itMW,
      out.acceleratorMW,
      out.unservedITMW,
      out.coolingMW,
      out.electricalLossMW,
      out.fixedLoadMW,
      out.overheadMW,
      out.facilityMW,
      out.waterM3,
    ]) {
      expect(col[0]).toBe(0);
    }
    expect(out.facilityMW[1]).toBeGreaterThan(100);
  });
});

describe('renewable capacity-factor profile', () => {
  it('divides each hour by the maximum of its own UTC year; negative output counts as 0, missing stays missing', () => {
    // 2023-12-31 21:00Z … 2024-01-01 02:00Z: three hours in 2023, three in 2024; 2024 opens above 2023's peak
    const startMs = Date.UTC(2023, 11, 31, 21);
    const p = capacityFactorProfile({
      startMs,
      values: Float64Array.from([50, 200, -5, 300, Number.NaN, 60]),
    });
    expect(p.startMs).toBe(startMs);
    const v = [...p.values];
    expect(v.slice(0, 3)).toEqual([0.25, 1, 0]);
    expect(v[3]).toBe(1);
    expect(v[4]).toBeNaN();
    expect(v[5]).toBe(0.2);
  });

  it('a year with no positive output gives 0, not NaN', () => {
    const startMs = Date.UTC(2024, 11, 31, 22);
    const p = capacityFactorProfile({ startMs, values: Float64Array.from([-1, 0, 8, 4]) });
    expect([...p.values]).toEqual([0, 0, 1, 0.5]);
  });

  it('counts a leap year’s 8,784 hours in one year', () => {
    // 2024 is a leap year: the maximum at its last hour normalises its first hour too
    const startMs = Date.UTC(2024, 0, 1);
    const values = new Float64Array(8784 + 2).fill(10);
    values[8783] = 40; // 2024-12-31 23:00Z
    values[8784] = 5; // 2025-01-01 00:00Z
    values[8785] = 20;
    const p = capacityFactorProfile({ startMs, values });
    expect(p.values[0]).toBe(0.25);
    expect(p.values[8783]).toBe(1);
    expect(p.values[8784]).toBe(0.25);
    expect(startMs + 8784 * HOUR_MS).toBe(Date.UTC(2025, 0, 1));
  });
});
