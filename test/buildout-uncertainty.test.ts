/**
 * The build-out under Monte Carlo: the rescaled hourly series against the engine re-run on the shifted
 * dates (independent: a second simulation), the zero-uncertainty limit against the deterministic report,
 * bounds that follow from the inputs (delays ≥ 0, sizes ≤ 1), and reproducibility.
 */
import { describe, expect, it } from 'vitest';
import { buildoutRun } from '../src/analysis/buildout/report.js';
import type { PhasePlan, SupplyChainOptions } from '../src/analysis/buildout/supply-chain.js';
import { buildoutUncertainty, sampledCalibration } from '../src/analysis/buildout/uncertainty.js';
import { calibrate } from '../src/analysis/markets/pjm-capacity.js';
import { normalQuantile } from '../src/analysis/sweep/distributions.js';
import { fileDataSource } from '../src/io/data-source.js';
import type { Distribution } from '../src/model/uncertainty.js';
import { parseOk } from './helpers.js';

const data = fileDataSource();
const fixed = (days: number) => ({ kind: 'fixed', days }) as const;
const item = (id: string, days: number) => ({ id, label: id, dist: fixed(days), source: 'test' });
const one = (x: number): Distribution => ({ dist: 'discrete', values: [x] });

/** One ERCOT campus in Abilene's real weather and ERCOT's real carbon, 2025–2026. */
const scenario = (online: string, rampDays: number) =>
  parseOk({
    name: 't',
    start: '2025-01-01',
    end: '2026-12-31',
    sites: [
      {
        id: 'a',
        location: { latitude: 32.45, longitude: -99.73, state: 'TX' },
        weather: 'abilene-tx',
        region: 'ERCOT',
        interconnectMW: 400,
        cooling: 'liquid-evaporative',
        electricityPrice: { flatUSDPerMWh: 50 },
        phases: [{ id: 'campus', online, rampDays, accelerator: 'gb300', itMW: 300 }],
      },
    ],
  } as never);

// the building takes 240 days from a start on the analysis date, nothing else takes time:
// announced 2025-06-01, realistic 2026-01-01 + 240 d = 2026-08-29
const plan: PhasePlan = {
  campusId: 'a',
  phaseId: 'campus',
  region: 'ERCOT',
  offGrid: false,
  status: 'announced',
  announced: '2025-06-01',
  itMW: 300,
};
const chain: SupplyChainOptions = {
  asOf: '2026-01-01',
  startByStatus: { announced: { monthsBeforeAsOf: 0, why: 'test' } },
  leadTimes: {
    transformer: item('transformer', 0),
    switchgear: item('switchgear', 0),
    building: item('building', 240),
    turbines: item('turbines', 0),
  },
  interconnection: { default: item('interconnection', 0) },
};
const exact = { size: one(1), startShiftMonths: one(0), flexibleShare: one(0) };

describe('a sample rescales the deterministic run instead of re-simulating it', () => {
  for (const rampDays of [0, 90]) {
    it(`a delay of 454 days (ramp ${rampDays} d) gives what the engine gives on the shifted date`, () => {
      const base = buildoutRun(scenario('2025-06-01', rampDays), data, { limitsPct: [0.5] });
      const u = buildoutUncertainty({ ...base.context, plans: [plan] }, base.report, {
        samples: 2,
        seed: 1,
        vary: exact,
        supplyChain: chain,
      });
      const shifted = buildoutRun(scenario('2026-08-29', rampDays), data, { limitsPct: [0.5] }).report;
      for (const y of [0, 1]) {
        const got = u.national[y];
        const want = shifted.national[y];
        if (got === undefined || want === undefined) throw new Error('missing year');
        expect(got.itInstalledMW.p50).toBeCloseTo(want.itInstalledMW, 6);
        // the same hours of the same calendar: equal up to rounding
        for (const k of ['gridGWh', 'co2Tonnes', 'waterM3'] as const)
          expect(got[k].p50).toBeCloseTo(want[k], Math.max(0, 6 - Math.ceil(Math.log10(want[k] + 1))));
        expect(got.firmNeedMW.p50).toBeCloseTo(want.firmNeedMW, 6);
        expect(got.campusAtRegionPeaksMW.p50).toBeCloseTo(want.campusAtRegionPeaksMW, 6);
      }
      // 2025: nothing online in the sample; the announced run had the campus from June
      expect(u.national[0]?.gridGWh.p95).toBe(0);
      expect(base.report.national[0]?.gridGWh).toBeGreaterThan(0);
    });
  }

  it('with nothing uncertain, every quantile is the deterministic figure; a share of 1 sheds what "all flexible" sheds', () => {
    const base = buildoutRun(scenario('2025-06-01', 0), data, { limitsPct: [0.25, 5] });
    const u = buildoutUncertainty(base.context, base.report, { samples: 3, seed: 2, vary: exact });
    base.report.national.forEach((n, y) => {
      const q = u.national[y];
      expect(q?.itInstalledMW.p5).toBeCloseTo(n.itInstalledMW, 9);
      expect(q?.itInstalledMW.p95).toBeCloseTo(n.itInstalledMW, 9);
      expect(q?.firmNeedMW.p50).toBeCloseTo(n.firmNeedMW, 9);
      expect(q?.gridGWh.p50).toBeCloseTo(n.gridGWh, 9);
    });
    base.report.regions.forEach((r, i) => {
      const q = u.regions[i];
      expect(q?.headroomUsedMW.map((x) => x.p50)).toEqual(
        r.headroomBeforeMW.map((b, l) => b - (r.headroomAfterMW[l] as number)),
      );
    });
    const flex = buildoutUncertainty(base.context, base.report, {
      samples: 1,
      seed: 2,
      vary: { ...exact, flexibleShare: one(1) },
    });
    base.report.regions.forEach((r, i) => {
      expect(flex.regions[i]?.curtailedGWh.p50).toBeCloseTo(r.flexible.curtailedGWhPerYear, 9);
      // all of it gives way above the thresholds: no firm capacity needed
      expect(flex.regions[i]?.firmNeedMW.p50).toBeCloseTo(0, 6);
    });
  });

  it('default inputs: delays ≥ 0 and sizes ≤ 1 never put more online than announced; same seed, same answer', () => {
    const base = buildoutRun(scenario('2025-06-01', 90), data, { limitsPct: [0.5] });
    const ctx = { ...base.context, plans: [{ ...plan, status: 'under-construction' }] };
    // ordering from 2023-01 (two years before an analysis date of 2025-01-01): ready 2025–2027
    const supplyChain = { asOf: '2025-01-01' };
    const a = buildoutUncertainty(ctx, base.report, { samples: 16, seed: 5, supplyChain });
    const b = buildoutUncertainty(ctx, base.report, { samples: 16, seed: 5, supplyChain });
    const c = buildoutUncertainty(ctx, base.report, { samples: 16, seed: 6, supplyChain });
    expect(b).toEqual(a);
    expect(c.national).not.toEqual(a.national);
    a.national.forEach((q, y) => {
      const det = base.report.national[y];
      expect(q.itInstalledMW.max).toBeLessThanOrEqual((det?.itInstalledMW ?? 0) + 1e-9);
      expect(q.itInstalledMW.p5).toBeLessThanOrEqual(q.itInstalledMW.p50);
      expect(q.itInstalledMW.p50).toBeLessThanOrEqual(q.itInstalledMW.p95);
    });
    // 2026: size triangular(0.6, 1, 1) has F(x) = ((x − 0.6)/0.4)², median 0.6 + 0.4·√0.5 = 0.883; the
    // delays only lower it, so P50 ≤ 0.883 × 300 MW (5 % for 16 Latin-hypercube samples)
    expect(a.national[1]?.itInstalledMW.p50).toBeLessThanOrEqual(300 * (0.6 + 0.4 * Math.sqrt(0.5)) * 1.05);
    expect(a.national[1]?.itInstalledMW.p5).toBeLessThan(a.national[1]?.itInstalledMW.p95 ?? 0);
    expect(a.inputs.map((x) => x.id)).toContain('leadTime.transformer');
  });
});

describe('the PJM clearing relation drawn from its least-squares sampling distribution', () => {
  const base = calibrate();
  it('z = 0 is the fit', () => {
    const c = sampledCalibration(base, 0, 0);
    expect(c.p0USDPerMWDay).toBeCloseTo(base.p0USDPerMWDay, 9);
    expect(c.kPerPct).toBeCloseTo(base.kPerPct, 12);
  });
  it("the spread of k is the slope's standard error, from the five auctions by hand", () => {
    // x = RM − target and ln P of the five auctions (docs/buildout.md table)
    const x = [5.4, 5.5, 5.7, 0.7, -0.2];
    const y = [50, 34.13, 28.92, 269.92, 388.57].map(Math.log);
    const mx = x.reduce((s, v) => s + v, 0) / 5;
    const my = y.reduce((s, v) => s + v, 0) / 5;
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    const b = x.reduce((s, v, i) => s + (v - mx) * ((y[i] as number) - my), 0) / sxx;
    const ssr = x.reduce((s, v, i) => s + ((y[i] as number) - my - b * (v - mx)) ** 2, 0);
    const se = Math.sqrt(ssr / 3 / sxx);
    const ks = Array.from({ length: 2000 }, (_, i) => {
      const z2 = normalQuantile((i + 0.5) / 2000);
      return sampledCalibration(base, 0, z2).kPerPct;
    });
    // with z1 = 0, k moves with z2 alone: sd = se·√(1 − ρ²), ρ the correlation of intercept and slope
    const rho = -mx / Math.sqrt(sxx / 5 + mx * mx);
    const m = ks.reduce((s, v) => s + v, 0) / ks.length;
    const sd = Math.sqrt(ks.reduce((s, v) => s + (v - m) ** 2, 0) / ks.length);
    expect(m).toBeCloseTo(-b, 3);
    expect(sd).toBeCloseTo(se * Math.sqrt(1 - rho * rho), 2);
  });
});
