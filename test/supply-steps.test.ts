/**
 * Each merit-order step of the supply stage alone, on hand-worked hours. Numbers in the comments are
 * the derivation; the battery uses η = 0.81 so that the one-way efficiency √η is exactly 0.9.
 */
import { describe, expect, it } from 'vitest';
import type { BatteryInputs, OnsiteGeneratorInputs } from '../src/engine/grid-side-inputs.js';
import {
  type BatteryFleet,
  batteryFleet,
  chargeBatteries,
  dischargeBatteries,
  dispatchBackupGenerators,
  dispatchEconomicGenerators,
  generatorFuel,
  gridCapacityMW,
  gridToLoad,
  renewablesToLoad,
} from '../src/engine/supply.js';

/** Natural gas, 53.06 kg CO2/MMBtu (EPA GHG Emission Factors Hub); here only a round test input. */
const gas = (
  id: string,
  capacityMW: number,
  heatRate: number,
  fuelPrice: number,
  dispatch: 'backup' | 'economic',
) =>
  ({
    id,
    kind: 'gas-turbine',
    capacityMW,
    heatRateMMBtuPerMWh: heatRate,
    fuelPriceUSDPerMMBtu: fuelPrice,
    co2KgPerMMBtu: 53.06,
    dispatch,
  }) satisfies OnsiteGeneratorInputs;

/** A: $45/MWh to run (9 × 5), B: $80/MWh (10 × 8), C: backup only. */
const gens = [
  gas('A', 10, 9, 5, 'economic'),
  gas('B', 20, 10, 8, 'economic'),
  gas('C', 50, 11, 3.5, 'backup'),
];

/** 10 MW / 40 MWh, η = 0.81 (√η = 0.9), SoC between 4 and 36 MWh, starting at 20 MWh. */
const battery = (over: Partial<BatteryInputs> = {}): BatteryInputs => ({
  id: 'b',
  powerMW: 10,
  energyMWh: 40,
  roundTripEfficiency: 0.81,
  minSoCFraction: 0.1,
  maxSoCFraction: 0.9,
  initialSoCFraction: 0.5,
  policy: 'backup',
  ...over,
});

/** A fleet whose state and plans the test sets directly (plans indexed by hour). */
function fleetOf(bats: BatteryInputs[], plans: (number[] | undefined)[] = []): BatteryFleet {
  const f = batteryFleet(bats, new Float64Array(2), new Uint8Array(2));
  return { ...f, plans: bats.map((_, k) => (plans[k] ? Uint8Array.from(plans[k]) : undefined)) };
}

describe('1. renewables serve the load first', () => {
  it('30 MW of sun under a 100 MW load all goes to load; 120 MW covers the 100 MW load, 20 MW surplus', () => {
    expect(renewablesToLoad(30, 100)).toBe(30);
    expect(renewablesToLoad(120, 100)).toBe(100);
    expect(renewablesToLoad(0, 100)).toBe(0);
  });
});

describe('what the grid may carry', () => {
  it('the interconnect without a request; (1 − f)·L with an onsite request, never above the interconnect', () => {
    expect(gridCapacityMW(80, 100, 0)).toBe(80);
    expect(gridCapacityMW(80, 100, 0.4)).toBeCloseTo(60, 12); // 0.6 × 100 < 80
    expect(gridCapacityMW(80, 100, 0.1)).toBe(80); // 0.9 × 100 = 90 > 80
    expect(gridCapacityMW(80, 100, 1)).toBe(0);
  });
});

describe('2. economic generators run when the price beats heat rate × fuel price', () => {
  it('at $60/MWh only A ($45) runs: 25 MW left → A gives 10, 15 left', () => {
    const out = [0, 0, 0];
    expect(dispatchEconomicGenerators(gens, 60, 25, out)).toBe(15);
    expect(out).toEqual([10, 0, 0]);
  });
  it('at $100/MWh A then B ($80): 25 MW → A 10, B 15, nothing left', () => {
    const out = [0, 0, 0];
    expect(dispatchEconomicGenerators(gens, 100, 25, out)).toBe(0);
    expect(out).toEqual([10, 15, 0]);
  });
  it('at exactly $45/MWh A does not run (no margin); the backup unit never runs here', () => {
    const out = [0, 0, 0];
    expect(dispatchEconomicGenerators(gens, 45, 25, out)).toBe(25);
    expect(out).toEqual([0, 0, 0]);
    expect(dispatchEconomicGenerators(gens, 1000, 100, out)).toBe(70); // A 10 + B 20, C is backup
    expect(out).toEqual([10, 20, 0]);
  });
});

describe('3. batteries discharge for what the grid may not carry, and by policy', () => {
  it('backup: 100 MW left, grid may carry 95 → 5 MW out, SoC 20 − 5/0.9 = 14.444 MWh', () => {
    const fleet = fleetOf([battery()]);
    const per = [0];
    const r = dischargeBatteries(fleet, 0, 100, 95, per);
    expect(r.dischargeMW).toBeCloseTo(5, 12);
    expect(r.remainingMW).toBeCloseTo(95, 12);
    expect(per[0]).toBeCloseTo(5, 12);
    expect(fleet.socMWh[0]).toBeCloseTo(20 - 5 / 0.9, 12);
  });
  it('backup: power-limited at 10 MW when 25 MW is over the grid; SoC 20 − 10/0.9 = 8.889', () => {
    const fleet = fleetOf([battery()]);
    const r = dischargeBatteries(fleet, 0, 120, 95, [0]);
    expect(r.dischargeMW).toBeCloseTo(10, 12);
    expect(r.remainingMW).toBeCloseTo(110, 12);
    expect(fleet.socMWh[0]).toBeCloseTo(8.8889, 4);
  });
  it('backup: energy-limited at (6 − 4) × 0.9 = 1.8 MW from 6 MWh, ending at the 4 MWh floor', () => {
    const fleet = fleetOf([battery()]);
    fleet.socMWh[0] = 6;
    const r = dischargeBatteries(fleet, 0, 120, 95, [0]);
    expect(r.dischargeMW).toBeCloseTo(1.8, 12);
    expect(fleet.socMWh[0]).toBeCloseTo(4, 12);
  });
  it('backup: nothing when the grid can carry it all', () => {
    const fleet = fleetOf([battery()]);
    const per = [0];
    expect(dischargeBatteries(fleet, 0, 90, 95, per)).toEqual({ dischargeMW: 0, remainingMW: 90 });
    expect(per).toEqual([0]);
    expect(fleet.socMWh[0]).toBe(20);
  });
  it('peak-shave at 96 MW: 100 MW left under a 200 MW grid → 4 MW out', () => {
    const fleet = fleetOf([battery({ policy: 'peak-shave', gridTargetMW: 96 })]);
    expect(dischargeBatteries(fleet, 0, 100, 200, [0]).dischargeMW).toBeCloseTo(4, 12);
  });
  it('price-arbitrage: all it can (10 MW) in a planned dear hour, nothing in a charge hour', () => {
    const fleet = fleetOf([battery({ policy: 'price-arbitrage' })], [[1, 2]]);
    expect(dischargeBatteries(fleet, 0, 50, 200, [0]).dischargeMW).toBe(0);
    expect(dischargeBatteries(fleet, 1, 50, 200, [0]).dischargeMW).toBe(10);
  });
  it('two batteries in order: 16 MW over the grid → first 10 MW, second 6 MW', () => {
    const fleet = fleetOf([battery({ id: 'x' }), battery({ id: 'y' })]);
    const per = [0, 0];
    const r = dischargeBatteries(fleet, 0, 116, 100, per);
    expect(per[0]).toBeCloseTo(10, 12);
    expect(per[1]).toBeCloseTo(6, 12);
    expect(r.remainingMW).toBeCloseTo(100, 12);
  });
});

describe('4. the grid serves up to what it may carry', () => {
  it('min(left, capacity)', () => {
    expect(gridToLoad(70, 80)).toBe(70);
    expect(gridToLoad(95, 80)).toBe(80);
  });
});

describe('5. backup generators: the remaining capacity of every unit', () => {
  it('A already runs at 10/10: 40 MW left → B 20, C 20, nothing left', () => {
    const out = [10, 0, 0];
    expect(dispatchBackupGenerators(gens, 40, out)).toBe(0);
    expect(out).toEqual([10, 20, 20]);
  });
  it('100 MW left is more than the 70 MW spare: 30 MW unserved', () => {
    const out = [10, 0, 0];
    expect(dispatchBackupGenerators(gens, 100, out)).toBe(30);
    expect(out).toEqual([10, 20, 50]);
  });
});

describe('charging after the load is served', () => {
  const hour = { h: 0, surplusMW: 4, gridToLoadMW: 97, interconnectMW: 100, offGridShare: 0, unservedMW: 0 };
  it('backup: 4 MW of surplus then 3 MW of grid headroom; SoC 20 + 7 × 0.9 = 26.3, no spill', () => {
    const fleet = fleetOf([battery()]);
    const r = chargeBatteries(fleet, hour, [0]);
    expect(r.chargeMW).toBe(7);
    expect(r.gridChargeMW).toBe(3);
    expect(r.spillMW).toBe(0);
    expect(fleet.socMWh[0]).toBeCloseTo(26.3, 12);
  });
  it('no grid charging during an onsite request or with load unserved: surplus only', () => {
    for (const over of [{ offGridShare: 0.3 }, { unservedMW: 2 }]) {
      const r = chargeBatteries(fleetOf([battery()]), { ...hour, ...over }, [0]);
      expect(r).toEqual({ chargeMW: 4, gridChargeMW: 0, spillMW: 0 });
    }
  });
  it('a battery that discharged this hour does not charge: the whole surplus spills', () => {
    expect(chargeBatteries(fleetOf([battery()]), hour, [2])).toEqual({
      chargeMW: 0,
      gridChargeMW: 0,
      spillMW: 4,
    });
  });
  it('near full: (36 − 35.1)/0.9 = 1 MW of room; 3 MW of the 4 MW surplus spills', () => {
    const fleet = fleetOf([battery()]);
    fleet.socMWh[0] = 35.1;
    const r = chargeBatteries(fleet, hour, [0]);
    expect(r.chargeMW).toBeCloseTo(1, 12);
    expect(r.spillMW).toBeCloseTo(3, 12);
    expect(fleet.socMWh[0]).toBeCloseTo(36, 12);
  });
  it('peak-shave at 90 MW with 85 MW to load: grid charge up to the target, 5 MW', () => {
    const fleet = fleetOf([battery({ policy: 'peak-shave', gridTargetMW: 90 })]);
    const r = chargeBatteries(fleet, { ...hour, surplusMW: 0, gridToLoadMW: 85 }, [0]);
    expect(r.gridChargeMW).toBe(5);
  });
  it('price-arbitrage: grid charge only in a planned cheap hour', () => {
    const fleet = fleetOf([battery({ policy: 'price-arbitrage' })], [[1, 0]]);
    const base = { ...hour, surplusMW: 0, gridToLoadMW: 50 };
    expect(chargeBatteries(fleet, { ...base, h: 1 }, [0]).gridChargeMW).toBe(0);
    expect(chargeBatteries(fleet, { ...base, h: 0 }, [0]).gridChargeMW).toBe(10);
  });
});

describe('generator fuel and CO2', () => {
  it('A 10 MW and C 5 MW: 90 + 55 MMBtu, $450 + $192.5, (145 × 53.06)/1000 t CO2', () => {
    const mwh = [1, 0, 0];
    const r = generatorFuel(gens, [10, 0, 5], mwh);
    expect(r.onsiteMW).toBe(15);
    expect(r.fuelUSD).toBeCloseTo(642.5, 9);
    expect(r.co2Tonnes).toBeCloseTo(7.6937, 9);
    expect(mwh).toEqual([11, 0, 5]);
  });
});
