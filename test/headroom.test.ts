/**
 * Regional grid headroom (Norris et al., Rethinking Load Growth, Duke 2025): exact answers on synthetic
 * demand (constant, single spikes, sinusoids), the screening rules, and the bundled EIA-930 data.
 */
import { describe, expect, it } from 'vitest';
import { screenDemand } from '../src/analysis/demand-cleaning.js';
import {
  analyseHeadroom,
  bisectHeadroomMW,
  curtailedMW,
  curtailmentRate,
  curtailmentStats,
  type HeadroomCurve,
  headroomCurve,
  monthAt,
  SEASON_UTC_OFFSET_HOURS,
  seasonalThresholds,
  solveHeadroomMW,
} from '../src/analysis/headroom.js';
import { REGION_IDS } from '../src/catalog/regions.js';
import { HOUR_MS } from '../src/engine/series.js';
import { loadRegionHourly } from '../src/io/grid.js';
import { dataDir } from '../src/io/paths.js';

/** Hourly UTC series over whole years, demand from a function of the hour's start. */
function hourly(years: number[], demand: (ms: number) => number) {
  const times: number[] = [];
  for (const y of years) {
    for (let t = Date.UTC(y, 0, 1); t < Date.UTC(y + 1, 0, 1); t += HOUR_MS) times.push(t);
  }
  const timeMs = Float64Array.from(times);
  return { timeMs, demandMW: Float64Array.from(times, demand) };
}

const curveOf = (gapMW: number[], runBreak?: number[]): HeadroomCurve => ({
  gapMW: Float64Array.from(gapMW),
  weight: new Float64Array(gapMW.length).fill(1 / gapMW.length),
  runBreak: Uint8Array.from(runBreak ?? gapMW.map((_, i) => (i === 0 ? 1 : 0))),
  years: [2021],
});

describe('curtailment of one hour', () => {
  it('is the excess over the threshold, max(0, D + L − T)', () => {
    expect(curtailedMW(30, 100)).toBe(70); // D + L − T = L − g
    expect(curtailedMW(100, 100)).toBe(0);
    expect(curtailedMW(150, 100)).toBe(0);
  });
  it('never exceeds the new load itself, even where demand is already above the threshold', () => {
    expect(curtailedMW(0, 100)).toBe(100);
    expect(curtailedMW(-250, 100)).toBe(100);
  });
  it('is zero with no new load', () => {
    expect(curtailedMW(-5, 0)).toBe(0);
  });
});

describe('constant demand', () => {
  const { timeMs, demandMW } = hourly([2021], () => 50_000);
  const a = analyseHeadroom({ timeMs, demandMW, utcOffsetHours: 0, limitsPct: [0.25, 0.5, 1, 5] });
  it('sets both thresholds to the constant', () => {
    expect(a.thresholds.summerPeakMW).toBe(50_000);
    expect(a.thresholds.winterPeakMW).toBe(50_000);
  });
  it('curtails any added load entirely in every hour: rate 100 % for every L', () => {
    for (const L of [1, 100, 1e4]) expect(curtailmentRate(a.curve, L)).toBeCloseTo(1, 12);
    expect(curtailmentRate(a.curve, 0)).toBeCloseTo(1, 12);
  });
  it('has zero headroom at every limit, and nothing curtailed at zero load', () => {
    for (const r of a.results) {
      expect(r.headroomMW).toBe(0);
      expect(r.curtailedHoursPerYear).toBe(0);
      expect(r.events).toBe(0);
    }
  });
});

describe('a single spike in each peak season (2021, UTC seasons)', () => {
  // 1,000 MW flat; one July hour at 1,200 MW and one January hour at 1,500 MW.
  const summerSpike = Date.UTC(2021, 6, 15, 12);
  const winterSpike = Date.UTC(2021, 0, 15, 12);
  const { timeMs, demandMW } = hourly([2021], (t) =>
    t === summerSpike ? 1200 : t === winterSpike ? 1500 : 1000,
  );
  const N = 8760;
  const Ns = 214 * 24; // April–October hours
  const a = analyseHeadroom({ timeMs, demandMW, utcOffsetHours: 0, limitsPct: [0.25, 50] });

  it('thresholds are the spikes: 1,200 MW for April–October, 1,500 MW for November–March', () => {
    expect(a.thresholds.summerPeakMW).toBe(1200);
    expect(a.thresholds.winterPeakMW).toBe(1500);
    expect(a.thresholds.summerPeakTimeMs).toBe(summerSpike);
    expect(a.thresholds.winterPeakTimeMs).toBe(winterSpike);
  });
  it('a vanishing load is curtailed only in the two spike hours: r(0⁺) = 2/8760', () => {
    expect(curtailmentRate(a.curve, 0)).toBeCloseTo(2 / N, 15);
    expect(curtailmentRate(a.curve, 150)).toBeCloseTo(2 / N, 15);
  });
  it('headroom at 0.25 % is (Ns − 1)·200 / (Ns + 1 − 0.0025·N), exactly', () => {
    const exact = ((Ns - 1) * 200) / (Ns + 1 - 0.0025 * N);
    expect(a.results[0]?.headroomMW).toBeCloseTo(exact, 9);
    expect(exact).toBeGreaterThan(200);
    expect(exact).toBeLessThan(500);
  });
  it('headroom at 50 % takes every hour: Σ gaps / (N·(1 − 0.5))', () => {
    const sumGaps = (Ns - 1) * 200 + (N - Ns - 1) * 500;
    expect(a.results[1]?.headroomMW).toBeCloseTo(sumGaps / (N * 0.5), 9);
  });
  it('at 0.25 % every April–October hour is curtailed a little, in one long event, plus the January spike', () => {
    const r = a.results[0] as (typeof a.results)[number];
    expect(r.curtailedHoursPerYear).toBe(Ns + 1);
    expect(r.events).toBe(2);
    expect(r.meanEventHours).toBe((Ns + 1) / 2);
    // 0.4 % of the load is lost in the ordinary hours; the two spike hours lose all of it
    expect(r.retained90Pct).toBeCloseTo((100 * (Ns - 1)) / (Ns + 1), 9);
    expect(r.stats.longestEventHours).toBe(Ns);
  });
  it('the rate at the headroom is the limit, and bisection finds the same root', () => {
    for (const r of a.results) {
      expect(r.stats.curtailmentPct).toBeCloseTo(r.curtailmentPct, 9);
      expect(bisectHeadroomMW(a.curve, r.curtailmentPct / 100, 1e-6)).toBeCloseTo(r.headroomMW, 5);
    }
  });
});

describe('sinusoidal demand', () => {
  // D = A + B·sin θ, θ uniform: gap g = B(1 − sin θ). With x = L/B ≤ 2, hours with sin θ > 1 − x are
  // curtailed and r(x) = [(π − 2 arcsin(1 − x))(1 − 1/x) + 2√(2x − x²)/x] / (2π); for x ≥ 2, r = 1 − 1/x.
  const closedForm = (x: number) =>
    x >= 2
      ? 1 - 1 / x
      : ((Math.PI - 2 * Math.asin(1 - x)) * (1 - 1 / x) + (2 * Math.sqrt(2 * x - x * x)) / x) / (2 * Math.PI);
  const invert = (rate: number) => {
    let lo = 0;
    let hi = 10;
    for (let k = 0; k < 200; k++) {
      const mid = 0.5 * (lo + hi);
      if (closedForm(mid) <= rate) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const B = 10_000;
  const N = 200_000;
  const gaps = Array.from({ length: N }, (_, i) => B * (1 - Math.sin((2 * Math.PI * (i + 0.5)) / N)));
  const curve = curveOf(gaps);

  it.each([0.0025, 0.005, 0.01, 0.05])('headroom at %s matches the closed form to 1e-5', (rate) => {
    const exact = B * invert(rate);
    expect(Math.abs(solveHeadroomMW(curve, rate) - exact) / exact).toBeLessThan(1e-5);
  });
  it('a limit of 50 % gives L = 2B exactly (the mean gap is B)', () => {
    expect(solveHeadroomMW(curve, 0.5)).toBeCloseTo(2 * B, 6);
  });

  it('hourly daily cycle through the seasons: r(0⁺) = 1/24, then L = S/(W − r) on the piece', () => {
    // Peak at 06Z every day (sin = 1), so both seasonal thresholds are A + B and every day is alike.
    const A = 40_000;
    const Bd = 8_000;
    const { timeMs, demandMW } = hourly([2021, 2022], (t) => {
      const h = new Date(t).getUTCHours();
      return A + Bd * Math.sin((Math.PI * h) / 12);
    });
    const a = analyseHeadroom({ timeMs, demandMW, utcOffsetHours: 0, limitsPct: [1, 4, 5] });
    expect(a.thresholds.summerPeakMW).toBe(A + Bd);
    // the daily peak hour is always fully curtailed: 1/24 = 4.17 % > 1 % and 4 %
    expect(a.results[0]?.headroomMW).toBe(0);
    expect(a.results[1]?.headroomMW).toBe(0);
    // at 5 %: hours 05 and 07 (gap B(1 − cos 15°)) join the peak hour: W = 3/24, S = 2·B(1 − cos 15°)/24
    const g1 = Bd * (1 - Math.cos(Math.PI / 12));
    const exact = ((2 * g1) / 24 / (3 / 24 - 0.05)) as number;
    expect(a.results[2]?.headroomMW).toBeCloseTo(exact, 6);
    expect(a.results[2]?.curtailedHoursPerYear).toBeCloseTo((3 * 8760) / 24, 9);
    expect(a.results[2]?.events).toBe(730); // one 3-hour event a day, 2 × 365 days
    expect(a.results[2]?.meanEventHours).toBe(3);
  });
});

describe('rate, events and retained shares', () => {
  it('events are maximal runs of curtailed hours, broken where hours are not consecutive', () => {
    const c = curveOf([10, 0, 5, 100, 100, 0, 0, 100]);
    const s = curtailmentStats(c, 20);
    expect(s.curtailedHoursPerYear).toBe(5);
    expect(s.events).toBe(2);
    expect(s.meanEventHours).toBe(2.5);
    expect(s.longestEventHours).toBe(3);
    // retained (L − c)/L = g/L: 0.5, 0, 0.25, 0, 0
    expect(s.retained50Pct).toBe(20);
    expect(s.retained75Pct).toBe(0);
    expect(s.curtailedEnergyMWhPerYear).toBe(10 + 20 + 15 + 20 + 20);
    const broken = curveOf([10, 0, 5, 100, 100, 0, 0, 100], [1, 0, 1, 0, 0, 0, 0, 0]);
    expect(curtailmentStats(broken, 20).events).toBe(3);
  });
  it('the rate is the mean of the yearly rates (a leap and a common year weigh the same)', () => {
    const { timeMs, demandMW } = hourly([2020, 2021], (t) =>
      new Date(t).getUTCFullYear() === 2020 ? 900 : 800,
    );
    // hold every hour to a flat 1,000 MW: 2020 gaps 100 MW, 2021 gaps 200 MW
    const curve = headroomCurve(timeMs, demandMW, new Float64Array(timeMs.length).fill(1000));
    const L = 150;
    expect(curtailmentRate(curve, L)).toBeCloseTo(0.5 * (50 / 150) + 0.5 * 0, 12);
    expect(curve.years).toEqual([2020, 2021]);
  });
  it('the rate never falls as the load grows', () => {
    const c = curveOf([0, 3, 3, 7, 50, 120, 400, 400, 900]);
    let prev = -1;
    for (let L = 0; L <= 2000; L += 0.5) {
      const r = curtailmentRate(c, L);
      expect(r).toBeGreaterThanOrEqual(prev - 1e-15);
      prev = r;
    }
  });
  it('rejects limits outside (0, 100 %)', () => {
    const c = curveOf([1, 2, 3]);
    expect(() => solveHeadroomMW(c, 0)).toThrow(/\(0, 1\)/);
    expect(() => solveHeadroomMW(c, 1)).toThrow(/\(0, 1\)/);
  });
});

describe('seasons', () => {
  it('uses the local standard-time month: 05Z on 1 April is still March in UTC−6', () => {
    const t = Date.UTC(2021, 3, 1, 5);
    expect(monthAt(t, 0)).toBe(4);
    expect(monthAt(t, -6)).toBe(3);
  });
  it('a September hour above the summer peak is held to the summer threshold (the cap binds there)', () => {
    const sept = Date.UTC(2021, 8, 5, 20);
    const { timeMs, demandMW } = hourly([2021], (t) => (t === sept ? 1100 : 1000));
    const th = seasonalThresholds(timeMs, demandMW, 0);
    expect(th.summerPeakMW).toBe(1000);
    expect(th.hoursAboveThreshold).toBe(1);
  });
  it('needs both peak seasons', () => {
    const { timeMs, demandMW } = hourly([2021], () => 1);
    const summerOnly = timeMs.filter((t) => [6, 7, 8].includes(monthAt(t, 0)));
    expect(() => seasonalThresholds(summerOnly, demandMW.slice(0, summerOnly.length), 0)).toThrow(
      /December–February/,
    );
  });
});

describe('screening of the cleaned demand', () => {
  it('drops missing and non-positive hours and replaces an isolated spike, counting each', () => {
    const values = new Float64Array(48).fill(1000);
    values[5] = Number.NaN;
    values[10] = 0;
    values[20] = 1500; // 50 % above both neighbours
    values[30] = 1150; // 15 %: a plausible swing, kept
    const s = screenDemand({ startMs: Date.UTC(2021, 0, 1), values }, { years: [2021] });
    const touched = Object.fromEntries(s.rules.map((r) => [r.id, r.hoursTouched]));
    expect(touched).toEqual({ 'missing-hour': 1, 'non-positive': 1, 'isolated-spike': 1 });
    expect(s.hoursInYears).toBe(48);
    expect(s.timeMs.length).toBe(46);
    expect(s.demandMW[s.timeMs.indexOf(Date.UTC(2021, 0, 1, 20))]).toBe(1000);
    expect(s.demandMW[s.timeMs.indexOf(Date.UTC(2021, 0, 2, 6))]).toBe(1150);
    expect(s.rules[2]?.examples).toEqual(['2021-01-01T20Z']);
  });
  it('keeps only the years asked for', () => {
    const values = new Float64Array(2 * 8760).fill(1);
    const s = screenDemand({ startMs: Date.UTC(2021, 0, 1), values }, { years: [2022] });
    expect(s.timeMs.length).toBe(8760);
    expect(new Date(s.timeMs[0] as number).toISOString()).toBe('2022-01-01T00:00:00.000Z');
  });
});

describe('bundled EIA-930 demand, 2019–2024', () => {
  const years = [2019, 2020, 2021, 2022, 2023, 2024];
  const run = (id: string, utcOffsetHours = SEASON_UTC_OFFSET_HOURS[id] as number) => {
    const s = screenDemand(loadRegionHourly(id, dataDir()).demandMW, { years });
    return {
      s,
      a: analyseHeadroom({ ...s, utcOffsetHours, limitsPct: [0.25, 0.5, 1, 5] }),
      offset: utcOffsetHours,
    };
  };
  const regions = ['ERCOT', 'NYISO', 'PJM'].map((id) => ({ id, ...run(id) }));

  it.each(regions)(
    '$id: the only screening needed is the one missing last hour (2024-12-31T23Z)',
    ({ s }) => {
      expect(s.rules.map((r) => r.hoursTouched)).toEqual([1, 0, 0]);
      expect(s.rules[0]?.examples).toEqual(['2024-12-31T23Z']);
    },
  );
  it.each(regions)(
    '$id: thresholds are the highest June–August and December–February hours',
    ({ s, a, offset }) => {
      let summer = 0;
      let winter = 0;
      s.timeMs.forEach((t, i) => {
        const m = new Date(t + offset * HOUR_MS).getUTCMonth() + 1;
        const d = s.demandMW[i] as number;
        if (m >= 6 && m <= 8) summer = Math.max(summer, d);
        if (m === 12 || m <= 2) winter = Math.max(winter, d);
      });
      expect(a.thresholds.summerPeakMW).toBe(summer);
      expect(a.thresholds.winterPeakMW).toBe(winter);
    },
  );
  it.each(regions)('$id: headroom grows with the limit and stays a fraction of the peak', ({ a }) => {
    const peak = Math.max(a.thresholds.summerPeakMW, a.thresholds.winterPeakMW);
    const h = a.results.map((r) => r.headroomMW);
    expect(h[0]).toBeGreaterThan(0.02 * peak);
    for (let i = 1; i < h.length; i++) expect(h[i]).toBeGreaterThan(h[i - 1] as number);
    expect(h[h.length - 1]).toBeLessThan(0.5 * peak);
  });
  it.each(regions)('$id: the rate at the headroom is the limit; bisection agrees within 1 MW', ({ a }) => {
    for (const r of a.results) {
      expect(r.stats.curtailmentPct).toBeCloseTo(r.curtailmentPct, 9);
      expect(Math.abs(bisectHeadroomMW(a.curve, r.curtailmentPct / 100, 0.01) - r.headroomMW)).toBeLessThan(
        1,
      );
    }
  });
  it.each(regions)(
    '$id: curtailment is partial — in most curtailed hours half the new load still runs',
    ({ a }) => {
      for (const r of a.results) {
        expect(r.retained50Pct).toBeGreaterThan(50);
        expect(r.retained50Pct).toBeGreaterThanOrEqual(r.retained75Pct);
        expect(r.retained75Pct).toBeGreaterThanOrEqual(r.retained90Pct);
        expect(r.meanEventHours).toBeGreaterThan(1);
        expect(r.meanEventHours).toBeLessThan(24);
      }
    },
  );
  it('the season clock (local standard time or UTC) moves ERCOT headroom by less than 0.1 %', () => {
    const utc = run('ERCOT', 0).a;
    const local = regions[0]?.a as typeof utc;
    utc.results.forEach((r, i) => {
      const l = local.results[i]?.headroomMW as number;
      expect(Math.abs(r.headroomMW - l) / l).toBeLessThan(1e-3);
    });
  });
  it('the 12 bundled regions follow the shape of the Duke national curve: 76, 98, 126 GW at 0.25, 0.5, 1 %', () => {
    // Norris et al. (2025) headline over 22 balancing authorities, 2016–2024. Ours are 12 of them and
    // 2019–2024, so the totals are smaller; the ratios between limits are a property of the method.
    const total = [0, 0, 0];
    for (const id of REGION_IDS) {
      const a = run(id).a;
      for (let k = 0; k < 3; k++) total[k] = (total[k] as number) + (a.results[k]?.headroomMW as number);
    }
    const [q, h, one] = total as [number, number, number];
    expect(q / h).toBeCloseTo(76 / 98, 1);
    expect(one / h).toBeCloseTo(126 / 98, 1);
    expect(h).toBeLessThan(98_000);
    expect(h).toBeGreaterThan(0.5 * 98_000);
  });
});
