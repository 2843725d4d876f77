/**
 * CO2 on the lifecycle and direct bases, grid and on-site, and a site's stated annual intensity,
 * against hand calculations.
 */
import { describe, expect, it } from 'vitest';
import type { HourlySeries } from '../src/engine/series.js';
import type { DataSource } from '../src/model/resolve.js';
import { runScenario } from '../src/run.js';
import { baseScenario, constantSeries, fakeData, parseOk } from './helpers.js';

/** fakeData with a direct (combustion) series next to the lifecycle one. */
function withDirect(lifecycle: HourlySeries, direct: HourlySeries): DataSource {
  return {
    ...fakeData({ price: 50 }),
    regionCarbon: () => ({ carbonGPerKWh: lifecycle, carbonDirectGPerKWh: direct, carbonBasis: 'synthetic' }),
  };
}

const site = (over: object) => ({ ...(baseScenario().sites[0] as object), ...over }) as never;

describe('a gas-only on-site case by hand', () => {
  // 1,000 H100 (1.275 MW IT at full load) behind a 0.5 MW interconnect: the rest comes from a 2 MW
  // gas fleet that runs economically all year (price $200/MWh > 9 MMBtu/MWh × $3/MMBtu = $27/MWh).
  const scenario = parseOk(
    baseScenario({
      end: '2026-12-31',
      sites: [
        site({
          interconnectMW: 0.5,
          utilisation: { busyFraction: 1 },
          phases: [{ online: '2026-01-01', rampDays: 0, accelerator: 'h100', count: 1000 }],
          supply: {
            transmissionUSDPerKWYear: 0,
            onsite: [
              {
                id: 'gas',
                kind: 'gas-turbine',
                capacityMW: 2,
                heatRateMMBtuPerMWh: 9,
                fuelPriceUSDPerMMBtu: 3,
                dispatch: 'economic',
              },
            ],
          },
        }),
      ],
    }),
  );
  const data: DataSource = {
    ...withDirect(constantSeries(400), constantSeries(300)),
    price: () => constantSeries(200),
  };
  const { summary } = runScenario(scenario, data);
  const c = summary.carbon.totals;
  const onsiteMWh = summary.totals.onsiteGenerationMWh;
  const gridMWh = summary.totals.gridImportMWh;

  it('the gas runs: on-site MWh > 0', () => {
    expect(onsiteMWh).toBeGreaterThan(1000);
  });
  it('on-site direct = MWh × 9 MMBtu/MWh × 53.06 kg/MMBtu', () => {
    expect(c.onsiteDirectTonnes).toBeCloseTo((onsiteMWh * 9 * 53.06) / 1000, 6);
  });
  it('on-site lifecycle = direct × 490/370 (AR5 gas CC medians)', () => {
    expect(c.onsiteLifecycleTonnes).toBeCloseTo(((onsiteMWh * 9 * 53.06) / 1000) * (490 / 370), 6);
  });
  it('grid at 400 g/kWh lifecycle and 300 g/kWh direct', () => {
    expect(c.gridLifecycleTonnes).toBeCloseTo((gridMWh * 400) / 1000, 6);
    expect(c.gridDirectTonnes).toBeCloseTo((gridMWh * 300) / 1000, 6);
  });
  it('headline co2Tonnes = grid lifecycle + on-site lifecycle; direct = grid direct + on-site direct', () => {
    const onsiteDirect = (onsiteMWh * 9 * 53.06) / 1000;
    expect(summary.totals.co2Tonnes).toBeCloseTo((gridMWh * 400) / 1000 + onsiteDirect * (490 / 370), 4);
    expect(c.lifecycleTonnes).toBeCloseTo(summary.totals.co2Tonnes, 6);
    expect(c.directTonnes).toBeCloseTo((gridMWh * 300) / 1000 + onsiteDirect, 6);
  });
  it('years and sites add up to the totals', () => {
    const ySum = summary.carbon.years.reduce((a, y) => a + y.lifecycleTonnes, 0);
    expect(ySum).toBeCloseTo(c.lifecycleTonnes, 6);
    expect(summary.carbon.sites[0]?.onsiteDirectTonnes).toBeCloseTo(c.onsiteDirectTonnes, 6);
  });
});

describe("a site's stated annual intensity on its region's hourly shape", () => {
  // A region series over 2023 whose intensity swings with the hour and the season; direct = 75 % of it
  // plus a constant, so the two bases differ in shape.
  const startMs = Date.UTC(2023, 0, 1);
  const hours = 8760;
  const lc = Float64Array.from(
    { length: hours },
    (_, h) => 400 + 120 * Math.sin((2 * Math.PI * h) / 24) + 60 * Math.cos((2 * Math.PI * h) / 8760),
  );
  const dir = lc.map((v) => 0.75 * v - 20);
  const data = withDirect({ startMs, values: lc }, { startMs, values: dir });
  const run = (carbon: object) =>
    runScenario(
      parseOk(
        baseScenario({
          start: '2023-01-01',
          end: '2023-12-31',
          replay: 2023,
          sites: [
            site({
              carbon,
              supply: { transmissionUSDPerKWYear: 0 },
              phases: [{ online: '2023-01-01', rampDays: 0, accelerator: 'h100', count: 1000 }],
            }),
          ],
        }),
      ),
      data,
    );
  const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
  const correlation = (a: Float64Array, b: Float64Array) => {
    const ma = mean(a);
    const mb = mean(b);
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let i = 0; i < a.length; i++) {
      const x = (a[i] as number) - ma;
      const y = (b[i] as number) - mb;
      ab += x * y;
      aa += x * x;
      bb += y * y;
    }
    return ab / Math.sqrt(aa * bb);
  };

  it('lifecycle basis: the hourly intensity averages exactly the stated 350 g/kWh, shape kept', () => {
    const r = run({ annualGPerKWh: 350, basis: 'lifecycle', source: 'test utility 2023' });
    const hourly = r.sites[0]?.hourly.carbonGPerKWh as Float64Array;
    expect(hourly.length).toBe(hours);
    expect(mean(hourly)).toBeCloseTo(350, 9);
    expect(correlation(hourly, lc)).toBeCloseTo(1, 12);
    // every hour is the region's value × 350 / mean(region)
    expect(hourly[5]).toBeCloseTo(((lc[5] as number) * 350) / mean(lc), 9);
  });
  it('direct basis: the direct series averages the stated figure; lifecycle keeps the region ratio', () => {
    const r = run({ annualGPerKWh: 250, basis: 'direct', source: 'eGRID-like direct rate' });
    const k = 250 / mean(dir);
    const hourly = r.sites[0]?.hourly.carbonGPerKWh as Float64Array;
    expect(mean(hourly)).toBeCloseTo(mean(lc) * k, 9);
    const grid = r.summary.totals.gridImportMWh;
    // flat load: grid MW is the same every hour, so direct t = grid MWh × mean direct / 1,000
    const gridMW = r.sites[0]?.hourly.gridImportMW as Float64Array;
    const directT = gridMW.reduce((s, mw, h) => s + (mw * (dir[h] as number) * k) / 1000, 0);
    expect(r.summary.carbon.totals.gridDirectTonnes).toBeCloseTo(directT, 6);
    expect(grid).toBeGreaterThan(0);
  });
  it('the output says which area and basis each site uses', () => {
    const r = run({ annualGPerKWh: 350, basis: 'lifecycle', source: 'test utility 2023' });
    expect(r.summary.carbon.sites[0]?.area).toContain('test utility 2023');
    expect(r.summary.carbon.sites[0]?.area).toContain('lifecycle');
    const a = r.summary.assumptions.find((x) => x.path === 'sites[0].carbon.annualGPerKWh');
    expect(a?.value).toBe(350);
    expect(a?.basis).toContain('test utility 2023');
    const plain = run(undefined as never).summary.carbon.sites[0]?.area;
    expect(plain).toContain('ERCOT');
  });
});
