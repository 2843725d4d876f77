/**
 * A site's stated annual intensity on its region's hourly shape (src/model/site-carbon.ts): the annual
 * mean on the stated basis is the stated figure, year by year, and the scaled series of one region and
 * one stated figure are the same arrays each time (a sweep worker's stage reuse compares by identity).
 */
import { describe, expect, it } from 'vitest';
import type { HourlySeries } from '../src/engine/series.js';
import { applyStatedCarbon } from '../src/model/site-carbon.js';

const startMs = Date.UTC(2023, 0, 1);
const HOURS_2023 = 8760;
const HOURS_2024 = 8784;

/** 2023 at 300 g/kWh by day and 100 by night (mean 200); 2024 flat at 400. */
function lifecycleSeries(): HourlySeries {
  const v = new Float64Array(HOURS_2023 + HOURS_2024);
  for (let h = 0; h < HOURS_2023; h++) v[h] = h % 24 >= 12 ? 300 : 100;
  v.fill(400, HOURS_2023);
  return { startMs, values: v };
}
const directOf = (s: HourlySeries): HourlySeries => ({ startMs, values: s.values.map((x) => x * 0.75) });
const mean = (a: Float64Array, from: number, to: number) => {
  let sum = 0;
  for (let h = from; h < to; h++) sum += a[h] as number;
  return sum / (to - from);
};

describe('a stated annual intensity on the region’s hourly shape', () => {
  it('each year’s mean on the stated basis is the stated figure; the hourly shape and the other basis follow', () => {
    const lc = lifecycleSeries();
    const dir = directOf(lc);
    const r = applyStatedCarbon({ annualGPerKWh: 150, basis: 'direct', source: 'test' }, lc, dir);
    const d = r.direct?.values as Float64Array;
    expect(mean(d, 0, HOURS_2023)).toBeCloseTo(150, 9);
    expect(mean(d, HOURS_2023, HOURS_2023 + HOURS_2024)).toBeCloseTo(150, 9);
    // 2023: direct mean 150 = 0.75 × 200 → k = 1; day hours stay three times the night hours
    expect(d[12]).toBeCloseTo(225, 9);
    expect(d[0]).toBeCloseTo(75, 9);
    // lifecycle keeps its ratio to direct (1 / 0.75): 2024 lifecycle = 150 / 0.75 = 200
    expect(r.lifecycle.values[HOURS_2023 + 5]).toBeCloseTo(200, 9);
  });

  it('the same region series and stated figure give the same arrays; another figure or series does not', () => {
    const lc = lifecycleSeries();
    const dir = directOf(lc);
    const stated = { annualGPerKWh: 150, basis: 'direct', source: 'a' } as const;
    const a = applyStatedCarbon(stated, lc, dir);
    const again = applyStatedCarbon({ ...stated, source: 'another label' }, lc, dir);
    expect(again.lifecycle).toBe(a.lifecycle);
    expect(again.direct).toBe(a.direct);
    // another figure on the same series: its own mean, not the cached one
    const other = applyStatedCarbon({ ...stated, annualGPerKWh: 300 }, lc, dir);
    expect(mean(other.direct?.values as Float64Array, 0, HOURS_2023)).toBeCloseTo(300, 9);
    // the same figure on the other basis: the lifecycle mean is 150 now
    const lifecycle = applyStatedCarbon({ ...stated, basis: 'lifecycle' }, lc, dir);
    expect(mean(lifecycle.lifecycle.values, 0, HOURS_2023)).toBeCloseTo(150, 9);
    // the same region series with another direct series: scaled on that one
    const dir2 = { startMs, values: lc.values.map((x) => x * 0.5) };
    const withDir2 = applyStatedCarbon(stated, lc, dir2);
    expect(withDir2.direct).not.toBe(a.direct);
    expect(mean(withDir2.lifecycle.values, 0, HOURS_2023)).toBeCloseTo(300, 9);
  });

  it('gaps (NaN hours) are left out of the mean and stay gaps; a year whose mean is 0 cannot be scaled', () => {
    const v = new Float64Array(HOURS_2023 + HOURS_2024);
    for (let h = 0; h < HOURS_2023; h++) v[h] = h % 2 === 0 ? 200 : Number.NaN; // 2023: mean 200 over its data
    // 2024: all zero (mean 0): its hours are left as gaps rather than divided by 0
    const lc = { startMs, values: v };
    const r = applyStatedCarbon({ annualGPerKWh: 100, basis: 'lifecycle', source: 'test' }, lc, undefined);
    expect(r.lifecycle.values[0]).toBeCloseTo(100, 9);
    expect(r.lifecycle.values[1]).toBeNaN();
    expect(r.lifecycle.values[HOURS_2023]).toBeNaN();
    // no direct series and a lifecycle figure: there is no direct series to scale
    expect(r.direct).toBeUndefined();
  });

  it('refuses a direct figure without a direct series, and series that do not start together', () => {
    const lc = lifecycleSeries();
    expect(() =>
      applyStatedCarbon({ annualGPerKWh: 100, basis: 'direct', source: 't' }, lc, undefined),
    ).toThrow(/no direct \(combustion\) intensity series/);
    const late = { startMs: startMs + 3_600_000, values: lc.values.slice(1) };
    expect(() =>
      applyStatedCarbon({ annualGPerKWh: 100, basis: 'lifecycle', source: 't' }, lc, late),
    ).toThrow(/must start at the same hour/);
  });
});
