/**
 * The PJM clearing relation drawn by `sampledCalibration` (src/analysis/buildout/uncertainty.ts) for
 * given standard normals, against the least-squares sampling distribution of (ln P0, k) worked out by
 * hand from the five auctions: one unit of z1 moves ln P0 by its standard error and k by the
 * covariance over it; z2 moves k alone; together their squares give k's variance. Written for the
 * survivors of the Stryker run of uncertainty.ts (docs/testing.md); test/buildout-uncertainty.test.ts
 * checks z = 0 and the spread of k under z2. Also the ERCOT 4CP cost the flexible share shifts to
 * others at the ends (share 0 and 1) and the inputs list, on the same one-campus ERCOT build-out as
 * test/buildout-uncertainty.test.ts (bundled Abilene weather and ERCOT demand). Round 4 added a PJM
 * campus (added peak, uncapped price, cost to others and per household by hand from the 2026/27 reference
 * auction), three regions, the plan match by campus and phase, the start shift in days, the seed's
 * supply-chain stream and the deterministic run reproduced by exact inputs (docs/testing.md).
 */
import { describe, expect, it } from 'vitest';
import { buildoutRun } from '../src/analysis/buildout/report.js';
import {
  buildoutUncertainty,
  sampledCalibration,
  UNCERTAIN_INPUTS,
} from '../src/analysis/buildout/uncertainty.js';
import { calibrate } from '../src/analysis/markets/pjm-capacity.js';
import { fileDataSource } from '../src/io/data-source.js';
import type { Distribution } from '../src/model/uncertainty.js';
import { parseOk } from './helpers.js';

// x = RM − target (percentage points) and ln P of the five auctions (docs/buildout.md table)
const x = [5.4, 5.5, 5.7, 0.7, -0.2];
const y = [50, 34.13, 28.92, 269.92, 388.57].map(Math.log);
const n = 5;
const mx = x.reduce((s, v) => s + v, 0) / n;
const my = y.reduce((s, v) => s + v, 0) / n;
const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
const slope = x.reduce((s, v, i) => s + (v - mx) * ((y[i] as number) - my), 0) / sxx;
const intercept = my - slope * mx;
const s2 = x.reduce((s, v, i) => s + ((y[i] as number) - intercept - slope * v) ** 2, 0) / (n - 2);
/** Var(ln P0), Var(slope) and their covariance: s²(1/n + x̄²/Sxx), s²/Sxx, −x̄·s²/Sxx. */
const varA = s2 * (1 / n + (mx * mx) / sxx);
const varB = s2 / sxx;
const cov = (-mx * s2) / sxx;

const near = (actual: number, expected: number, rel: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

const one = (v: number): Distribution => ({ dist: 'discrete', values: [v] });
const fixed = (days: number) => ({ kind: 'fixed', days }) as const;
const item = (id: string, days: number) => ({ id, label: id, dist: fixed(days), source: 'test' });

/** A supply chain that starts every plan on `asOf` and needs `buildingDays` of building, nothing else. */
const buildingOnly = (asOf: string, buildingDays: number) => ({
  asOf,
  startByStatus: { announced: { monthsBeforeAsOf: 0, why: 'test' } },
  leadTimes: {
    transformer: item('transformer', 0),
    switchgear: item('switchgear', 0),
    building: item('building', buildingDays),
    turbines: item('turbines', 0),
  },
  interconnection: { default: item('interconnection', 0) },
});

/** Campus 'a' at Abilene (ERCOT), 2025–2026: stage s1 200 MW online 2025-06-01, s2 100 MW 2026-06-01. */
const twoStageCampus = () =>
  buildoutRun(
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
          phases: [
            { id: 's1', online: '2025-06-01', rampDays: 0, accelerator: 'gb300', itMW: 200 },
            { id: 's2', online: '2026-06-01', rampDays: 0, accelerator: 'gb300', itMW: 100 },
          ],
        },
      ],
    } as never),
    fileDataSource(),
    { limitsPct: [0.5] },
  );

describe('sampledCalibration against the least-squares sampling distribution', () => {
  const base = calibrate();
  it('the fit is the hand least-squares line: ln P0 = intercept, k = −slope', () => {
    near(Math.log(base.p0USDPerMWDay), intercept, 1e-6);
    near(base.kPerPct, -slope, 1e-6);
  });
  it('z1 = 1: ln P0 up by its standard error, k moved by −cov / SE(ln P0)', () => {
    const c = sampledCalibration(base, 1, 0);
    near(Math.log(c.p0USDPerMWDay) - intercept, Math.sqrt(varA), 1e-5);
    near(c.kPerPct - -slope, -cov / Math.sqrt(varA), 1e-5);
    // x̄ > 0: intercept and slope are negatively correlated, so a higher P0 comes with a steeper
    // fall of ln P (a more negative slope), i.e. a larger k
    expect(cov).toBeLessThan(0);
    expect(c.kPerPct).toBeGreaterThan(base.kPerPct);
    expect(c.residuals).toEqual([]);
  });
  it('z1 = −2: ln P0 down by two standard errors', () => {
    const c = sampledCalibration(base, -2, 0);
    near(Math.log(c.p0USDPerMWDay) - intercept, -2 * Math.sqrt(varA), 1e-5);
  });
  it('z2 = 1: ln P0 unchanged; the two moves of k square to its variance, their product with ln P0 to the covariance', () => {
    const c2 = sampledCalibration(base, 0, 1);
    const c1 = sampledCalibration(base, 1, 0);
    near(Math.log(c2.p0USDPerMWDay), intercept, 1e-9);
    const dk1 = c1.kPerPct - base.kPerPct;
    const dk2 = c2.kPerPct - base.kPerPct;
    // z2 moves k one way only: k falls (the slope rises) with z2
    expect(dk2).toBeLessThan(0);
    near(dk1 * dk1 + dk2 * dk2, varB, 1e-5);
    near((Math.log(c1.p0USDPerMWDay) - intercept) * -dk1, cov, 1e-5);
  });
});

describe('the ERCOT 4CP cost shifted to others, and the inputs list', () => {
  const exact = { size: one(1), startShiftMonths: one(0), flexibleShare: one(0) };
  /** One 300 MW ERCOT campus online 2025-06-01 in Abilene, 2025–2026. */
  const run = () =>
    buildoutRun(
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
            phases: [{ id: 'campus', online: '2025-06-01', rampDays: 0, accelerator: 'gb300', itMW: 300 }],
          },
        ],
      } as never),
      fileDataSource(),
      { limitsPct: [0.5] },
    );
  it('nothing flexible shifts nothing; all flexible shifts the whole 4CP charge the campus pays firm', () => {
    const base = run();
    const firm = base.report.whoPays.ercot4CP;
    expect(firm.length).toBeGreaterThan(0);
    const at = (share: number) =>
      buildoutUncertainty(base.context, base.report, {
        samples: 1,
        seed: 2,
        vary: { ...exact, flexibleShare: one(share) },
      }).ercot4CP;
    const none = at(0);
    const all = at(1);
    expect(none.map((r) => r.year)).toEqual(firm.map((r) => r.year));
    for (const [i, r] of firm.entries()) {
      expect(r.campusPaysFirmUSD).toBeGreaterThan(0);
      expect(none[i]?.shiftedToOthersUSD.p50).toBe(0);
      // a campus that gives way entirely pays no 4CP charge: all of its firm charge moves to others
      expect(all[i]?.shiftedToOthersUSD.p50).toBeCloseTo(r.campusPaysFirmUSD, 6);
    }
    expect(at(0.5).map((r) => r.year)).toEqual(firm.map((r) => r.year));
  });
  it('all flexible, two identical samples: the national curtailed energy and lost compute are the report\'s "all flexible" sums', () => {
    const base = run();
    const u = buildoutUncertainty(base.context, base.report, {
      samples: 2,
      seed: 2,
      vary: { ...exact, flexibleShare: one(1) },
    });
    let curtailed = 0;
    for (const [y, n] of base.report.national.entries()) {
      const q = u.national[y];
      if (q === undefined) throw new Error('missing year');
      curtailed += n.flexibleCurtailedGWh;
      for (const k of ['p5', 'p95'] as const) {
        expect(q.flexibleCurtailedGWh[k]).toBeCloseTo(n.flexibleCurtailedGWh, 6);
        expect(q.computeLostFLOP[k] / (n.computeLostFLOP || 1)).toBeCloseTo(
          n.computeLostFLOP === 0 ? 0 : 1,
          9,
        );
      }
    }
    expect(curtailed).toBeGreaterThan(0);
  });
  it('size 1, no delay, nothing flexible: every sample is the deterministic run (national sums and the region rows)', () => {
    const base = run();
    const u = buildoutUncertainty(base.context, base.report, { samples: 2, seed: 5, vary: exact });
    expect(u.national.map((n) => n.year)).toEqual(base.report.national.map((n) => n.year));
    for (const [y, n] of base.report.national.entries()) {
      const q = u.national[y];
      if (q === undefined) throw new Error('missing year');
      for (const k of [
        'itInstalledMW',
        'campusAtRegionPeaksMW',
        'firmNeedMW',
        'gridGWh',
        'co2Tonnes',
        'waterM3',
      ] as const) {
        expect(n[k]).toBeGreaterThan(0);
        near(q[k].p5, n[k], 1e-9);
        near(q[k].p95, n[k], 1e-9);
      }
    }
    expect(u.regions.map((r) => [r.region, r.year])).toEqual(
      base.report.regions.map((r) => [r.region, r.year]),
    );
    for (const [i, r] of base.report.regions.entries()) {
      const q = u.regions[i];
      if (q === undefined) throw new Error('missing region row');
      near(q.campusAtRegionPeakMW.p50, r.campusAtRegionPeakMW, 1e-9);
      near(q.firmNeedMW.p50, r.firmNeedMW, 1e-9);
      expect(q.curtailedGWh.p50).toBe(0);
      // the headroom the campus uses at each limit: before less after
      expect(q.headroomUsedMW.length).toBe(1);
      near(
        q.headroomUsedMW[0]?.p50 ?? Number.NaN,
        (r.headroomBeforeMW[0] ?? 0) - (r.headroomAfterMW[0] ?? 0),
        1e-9,
      );
    }
  });
  it('a site outside every judged region: its energy still counts nationally, no region row, nothing at region peaks', () => {
    const base = run();
    const u = buildoutUncertainty(
      { ...base.context, judged: [] },
      { ...base.report, regions: [] },
      { samples: 1, seed: 5, vary: exact },
    );
    expect(u.regions).toEqual([]);
    expect(u.ercot4CP).toEqual([]);
    for (const [y, n] of base.report.national.entries()) {
      expect(n.gridGWh).toBeGreaterThan(0);
      near(u.national[y]?.gridGWh.p50 ?? Number.NaN, n.gridGWh, 1e-9);
      expect(u.national[y]?.campusAtRegionPeaksMW.p50).toBe(0);
    }
  });
  it('onProgress: 0 of N before the first sample, then once after each, N of N last', () => {
    const base = run();
    const calls: [number, number][] = [];
    buildoutUncertainty(base.context, base.report, {
      samples: 3,
      seed: 5,
      vary: exact,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
  it('an off-grid campus: its facility energy of each year is counted off grid, in GWh', () => {
    const base = run();
    const ctx = { ...base.context, campuses: base.context.campuses.map((c) => ({ ...c, offGrid: true })) };
    const u = buildoutUncertainty(ctx, base.report, { samples: 1, seed: 2, vary: exact });
    const h = base.context.hourly[0];
    if (h === undefined) throw new Error('no hourly columns');
    // Σ facility MW over the hours of each calendar year (MWh) / 1000, by hand
    for (const [y, year] of [2025, 2026].entries()) {
      let mwh = 0;
      for (let t = 0; t < h.hours; t++)
        if (new Date(h.startMs + t * 3_600_000).getUTCFullYear() === year) mwh += h.facilityMW[t] as number;
      expect(mwh).toBeGreaterThan(0);
      expect(u.national[y]?.offGridGWh.p50).toBeCloseTo(mwh / 1000, 6);
    }
    // grid-connected (as built): nothing off grid
    const grid = buildoutUncertainty(base.context, base.report, { samples: 1, seed: 2, vary: exact });
    expect(grid.national.map((n) => n.offGridGWh.p50)).toEqual([0, 0]);
  });
  it('the inputs list: a distribution given with --vary is named as such; the rest keep their labelled source', () => {
    const base = run();
    const given = buildoutUncertainty(base.context, base.report, {
      samples: 1,
      seed: 2,
      vary: { size: one(1) },
    });
    const byId = new Map(given.inputs.map((x) => [x.id, x]));
    expect(byId.get('size')).toEqual({
      id: 'size',
      label: UNCERTAIN_INPUTS.size.label,
      distribution: one(1),
      source: 'given with --vary',
    });
    expect(byId.get('flexibleShare')).toEqual({
      id: 'flexibleShare',
      label: UNCERTAIN_INPUTS.flexibleShare.label,
      distribution: UNCERTAIN_INPUTS.flexibleShare.distribution,
      source: UNCERTAIN_INPUTS.flexibleShare.source,
    });
    expect(byId.get('pjm.clearingRelation')?.distribution).toBeNull();
    // the sampling is named: Latin hypercube unless another is given
    expect([given.samples, given.seed, given.sampling]).toEqual([1, 2, 'lhs']);
    const random = buildoutUncertainty(base.context, base.report, {
      samples: 1,
      seed: 2,
      sampling: 'random',
    });
    expect(random.sampling).toBe('random');
  });
});

describe('a campus in two stages, each on its own supply-chain plan', () => {
  // Stage 1 (200 MW) announced online 2025-06-01 and the rest (100 MW) 2026-06-01. The supply chain
  // starts both on the analysis date 2026-01-01 and needs 240 days of building, nothing else: both
  // realistic dates are 2026-08-29, delays of 454 and 89 days. A later stage never comes before an
  // earlier one's delay, so the rest moves by 454 days too, to 2027-08-29, after the period.
  it('in 2025 nothing is online; at the end of 2026 only the first stage, 200 of 300 MW', () => {
    const base = twoStageCampus();
    const plan = (phaseId: string, announced: string, itMW: number) =>
      ({
        campusId: 'a',
        phaseId,
        region: 'ERCOT',
        offGrid: false,
        status: 'announced',
        announced,
        itMW,
      }) as const;
    const u = buildoutUncertainty(
      { ...base.context, plans: [plan('first', '2025-06-01', 200), plan('rest', '2026-06-01', 100)] },
      base.report,
      {
        samples: 1,
        seed: 1,
        vary: { size: one(1), startShiftMonths: one(0), flexibleShare: one(0) },
        supplyChain: buildingOnly('2026-01-01', 240),
      },
    );
    const det = base.report.national;
    expect(det[0]?.itInstalledMW).toBeGreaterThan(0);
    expect(det[1]?.itInstalledMW).toBeGreaterThan(0);
    expect(u.national[0]?.itInstalledMW.p50).toBe(0);
    // the deterministic end of 2026 has both stages: the sample keeps 200 / 300 of it (each stage's MW
    // come from whole accelerators, so to 0.01 MW)
    expect(u.national[1]?.itInstalledMW.p50).toBeCloseTo(((det[1]?.itInstalledMW ?? 0) * 200) / 300, 2);
  });
});

describe('a PJM campus: added peak load, clearing price, cost to others, per household', () => {
  // the 2026/27 reference auction (BRA9–BRA12, data/markets/pjm_bra_results.csv): forecast peak,
  // cleared UCAP, reserve margin and target; a household's 2 × 865 kWh/month / 730 h at the peak (the
  // labelled ASSUMPTION of pjm-capacity.ts)
  const F = 159_329;
  const C = 134_311;
  const RM = 18.9;
  const T = 19.1;
  const householdKW = (2 * 865) / 730;
  const base = calibrate();
  /** ln P = ln P0 − k·(RM − target) after A MW more peak load on the same supply, no collar. */
  const price = (a: number, cal: { p0USDPerMWDay: number; kPerPct: number }) => {
    const rmPct = 100 * (((1 + RM / 100) * F) / (F + a) - 1);
    return Math.min(696, cal.p0USDPerMWDay * Math.exp(-cal.kPerPct * (rmPct - T)));
  };
  /** The other customers pay their share F / (F + A) of the new cost, less the cost without the campus. */
  const others = (a: number, cal: { p0USDPerMWDay: number; kPerPct: number }) =>
    price(a, cal) * C * 365 * (F / (F + a)) - price(0, cal) * C * 365;
  /** One 300 MW campus in Loudoun County (Sterling, VA; PJM) online 2025-06-01, 2025–2026. */
  const run = () =>
    buildoutRun(
      parseOk({
        name: 'p',
        start: '2025-01-01',
        end: '2026-12-31',
        sites: [
          {
            id: 'v',
            location: { latitude: 38.95, longitude: -77.45, state: 'VA' },
            weather: 'sterling-va',
            region: 'PJM',
            interconnectMW: 400,
            cooling: 'liquid-evaporative',
            electricityPrice: { flatUSDPerMWh: 50 },
            phases: [{ id: 'campus', online: '2025-06-01', rampDays: 0, accelerator: 'gb300', itMW: 300 }],
          },
        ],
      } as never),
      fileDataSource(),
      { limitsPct: [0.5] },
    );
  /**
   * The report's calibration with its spread taken away: five points exactly on the fitted line, plus
   * 1e-9 on one ln P so that s² is not 0; every sampled (ln P0, k) is then the fit to ~1e-8.
   */
  const tight = (p0: number, k: number) => ({
    p0USDPerMWDay: p0,
    kPerPct: k,
    residuals: x.map((xi, i) => ({
      deliveryYear: String(i),
      excessPct: xi,
      publishedUSDPerMWDay: p0 * Math.exp(-k * xi + (i === 0 ? 1e-9 : 0)),
      modelUSDPerMWDay: 0,
      residualUSDPerMWDay: 0,
    })),
  });
  it('firm (share 0) and half flexible: the added peak, the uncapped price and the cost to others by hand', () => {
    const det = run();
    const pjm = det.report.whoPays.pjm;
    if (pjm === null) throw new Error('no PJM rows');
    const cal = tight(base.p0USDPerMWDay, base.kPerPct);
    const report = { ...det.report, whoPays: { ...det.report.whoPays, pjm: { ...pjm, calibration: cal } } };
    const maxImport = Math.max(...(det.context.hourly[0]?.gridImportMW ?? []));
    const at = (share: number) =>
      buildoutUncertainty(det.context, report, {
        samples: 3,
        seed: 7,
        vary: { size: one(1), startShiftMonths: one(0), flexibleShare: one(share) },
      }).pjm;
    const firm = at(0);
    const half = at(0.5);
    expect(firm.map((r) => r.year)).toEqual(pjm.years.map((r) => r.year));
    expect(half.map((r) => r.year)).toEqual([2025, 2026]);
    for (const [i, r] of pjm.years.entries()) {
      const a = r.addedPeakMW;
      // the campus at PJM's peak hours: some load, never more than its largest hourly grid import
      expect(a).toBeGreaterThan(0);
      expect(a).toBeLessThanOrEqual(maxImport);
      for (const [rows, share] of [
        [firm, 0],
        [half, 0.5],
      ] as const) {
        const q = rows[i];
        if (q === undefined) throw new Error('missing year');
        const added = (1 - share) * a;
        for (const k of ['p5', 'p50', 'p95'] as const) {
          near(q.addedPeakMW[k], added, 1e-9);
          near(q.uncappedUSDPerMWDay[k], price(added, base), 1e-6);
          near(q.othersDeltaUSD[k], others(added, base), 1e-5);
          // the other customers' extra cost × a household's share of the peak, per month
          near(q.perHouseholdUSDPerMonth[k], (others(added, base) * householdKW) / 1000 / F / 12, 1e-5);
        }
      }
    }
    // the added load raises the price: a 300 MW campus cuts the margin by about 0.25 points
    const q = firm[1];
    if (q === undefined) throw new Error('missing 2026');
    expect(q.uncappedUSDPerMWDay.p50).toBeGreaterThan(price(0, base) * 1.05);
    expect(q.othersDeltaUSD.p50).toBeGreaterThan(0);
  });
  it("the report's calibration is the one sampled (a doubled P0 doubles the price)", () => {
    const det = run();
    const pjm = det.report.whoPays.pjm;
    if (pjm === null) throw new Error('no PJM rows');
    const cal = tight(2 * base.p0USDPerMWDay, base.kPerPct);
    const report = { ...det.report, whoPays: { ...det.report.whoPays, pjm: { ...pjm, calibration: cal } } };
    const u = buildoutUncertainty(det.context, report, {
      samples: 1,
      seed: 7,
      vary: { size: one(1), startShiftMonths: one(0), flexibleShare: one(0) },
    });
    const a = pjm.years[1]?.addedPeakMW ?? 0;
    near(u.pjm[1]?.uncappedUSDPerMWDay.p50 ?? 0, price(a, cal), 1e-6);
  });
  it('three regions (AZPS, ERCOT, PJM), half flexible: the PJM and ERCOT rows are those of each campus alone', () => {
    const site = (id: string, lat: number, lon: number, state: string, weather: string, region: string) => ({
      id,
      location: { latitude: lat, longitude: lon, state },
      weather,
      region,
      interconnectMW: 400,
      cooling: 'liquid-evaporative',
      electricityPrice: { flatUSDPerMWh: 50 },
      phases: [{ id: 'campus', online: '2025-06-01', rampDays: 0, accelerator: 'gb300', itMW: 300 }],
    });
    const az = site('z', 33.45, -112.07, 'AZ', 'phoenix-az', 'AZPS');
    const tx = site('t', 32.45, -99.73, 'TX', 'abilene-tx', 'ERCOT');
    const va = site('v', 38.95, -77.45, 'VA', 'sterling-va', 'PJM');
    const go = (sites: unknown[]) => {
      const det = buildoutRun(
        parseOk({ name: 'r', start: '2025-01-01', end: '2026-12-31', sites } as never),
        fileDataSource(),
        { limitsPct: [0.5] },
      );
      const pjm = det.report.whoPays.pjm;
      const report =
        pjm === null
          ? det.report
          : {
              ...det.report,
              whoPays: {
                ...det.report.whoPays,
                pjm: { ...pjm, calibration: tight(base.p0USDPerMWDay, base.kPerPct) },
              },
            };
      return buildoutUncertainty(det.context, report, {
        samples: 1,
        seed: 4,
        vary: { size: one(1), startShiftMonths: one(0), flexibleShare: one(0.5) },
      });
    };
    const all = go([az, tx, va]);
    const txAlone = go([tx]);
    const vaAlone = go([va]);
    // the regions in order: AZPS before ERCOT before PJM, two years each
    expect(all.regions.map((r) => r.region)).toEqual(['AZPS', 'AZPS', 'ERCOT', 'ERCOT', 'PJM', 'PJM']);
    expect(all.pjm.map((r) => r.year)).toEqual([2025, 2026]);
    expect(all.ercot4CP.map((r) => r.year)).toEqual([2025, 2026]);
    for (const i of [0, 1]) {
      const p = all.pjm[i];
      const e = all.ercot4CP[i];
      if (p === undefined || e === undefined) throw new Error('missing row');
      near(p.addedPeakMW.p50, vaAlone.pjm[i]?.addedPeakMW.p50 ?? Number.NaN, 1e-9);
      near(p.uncappedUSDPerMWDay.p50, price(p.addedPeakMW.p50, base), 1e-6);
      expect(e.shiftedToOthersUSD.p50).toBeGreaterThan(0);
      near(e.shiftedToOthersUSD.p50, txAlone.ercot4CP[i]?.shiftedToOthersUSD.p50 ?? Number.NaN, 1e-9);
    }
  });
  it('the clearing relation spread: with the five auctions, P5 < P50 < P95 of the price around the fit', () => {
    const det = run();
    const u = buildoutUncertainty(det.context, det.report, {
      samples: 40,
      seed: 3,
      vary: { size: one(1), startShiftMonths: one(0), flexibleShare: one(0) },
    });
    const q = u.pjm[1];
    const a = det.report.whoPays.pjm?.years[1]?.addedPeakMW ?? 0;
    if (q === undefined) throw new Error('missing 2026');
    // ln P at the sampled margin is normal around the fit: the median near the fitted price
    expect(q.uncappedUSDPerMWDay.p5).toBeLessThan(q.uncappedUSDPerMWDay.p50);
    expect(q.uncappedUSDPerMWDay.p50).toBeLessThan(q.uncappedUSDPerMWDay.p95);
    near(q.uncappedUSDPerMWDay.p50, price(a, base), 0.1);
    // the added load itself does not depend on the clearing relation
    expect(q.addedPeakMW.p5).toBeCloseTo(a, 9);
    expect(q.addedPeakMW.p95).toBeCloseTo(a, 9);
  });
});

describe("each stage finds its own campus's plan", () => {
  // The plans of another campus 'z' come first in the list. The supply chain starts every plan on the
  // analysis date 2025-01-01 and needs 240 days of building, nothing else: every realistic date is
  // 2025-08-29. a/first announced 2025-06-01: 89 days late; a/rest announced 2025-01-01: 240 days late;
  // z/first announced 2024-01-01: 606 days late. So stage 1 (online 2025-06-01) comes on 2025-08-29 and
  // stage 2 (2026-06-01) on 2027-01-27, after the period: here the rest is later than the first, and
  // only a plan matched by campus and phase gives these dates.
  it('2025: stage 1 from 2025-08-29 only; end of 2026: 200 of 300 MW', () => {
    const base = twoStageCampus();
    const plan = (campusId: string, phaseId: string, announced: string, itMW: number) =>
      ({ campusId, phaseId, region: 'ERCOT', offGrid: false, status: 'announced', announced, itMW }) as const;
    const u = buildoutUncertainty(
      {
        ...base.context,
        plans: [
          plan('z', 'first', '2024-01-01', 50),
          plan('z', 'campus', '2024-01-01', 50),
          plan('a', 'first', '2025-06-01', 200),
          plan('a', 'rest', '2025-01-01', 100),
        ],
      },
      base.report,
      {
        samples: 1,
        seed: 1,
        vary: { size: one(1), startShiftMonths: one(0), flexibleShare: one(0) },
        supplyChain: buildingOnly('2025-01-01', 240),
      },
    );
    const h = base.context.hourly[0];
    if (h === undefined) throw new Error('no hourly columns');
    const det = base.report.national;
    // 2025: only stage 1 in the deterministic run, so its grid energy from 2025-08-29 on, by hand
    const from = Date.UTC(2025, 7, 29);
    let mwh = 0;
    let all = 0;
    for (let t = 0; t < h.hours; t++) {
      const ms = h.startMs + t * 3_600_000;
      if (new Date(ms).getUTCFullYear() !== 2025) continue;
      all += h.gridImportMW[t] as number;
      if (ms >= from) mwh += h.gridImportMW[t] as number;
    }
    expect(mwh).toBeGreaterThan(0);
    expect(mwh).toBeLessThan(all);
    expect(u.national[0]?.gridGWh.p50).toBeCloseTo(mwh / 1000, 6);
    expect(u.national[0]?.itInstalledMW.p50).toBeCloseTo(det[0]?.itInstalledMW ?? Number.NaN, 6);
    expect(u.national[1]?.itInstalledMW.p50).toBeCloseTo(((det[1]?.itInstalledMW ?? 0) * 200) / 300, 2);
  });
});

describe('the start shift in days and the supply-chain stream of each seed', () => {
  const item = (
    id: string,
    dist: { kind: 'fixed'; days: number } | { kind: 'uniform'; minDays: number; maxDays: number },
  ) => ({
    id,
    label: id,
    dist,
    source: 'test',
  });
  const zero = { kind: 'fixed', days: 0 } as const;
  /** One 300 MW campus (online 2025-06-01) on one plan announced 2025-01-01, the analysis date. */
  const setup = () => {
    const base = buildoutRun(
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
            phases: [{ id: 'campus', online: '2025-06-01', rampDays: 0, accelerator: 'gb300', itMW: 300 }],
          },
        ],
      } as never),
      fileDataSource(),
      { limitsPct: [0.5] },
    );
    const plans = [
      {
        campusId: 'a',
        phaseId: 'campus',
        region: 'ERCOT',
        offGrid: false,
        status: 'announced',
        announced: '2025-01-01',
        itMW: 300,
      } as const,
    ];
    return { base, ctx: { ...base.context, plans } };
  };
  const chain = (building: ReturnType<typeof item>) => ({
    asOf: '2025-01-01',
    startByStatus: { announced: { monthsBeforeAsOf: 0, why: 'test' } },
    leadTimes: {
      transformer: item('transformer', zero),
      switchgear: item('switchgear', zero),
      building,
      turbines: item('turbines', zero),
    },
    interconnection: { default: item('interconnection', zero) },
  });
  it('3 months later = 3 × 365.25 / 12 days: ready 331.3125 days after 2025-01-01, so online 2026-04-28 07:30', () => {
    const { base, ctx } = setup();
    const u = buildoutUncertainty(ctx, base.report, {
      samples: 1,
      seed: 1,
      vary: { size: one(1), startShiftMonths: one(3), flexibleShare: one(0) },
      supplyChain: chain(item('building', { kind: 'fixed', days: 240 })),
    });
    const h = base.context.hourly[0];
    if (h === undefined) throw new Error('no hourly columns');
    // the delay is the whole 331.3125 days (announced on the start date): the phase moves from
    // 2025-06-01 to 2026-04-28 07:30 UTC
    const onset = Date.UTC(2025, 5, 1) + (240 + (3 * 365.25) / 12) * 86_400_000;
    expect(new Date(onset).toISOString()).toBe('2026-04-28T07:30:00.000Z');
    let mwh = 0;
    for (let t = 0; t < h.hours; t++) {
      const ms = h.startMs + t * 3_600_000;
      if (new Date(ms).getUTCFullYear() === 2026 && ms >= onset) mwh += h.gridImportMW[t] as number;
    }
    expect(u.national[0]?.gridGWh.p50).toBe(0);
    expect(mwh).toBeGreaterThan(0);
    expect(u.national[1]?.gridGWh.p50).toBeCloseTo(mwh / 1000, 6);
  });
  it('two seeds draw two different supply-chain trials; one seed the same', () => {
    const { base, ctx } = setup();
    const at = (seed: number) =>
      buildoutUncertainty(ctx, base.report, {
        samples: 1,
        seed,
        vary: { size: one(1), startShiftMonths: one(0), flexibleShare: one(0) },
        supplyChain: chain(item('building', { kind: 'uniform', minDays: 200, maxDays: 500 })),
      }).national[1]?.gridGWh.p50;
    expect(at(1)).toBe(at(1));
    expect(at(1)).not.toBe(at(2));
  });
});
