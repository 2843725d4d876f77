/**
 * Can the grid carry it: a region with a known demand shape and a campus load with a known answer,
 * worked by hand from the headroom method's definitions (thresholds from the seasonal peaks).
 */
import { describe, expect, it } from 'vitest';
import { gridYear, headroomBelowMW, prepareRegion } from '../src/analysis/buildout/grid.js';
import { buildoutReport, wholeYears } from '../src/analysis/buildout/report.js';
import { headroomCurve, seasonalThresholds, solveHeadroomMW } from '../src/analysis/headroom.js';
import { HOUR_MS, type HourlySeries } from '../src/engine/series.js';
import { baseScenario, fakeData, parseOk } from './helpers.js';

/**
 * 2021–2022, UTC: 1,000 MW every hour except 1,500 MW at 2021-07-15 18:00 (the summer peak) and
 * 1,400 MW at 2021-01-20 18:00 (the winter peak). Thresholds: Apr–Oct 1,500, Nov–Mar 1,400 MW.
 */
function region(peakHours = 1) {
  const start = Date.UTC(2021, 0, 1);
  const n = (Date.UTC(2023, 0, 1) - start) / HOUR_MS;
  const timeMs = Float64Array.from({ length: n }, (_, t) => start + t * HOUR_MS);
  const demandMW = new Float64Array(n).fill(1000);
  for (let h = 0; h < peakHours; h++) {
    demandMW[(Date.UTC(2021, 6, 15, 18 + h) - start) / HOUR_MS] = 1500;
    demandMW[(Date.UTC(2021, 0, 20, 18 + h) - start) / HOUR_MS] = 1400;
  }
  return { timeMs, demandMW, utcOffsetHours: 0 };
}
// Nov–Mar hours of a non-leap year: (31 + 28 + 31 + 30 + 31) days × 24
const WINTER_HOURS = 151 * 24;

describe('gridYear on a hand-made region', () => {
  const r = region();
  const constant = (mw: number) => new Float64Array(8760).fill(mw);

  it('a constant 450 MW campus: curtailment, events, firm need and load at peak, by hand', () => {
    const F = 1e20; // FLOP per hour
    const x = gridYear(r, { gridMW: constant(450), computeFLOP: constant(F) }, [0.5]);
    // winter hours: 1000 + 450 − 1400 = 50 MW curtailed; the two peak hours: all 450 MW
    // 2021: 3,623 winter hours at 50 + the winter peak hour + the summer peak hour; 2022: 3,624 at 50
    expect(x.flexible.curtailedHoursPerYear).toBeCloseTo((WINTER_HOURS + 1 + WINTER_HOURS) / 2, 9);
    const mwh2021 = (WINTER_HOURS - 1) * 50 + 450 + 450;
    const mwh2022 = WINTER_HOURS * 50;
    expect(x.flexible.curtailedGWhPerYear).toBeCloseTo((mwh2021 + mwh2022) / 2 / 1000, 9);
    expect(x.flexible.curtailmentPct).toBeCloseTo((100 * (mwh2021 + mwh2022)) / (450 * 17520), 9);
    // runs: Jan–Mar 2021; Nov 2021 → Mar 2022 (continuous over New Year); Nov–Dec 2022; the July hour
    expect(x.flexible.eventsPerYear).toBe(2);
    const lostHours = (WINTER_HOURS - 1) * (50 / 450) + 2 + WINTER_HOURS * (50 / 450);
    expect(x.flexible.computeLostFLOPPerYear / F).toBeCloseTo(lostHours / 2, 6);
    // firm need: the peak hours rise 450 MW above their thresholds (before: exactly at them)
    expect(x.firmNeedMW).toBe(450);
    expect(x.campusAtRegionPeakMW).toBe(450);
    expect(x.regionPeakMW).toBe(1500);
  });

  it('headroom before, by hand: r(L) = (2 + 7,247·(1 − 400/L)) / 17,520 = 0.5 % → L = 404.78 MW', () => {
    const x = gridYear(r, { gridMW: constant(450), computeFLOP: constant(0) }, [0.5]);
    const byHand = 400 / (1 - (0.005 * 17520 - 2) / (2 * WINTER_HOURS - 1));
    expect(x.headroomBeforeMW[0]).toBeCloseTo(byHand, 6);
    // with 450 MW on, every winter hour is above its threshold: 41 % of hours, so nothing more fits
    expect(x.headroomAfterMW[0]).toBe(0);
  });

  it('a campus that fits: 100 MW leaves the headroom less ~100 MW, curtails only the peak hours', () => {
    const x = gridYear(r, { gridMW: constant(100), computeFLOP: constant(0) }, [0.5]);
    expect(x.flexible.curtailedHoursPerYear).toBe(1); // the two peak hours over two years
    expect(x.firmNeedMW).toBe(100);
    // gaps fall from 400/500 to 300/400: by hand L = 300 / (1 − (87.6 − 2)/7,247)
    expect(x.headroomAfterMW[0]).toBeCloseTo(300 / (1 - (0.005 * 17520 - 2) / (2 * WINTER_HOURS - 1)), 6);
  });

  it('the pruned solver equals the full one', () => {
    const th = seasonalThresholds(r.timeMs, r.demandMW, 0);
    const withLoad = r.demandMW.map((d, t) => d + 80 + 60 * Math.sin(t / 7));
    const curve = headroomCurve(r.timeMs, withLoad, th.thresholdMW);
    for (const rate of [0.0025, 0.005, 0.01, 0.05, 0.2]) {
      const full = solveHeadroomMW(curve, rate);
      expect(headroomBelowMW(curve, rate, 450)).toBeCloseTo(full, 9);
      expect(headroomBelowMW(curve, rate, 5000)).toBeCloseTo(full, 9);
    }
    expect(prepareRegion(r).peakHours).toHaveLength(20);
  });
});

describe('buildoutReport: a tiny fleet aggregated per region', () => {
  // three-hour peaks: the screening replaces isolated one-hour spikes (src/analysis/demand-cleaning.ts)
  const r = region(3);
  const demand: HourlySeries = { startMs: r.timeMs[0] as number, values: r.demandMW };
  const base = fakeData({ dryBulbC: 15 });
  const data = { ...base, regionDemand: () => demand };
  const site = (id: string, itMW: number, extra: object = {}) => ({
    id,
    location: { latitude: 32, longitude: -100, state: 'TX' },
    weather: 'abilene-tx',
    region: 'SPP',
    interconnectMW: 1000,
    cooling: 'liquid-dry-cooler',
    electricityPrice: { flatUSDPerMWh: 50 },
    phases: [{ online: '2025-06-01', accelerator: 'gb300', itMW }],
    ...extra,
  });
  const s = parseOk(
    baseScenario({
      start: '2026-01-01',
      end: '2026-12-31',
      sites: [
        site('a', 200),
        site('b', 300),
        site('island', 300, {
          interconnectMW: 1,
          supply: {
            onsite: [
              {
                id: 'gas',
                kind: 'gas-turbine',
                capacityMW: 500,
                heatRateMMBtuPerMWh: 11,
                fuelPriceUSDPerMMBtu: 3.5,
              },
            ],
          },
        }),
      ],
    }) as never,
  );
  const rep = buildoutReport(s, data);

  it('one row per region-year; the off-grid site is not in the region load', () => {
    expect(rep.years).toEqual([2026]);
    expect(rep.regions).toHaveLength(1);
    const row = rep.regions[0];
    expect(row?.campuses).toEqual(['a', 'b']);
    expect(rep.campuses.find((c) => c.id === 'island')?.offGrid).toBe(true);
    // the region load is the two grid sites' facility load: its peak, its load at the region's peak
    const a = rep.campuses.find((c) => c.id === 'a')?.years[0];
    const b = rep.campuses.find((c) => c.id === 'b')?.years[0];
    expect(row?.campusEnergyGWh).toBeCloseTo((a?.gridGWh ?? 0) + (b?.gridGWh ?? 0), 6);
    expect(row?.campusPeakMW).toBeLessThanOrEqual((a?.peakFacilityMW ?? 0) + (b?.peakFacilityMW ?? 0) + 1e-6);
    // 500 MW IT at 85 % busy on a ~1.1 PUE: between the winter gap (400) and the summer gap (500), so only
    // winter hours and the three summer peak hours are curtailed, and the firm need is the load at the peak hours
    expect(row?.campusPeakMW).toBeGreaterThan(400);
    expect(row?.campusPeakMW).toBeLessThan(500);
    expect(row?.flexible.curtailedHoursPerYear).toBeCloseTo(WINTER_HOURS + 1.5, 9);
    expect(row?.firmNeedMW).toBeCloseTo(row?.campusAtRegionPeakMW ?? 0, 6);
  });

  it('national totals add the regions and the campuses', () => {
    const n = rep.national[0];
    expect(n?.firmNeedMW).toBeCloseTo(rep.regions[0]?.firmNeedMW ?? 0, 9);
    expect(n?.itInstalledMW).toBeGreaterThan(0);
    expect(n?.offGridGWh).toBeGreaterThan(0);
  });

  it('whole years of a span', () => {
    expect(wholeYears('2025-01-01', '2030-12-31')).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(wholeYears('2025-03-01', '2026-12-31')).toEqual([2026]);
  });
});
