/**
 * The headroom method (src/analysis/headroom.ts, Norris et al. 2025) on small series whose answers are
 * counted by hand: the season of an hour in a local clock, the year weights, the rate at a vanishing load,
 * the root at a tie with the zero-gap group, hours out of time order, event counting across a break, the
 * retained-share levels, and the errors. Fast (no bundled data), so Stryker can run it per mutant.
 */
import { describe, expect, it } from 'vitest';
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
  utcYear,
} from '../src/analysis/headroom.js';
import { HOUR_MS } from '../src/engine/series.js';

/** A curve of one year with the given gaps (MW) and equal weights, hours consecutive except at `breaks`. */
const curveOf = (gapMW: readonly number[], breaks: readonly number[] = []): HeadroomCurve => ({
  gapMW: Float64Array.from(gapMW),
  weight: new Float64Array(gapMW.length).fill(1 / gapMW.length),
  runBreak: Uint8Array.from(gapMW, (_, i) => (i === 0 || breaks.includes(i) ? 1 : 0)),
  years: [2021],
});

describe('calendar of an hour', () => {
  it('takes the month in the local standard clock: 03:00Z on 1 March is still February at UTC−6', () => {
    const t = Date.UTC(2021, 2, 1, 3);
    expect(monthAt(t, 0)).toBe(3);
    expect(monthAt(t, -6)).toBe(2);
    // and 22:00Z on 31 May is already June at UTC+3
    expect(monthAt(Date.UTC(2021, 4, 31, 22), 3)).toBe(6);
    expect(utcYear(Date.UTC(2021, 11, 31, 23))).toBe(2021);
    expect(utcYear(Date.UTC(2022, 0, 1, 0))).toBe(2022);
  });
  it('has a standard-time offset for every bundled BA, by catalog id and EIA code (ERCOT: UTC−6)', () => {
    expect(SEASON_UTC_OFFSET_HOURS.ERCOT).toBe(-6);
    expect(SEASON_UTC_OFFSET_HOURS.ERCO).toBe(-6);
    expect(SEASON_UTC_OFFSET_HOURS.NYISO).toBe(-5);
  });
});

describe('seasonal thresholds', () => {
  // Six hours: a winter day, a local-August hour that is September in UTC, an April hour, a November hour
  const times = [
    Date.UTC(2021, 0, 10, 12), // January: winter peak season
    Date.UTC(2021, 8, 1, 2), // 1 Sept 02:00Z = 31 Aug 20:00 at UTC−6: summer peak season locally
    Date.UTC(2021, 6, 15, 12), // July
    Date.UTC(2021, 3, 15, 12), // April: held to the summer threshold
    Date.UTC(2021, 10, 15, 12), // November: held to the winter threshold
    Date.UTC(2021, 11, 20, 12), // December
  ];
  const demand = [700, 1200, 1000, 1100, 750, 650];
  const timeMs = Float64Array.from(times);
  const demandMW = Float64Array.from(demand);

  it('summer = highest June–August hour, winter = highest December–February hour, in the local clock', () => {
    const local = seasonalThresholds(timeMs, demandMW, -6);
    expect(local.summerPeakMW).toBe(1200);
    expect(local.summerPeakTimeMs).toBe(times[1]);
    expect(local.winterPeakMW).toBe(700);
    expect(local.winterPeakTimeMs).toBe(times[0]);
    // April is held to the summer threshold, November to the winter one
    expect([...seasonalThresholdsMW(local)]).toEqual([700, 1200, 1200, 1200, 700, 700]);
    // November's 750 MW is above the winter threshold: the only hour above its own threshold
    expect(local.hoursAboveThreshold).toBe(1);
  });
  it('in UTC the September hour is outside the summer peak months (and above the July threshold)', () => {
    const utc = seasonalThresholds(timeMs, demandMW, 0);
    expect(utc.summerPeakMW).toBe(1000);
    expect(utc.summerPeakTimeMs).toBe(times[2]);
    // September (1200) and April (1100) above 1000; November (750) above 700
    expect(utc.hoursAboveThreshold).toBe(3);
  });
  it('counts the first hour of June (local midnight) in the summer peak season, and the first of tied peaks', () => {
    // consecutive hours 30 May 22:00 – 1 June 03:00 local (UTC−6), the highest demand exactly at 1 June 00:00
    // local; then two December hours with the same winter peak
    const local0 = Date.UTC(2021, 4, 30, 22) + 6 * HOUR_MS;
    const times = Array.from({ length: 30 }, (_, i) => local0 + i * HOUR_MS);
    const demand: number[] = times.map((t) => (t === Date.UTC(2021, 5, 1) + 6 * HOUR_MS ? 900 : 500));
    times.push(Date.UTC(2021, 11, 10, 12), Date.UTC(2021, 11, 11, 12));
    demand.push(800, 800);
    const th = seasonalThresholds(Float64Array.from(times), Float64Array.from(demand), -6);
    expect(th.summerPeakMW).toBe(900);
    expect(th.summerPeakTimeMs).toBe(Date.UTC(2021, 5, 1, 6));
    expect(th.winterPeakMW).toBe(800);
    expect(th.winterPeakTimeMs).toBe(Date.UTC(2021, 11, 10, 12));
    // two equal summer peaks: the first is reported
    const tie = seasonalThresholds(
      Float64Array.from([Date.UTC(2021, 6, 1), Date.UTC(2021, 6, 2), Date.UTC(2021, 0, 5)]),
      Float64Array.from([700, 700, 600]),
      0,
    );
    expect(tie.summerPeakTimeMs).toBe(Date.UTC(2021, 6, 1));
  });
  it('refuses hours without one of the peak seasons, naming the one missing', () => {
    const summerOnly = Float64Array.from([Date.UTC(2021, 6, 1), Date.UTC(2021, 6, 2)]);
    const winterOnly = Float64Array.from([Date.UTC(2021, 0, 1), Date.UTC(2021, 0, 2)]);
    const d = Float64Array.from([1, 2]);
    expect(() => seasonalThresholds(summerOnly, d, 0)).toThrow(/no December–February hour/);
    expect(() => seasonalThresholds(winterOnly, d, 0)).toThrow(/no June–August hour/);
  });
});

function seasonalThresholdsMW(t: ReturnType<typeof seasonalThresholds>): Float64Array {
  return t.thresholdMW;
}

describe('the curve: gaps, year weights and breaks', () => {
  it('weights each year equally whatever its length: w = 1/(Y·H_y), Σw = 1', () => {
    // 3 hours of 2021 and 1 hour of 2022 (after a skipped hour): weights 1/6 and 1/2
    const timeMs = Float64Array.from([
      Date.UTC(2021, 11, 31, 20),
      Date.UTC(2021, 11, 31, 21),
      Date.UTC(2021, 11, 31, 22),
      Date.UTC(2022, 0, 1, 0),
    ]);
    const c = headroomCurve(timeMs, Float64Array.from([10, 20, 30, 40]), Float64Array.from([50, 50, 50, 50]));
    expect(c.years).toEqual([2021, 2022]);
    expect([...c.gapMW]).toEqual([40, 30, 20, 10]);
    expect(c.weight[0]).toBeCloseTo(1 / 6, 15);
    expect(c.weight[2]).toBeCloseTo(1 / 6, 15);
    expect(c.weight[3]).toBeCloseTo(1 / 2, 15);
    // the first hour and the hour after the gap start runs
    expect([...c.runBreak]).toEqual([1, 0, 0, 1]);
  });
  it('refuses an empty series', () => {
    expect(() => headroomCurve(new Float64Array(0), new Float64Array(0), new Float64Array(0))).toThrow(
      /at least one hour/,
    );
  });
});

describe('curtailment rate and the root', () => {
  it('a load of zero or less curtails nothing, even in an hour above its threshold', () => {
    expect(curtailedMW(-10, -5)).toBe(0);
    expect(curtailedMW(-10, 0)).toBe(0);
  });
  it('r(0⁺) is the weight of the hours with no gap (demand at or above the threshold)', () => {
    const c = curveOf([0, -5, 10, 20]);
    expect(curtailmentRate(c, 0)).toBe(0.5);
    // at L = 10: the two zero-gap hours lose everything, the 10 MW hour nothing → r = 0.5
    expect(curtailmentRate(c, 10)).toBe(0.5);
    // at L = 20: 2·1 + (1 − 10/20) = 2.5 of 4 hours
    expect(curtailmentRate(c, 20)).toBe(2.5 / 4);
  });
  it('when the limit equals r(0⁺) exactly, the headroom is the smallest positive gap', () => {
    // r(L) = 0.25 for 0 < L ≤ 8 (only the zero-gap hour is curtailed), then rises
    const c = curveOf([0, 8, 12, 30]);
    expect(solveHeadroomMW(c, 0.25)).toBe(8);
    // just above: L = S/(W − r) on the piece (8, 12]: W = 0.5, S = 8/4 = 2 → L = 2/(0.5 − 0.3) = 10
    expect(solveHeadroomMW(c, 0.3)).toBeCloseTo(10, 12);
    // just below r(0⁺): nothing fits
    expect(solveHeadroomMW(c, 0.2)).toBe(0);
  });
  it('the same root when hours are out of time order (weights alternating between years)', () => {
    // 40 hours of two "years" interleaved: 40 runs of one weight each, more than the 32-way merge takes
    const n = 40;
    const gaps = Array.from({ length: n }, (_, i) => 100 + ((i * 37) % n) * 10);
    const weight = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 / 30 : 1 / 60 + 1 / 600));
    const total = weight.reduce((a, b) => a + b, 0);
    for (let i = 0; i < n; i++) weight[i] = (weight[i] as number) / total;
    const interleaved: HeadroomCurve = {
      gapMW: Float64Array.from(gaps),
      weight,
      runBreak: new Uint8Array(n).fill(1),
      years: [2021, 2022],
    };
    // the same hours grouped by weight (each year's hours together)
    const order = [...Array(n).keys()].sort((a, b) => (a % 2) - (b % 2) || a - b);
    const grouped: HeadroomCurve = {
      gapMW: Float64Array.from(order, (i) => gaps[i] as number),
      weight: Float64Array.from(order, (i) => weight[i] as number),
      runBreak: new Uint8Array(n).fill(1),
      years: [2021, 2022],
    };
    for (const r of [0.01, 0.1, 0.4]) {
      const L = solveHeadroomMW(interleaved, r);
      expect(L).toBeCloseTo(solveHeadroomMW(grouped, r), 9);
      expect(curtailmentRate(interleaved, L)).toBeCloseTo(r, 12);
    }
  });
  it('rejects a limit outside (0, 1)', () => {
    const c = curveOf([1, 2]);
    for (const bad of [0, 1, -0.1, Number.NaN]) {
      expect(() => solveHeadroomMW(c, bad)).toThrow(/\(0, 1\)/);
      expect(() => bisectHeadroomMW(c, bad)).toThrow(/\(0, 1\)/);
    }
  });
  it('bisection gives up above 1e12 MW (gaps of 1e13 MW are never reached)', () => {
    expect(bisectHeadroomMW(curveOf([1e13, 1e13]), 0.5)).toBe(Number.POSITIVE_INFINITY);
    // and returns 0 when even a vanishing load exceeds the limit
    expect(bisectHeadroomMW(curveOf([0, 0, 5]), 0.5)).toBe(0);
  });
});

describe('what the new load faces', () => {
  it('counts events as runs of curtailed hours, split by a break in the hours', () => {
    // gaps: curtailed (< 10) in hours 1–3 and 5–6; a break before hour 3 splits the first run
    const c = curveOf([50, 2, 5, 8, 40, 0, 9, 60], [3]);
    const s = curtailmentStats(c, 10);
    expect(s.curtailedHoursPerYear).toBe(5);
    expect(s.events).toBe(3); // [1,2], [3], [5,6]
    expect(s.eventsPerYear).toBe(3);
    expect(s.longestEventHours).toBe(2);
    expect(s.meanEventHours).toBeCloseTo(5 / 3, 12);
    // the longest event need not be the last: 3 hours, then 1
    expect(curtailmentStats(curveOf([1, 1, 1, 50, 1]), 10).longestEventHours).toBe(3);
    // curtailed MW: 8, 5, 2, 10, 1 → 26 MWh a year; rate = 26 / (10 MW · 8 h)
    expect(s.curtailedEnergyMWhPerYear).toBe(26);
    expect(s.curtailmentPct).toBeCloseTo((100 * 26) / 80, 12);
    // retained share of the load in those hours: 0.2, 0.5, 0.8, 0, 0.9
    expect(s.retained50Pct).toBeCloseTo((100 * 3) / 5, 12); // 0.5 counts as "at least half"
    expect(s.retained75Pct).toBeCloseTo((100 * 2) / 5, 12);
    expect(s.retained90Pct).toBeCloseTo((100 * 1) / 5, 12);
  });
  it('with nothing curtailed: no events, mean event 0 h, every retained share 100 %', () => {
    const s = curtailmentStats(curveOf([50, 60]), 10);
    expect(s.events).toBe(0);
    expect(s.meanEventHours).toBe(0);
    expect(s.longestEventHours).toBe(0);
    expect([s.retained50Pct, s.retained75Pct, s.retained90Pct]).toEqual([100, 100, 100]);
  });
  it('averages over the years: two identical years give the per-year figures of one', () => {
    const one = curtailmentStats(curveOf([2, 50, 5]), 10);
    const two: HeadroomCurve = {
      gapMW: Float64Array.from([2, 50, 5, 2, 50, 5]),
      weight: new Float64Array(6).fill(1 / 6),
      runBreak: Uint8Array.from([1, 0, 0, 0, 0, 0]),
      years: [2021, 2022],
    };
    const s = curtailmentStats(two, 10);
    expect(s.curtailedHoursPerYear).toBe(one.curtailedHoursPerYear);
    expect(s.curtailedEnergyMWhPerYear).toBe(one.curtailedEnergyMWhPerYear);
    expect(s.eventsPerYear).toBe(1.5); // 3 events (the 5 of year 1 and the 2 of year 2 join) over 2 years
  });
});

describe('analyseHeadroom input checks', () => {
  const t = Float64Array.from([Date.UTC(2021, 0, 1), Date.UTC(2021, 6, 1)]);
  it('refuses times and demand of different lengths', () => {
    expect(() =>
      analyseHeadroom({ timeMs: t, demandMW: Float64Array.from([1]), utcOffsetHours: 0, limitsPct: [1] }),
    ).toThrow(/timeMs has 2 hours but demandMW has 1/);
  });
  it('refuses a non-finite demand, naming the hour', () => {
    expect(() =>
      analyseHeadroom({
        timeMs: t,
        demandMW: Float64Array.from([1, Number.NaN]),
        utcOffsetHours: 0,
        limitsPct: [1],
      }),
    ).toThrow(/demandMW\[1\] is not finite/);
  });
  it('reports the hours, years and thresholds with each limit in the order given', () => {
    // one January and one July hour, each the peak of its season: both gaps are 0
    const a = analyseHeadroom({
      timeMs: t,
      demandMW: Float64Array.from([100, 200]),
      utcOffsetHours: 0,
      limitsPct: [5, 1],
    });
    expect(a.hours).toBe(2);
    expect(a.years).toEqual([2021]);
    expect(a.thresholds.winterPeakMW).toBe(100);
    expect(a.thresholds.summerPeakMW).toBe(200);
    expect(a.results.map((r) => r.curtailmentPct)).toEqual([5, 1]);
    // every hour is at its threshold: r(0⁺) = 1 > any limit → no headroom
    expect(a.results.map((r) => r.headroomMW)).toEqual([0, 0]);
  });
});
