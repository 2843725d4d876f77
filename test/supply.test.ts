import { describe, expect, it } from 'vitest';
import { HOUR_MS, type HourlySeries } from '../src/engine/series.js';
import type { DataSource } from '../src/model/resolve.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { validateScenario } from '../src/model/validate.js';
import { runScenario } from '../src/run.js';
import { baseScenario, constantSeries, fakeData, parseOk } from './helpers.js';

/** An hourly series over 2015–2035 from a function of the hour index. */
function series(f: (h: number) => number): HourlySeries {
  const startMs = Date.UTC(2015, 0, 1);
  const hours = Math.round((Date.UTC(2036, 0, 1) - startMs) / HOUR_MS);
  return { startMs, values: Float64Array.from({ length: hours }, (_, h) => f(h)) };
}

/** Synthetic grid: price with a daily swing and spikes, demand with a daily swing, sun by day, steady wind. */
function gridData(): DataSource {
  return {
    ...fakeData(),
    price: () => series((h) => 40 + 30 * Math.sin((2 * Math.PI * h) / 24) + (h % 97 === 0 ? 500 : 0)),
    regionDemand: () => series((h) => 50_000 + 10_000 * Math.sin((2 * Math.PI * h) / 24)),
    regionGeneration: (_id, kind) =>
      kind === 'solar'
        ? series((h) => Math.max(0, Math.sin((2 * Math.PI * ((h % 24) - 6)) / 24)) * 1000)
        : constantSeries(500),
  };
}

const site = (extra: Record<string, unknown>) => {
  const b = baseScenario();
  return { ...b, sites: [{ ...(b.sites[0] as object), ...extra }] } as ScenarioInput;
};

/** 10,000 H100 draw ~13 MW IT, ~14 MW facility; a 9 MW interconnect forces every other source to work. */
const everySource = site({
  interconnectMW: 9,
  supply: {
    renewables: [
      { kind: 'solar', capacityMW: 4 },
      { kind: 'wind', capacityMW: 1 },
    ],
    batteries: [
      {
        id: 'b1',
        powerMW: 3,
        energyMWh: 6,
        roundTripEfficiency: 0.81,
        minSoCFraction: 0.1,
        policy: 'backup',
      },
    ],
    onsite: [
      {
        id: 'gt',
        kind: 'gas-turbine',
        capacityMW: 2,
        heatRateMMBtuPerMWh: 11,
        fuelPriceUSDPerMMBtu: 3.5,
        dispatch: 'backup',
      },
    ],
  },
});

describe('supply stage: every MWh accounted for', () => {
  const r = runScenario(parseOk(everySource), gridData());
  const s = r.sites[0]?.hourly;
  if (!s) throw new Error('no site');
  it('renewable + grid + on-site + discharge = facility + charge + spill, every hour', () => {
    let worst = 0;
    for (let h = 0; h < s.hours; h++) {
      const sources =
        (s.renewableMW[h] as number) +
        (s.gridImportMW[h] as number) +
        (s.onsiteMW[h] as number) +
        (s.batteryDischargeMW[h] as number);
      const sinks =
        (s.facilityMW[h] as number) + (s.batteryChargeMW[h] as number) + (s.renewableSpillMW[h] as number);
      worst = Math.max(worst, Math.abs(sources - sinks));
      expect(s.itDemandMW[h]).toBeCloseTo((s.itMW[h] as number) + (s.unservedITMW[h] as number), 9);
      expect(s.facilityMW[h]).toBeCloseTo((s.itMW[h] as number) + (s.overheadMW[h] as number), 9);
    }
    expect(worst).toBeLessThan(1e-9);
  });
  it('every source and sink is used at some hour of the year', () => {
    const used = (a: Float64Array) => a.some((x) => x > 0);
    expect(used(s.renewableMW)).toBe(true);
    expect(used(s.onsiteMW)).toBe(true);
    expect(used(s.batteryDischargeMW)).toBe(true);
    expect(used(s.batteryChargeMW)).toBe(true);
    expect(used(s.unservedITMW)).toBe(true);
    expect(r.summary.totals.onsiteGenerationMWh).toBeGreaterThan(0);
    expect(r.summary.totals.batteryDischargeMWh).toBeGreaterThan(0);
  });
  it('grid import never exceeds the 9 MW interconnect', () => {
    expect(Math.max(...s.gridImportMW)).toBeLessThanOrEqual(9 + 1e-9);
  });
  it('on-site CO2 = MWh x 11 MMBtu/MWh x 53.06 kg/MMBtu (EPA, direct; x 490/370 in the lifecycle headline) and fuel cost = MMBtu x $3.50, both in the totals', () => {
    const mwh = r.summary.totals.onsiteGenerationMWh;
    const co2 = s.onsiteCO2Tonnes.reduce((a, b) => a + b, 0);
    const fuel = s.fuelCostUSD.reduce((a, b) => a + b, 0);
    expect(co2).toBeCloseTo((mwh * 11 * 53.06) / 1000, 6);
    expect(fuel).toBeCloseTo(mwh * 11 * 3.5, 4);
    let grid = 0;
    let gridCO2 = 0;
    for (let h = 0; h < s.hours; h++) {
      grid += (s.gridImportMW[h] as number) * (s.priceUSDPerMWh[h] as number);
      gridCO2 += ((s.gridImportMW[h] as number) * (s.carbonGPerKWh[h] as number)) / 1000;
    }
    expect(r.summary.totals.energyCostUSD).toBeCloseTo(grid + fuel, 2);
    // headline CO2 is lifecycle: on-site combustion × 490/370 (AR5 gas CC lifecycle / direct medians)
    expect(r.summary.totals.co2Tonnes).toBeCloseTo(gridCO2 + co2 * (490 / 370), 4);
    expect(r.summary.carbon.totals.onsiteDirectTonnes).toBeCloseTo(co2, 6);
  });
});

describe('batteries: state of charge within its limits, losses as stated', () => {
  for (const policy of ['backup', 'peak-shave', 'price-arbitrage'] as const) {
    it(`${policy}: 10 % ≤ SoC ≤ 90 % of 20 MWh every hour, and Σcharge·√η − Σdischarge/√η = ΔSoC`, () => {
      const scen = site({
        interconnectMW: policy === 'backup' ? 12 : 30,
        supply: {
          batteries: [
            {
              id: 'b',
              powerMW: 5,
              energyMWh: 20,
              roundTripEfficiency: 0.85,
              minSoCFraction: 0.1,
              maxSoCFraction: 0.9,
              initialSoCFraction: 0.5,
              policy,
              ...(policy === 'peak-shave' ? { gridTargetMW: 12 } : {}),
            },
          ],
        },
      });
      const s = runScenario(parseOk(scen), gridData()).sites[0]?.hourly;
      if (!s) throw new Error('no site');
      let chg = 0;
      let dis = 0;
      for (let h = 0; h < s.hours; h++) {
        expect(s.batterySoCMWh[h]).toBeGreaterThanOrEqual(2 - 1e-9);
        expect(s.batterySoCMWh[h]).toBeLessThanOrEqual(18 + 1e-9);
        expect(s.batteryChargeMW[h]).toBeLessThanOrEqual(5 + 1e-12);
        expect(s.batteryDischargeMW[h]).toBeLessThanOrEqual(5 + 1e-12);
        expect((s.batteryChargeMW[h] as number) * (s.batteryDischargeMW[h] as number)).toBe(0);
        chg += s.batteryChargeMW[h] as number;
        dis += s.batteryDischargeMW[h] as number;
      }
      expect(dis).toBeGreaterThan(0);
      const r = Math.sqrt(0.85);
      expect(chg * r - dis / r).toBeCloseTo((s.batterySoCMWh[s.hours - 1] as number) - 10, 6);
    });
  }
  it('peak-shave holds grid import at the 12 MW target whenever the battery has energy left', () => {
    const scen = site({
      interconnectMW: 30,
      supply: {
        batteries: [
          {
            id: 'b',
            powerMW: 50,
            energyMWh: 1e6,
            roundTripEfficiency: 1,
            minSoCFraction: 0,
            policy: 'peak-shave',
            gridTargetMW: 12,
          },
        ],
      },
    });
    const s = runScenario(parseOk(scen), gridData()).sites[0]?.hourly;
    if (!s) throw new Error('no site');
    expect(Math.max(...s.facilityMW)).toBeGreaterThan(12);
    expect(Math.max(...s.gridImportMW)).toBeLessThanOrEqual(12 + 1e-9);
  });
  it('price arbitrage buys in cheap hours and sells in dear ones: the battery lowers the energy bill', () => {
    const bat = { id: 'b', powerMW: 5, energyMWh: 20, roundTripEfficiency: 0.9, policy: 'price-arbitrage' };
    const rigid = runScenario(parseOk(site({ interconnectMW: 30 })), gridData()).summary.totals;
    const arb = runScenario(parseOk(site({ interconnectMW: 30, supply: { batteries: [bat] } })), gridData())
      .summary.totals;
    expect(arb.energyCostUSD).toBeLessThan(rigid.energyCostUSD);
    expect(arb.gridImportMWh).toBeGreaterThan(rigid.gridImportMWh); // round-trip losses
  });
});

describe('a site without supply still takes every MWh from the grid', () => {
  it('grid import = facility, and the new grid-side columns stay zero', () => {
    const s = runScenario(parseOk(baseScenario()), fakeData()).sites[0]?.hourly;
    if (!s) throw new Error('no site');
    for (let h = 0; h < s.hours; h += 7) expect(s.gridImportMW[h]).toBe(s.facilityMW[h]);
    expect(s.onsiteMW.every((x) => x === 0) && s.batteryDischargeMW.every((x) => x === 0)).toBe(true);
  });
});

describe('bad supply inputs give clear errors with field paths', () => {
  const issues = (extra: Record<string, unknown>) => {
    const r = validateScenario(site(extra));
    if (r.ok) throw new Error('expected issues');
    return r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const gen = { id: 'g', kind: 'gas-turbine', heatRateMMBtuPerMWh: 11, fuelPriceUSDPerMMBtu: 3 };
  it('a negative generator capacity', () => {
    expect(issues({ supply: { onsite: [{ ...gen, capacityMW: -5 }] } })).toEqual([
      'sites.0.supply.onsite.0.capacityMW: Too small: expected number to be >=0',
    ]);
  });
  it('a round-trip efficiency above 1', () => {
    const out = issues({
      supply: { batteries: [{ id: 'b', powerMW: 1, energyMWh: 2, roundTripEfficiency: 1.2 }] },
    });
    expect(out).toEqual([
      'sites.0.supply.batteries.0.roundTripEfficiency: Too big: expected number to be <=1',
    ]);
  });
  it('min state of charge above max', () => {
    const out = issues({
      supply: {
        batteries: [
          {
            id: 'b',
            powerMW: 1,
            energyMWh: 2,
            roundTripEfficiency: 0.9,
            minSoCFraction: 0.8,
            maxSoCFraction: 0.5,
          },
        ],
      },
    });
    expect(out[0]).toMatch(/^sites\.0\.supply\.batteries\.0\.minSoCFraction: must not exceed maxSoCFraction/);
  });
  it('renewables in a region without a bundled fuel mix (TVA)', () => {
    const out = issues({
      region: 'TVA',
      electricityPrice: { flatUSDPerMWh: 70 },
      supply: { renewables: [{ kind: 'solar', capacityMW: 10 }] },
    });
    expect(out[0]).toMatch(
      /^sites\.0\.supply\.renewables\.0\.kind: region TVA has no bundled solar generation/,
    );
  });
  it('peak-shave without a target, arbitrage with a flat price', () => {
    const out = issues({
      electricityPrice: { flatUSDPerMWh: 50 },
      supply: {
        batteries: [
          { id: 'a', powerMW: 1, energyMWh: 2, roundTripEfficiency: 0.9, policy: 'peak-shave' },
          { id: 'b', powerMW: 1, energyMWh: 2, roundTripEfficiency: 0.9, policy: 'price-arbitrage' },
        ],
      },
    });
    expect(out.some((x) => x.startsWith('sites.0.supply.batteries.0.gridTargetMW: is required'))).toBe(true);
    expect(
      out.some((x) =>
        x.startsWith("sites.0.supply.batteries.1.policy: 'price-arbitrage' needs an hourly price"),
      ),
    ).toBe(true);
  });
});
