/**
 * `solveHeadroomMW` sorts only the gaps below a bound estimated for the rate asked (issue 11, headroom
 * speed). The answer must not depend on that bound, nor on which rate was asked first on a curve (the sorted
 * gaps are cached per curve), and must stay the exact root of the piecewise rate.
 */
import { describe, expect, it } from 'vitest';
import { bisectHeadroomMW, type HeadroomCurve, solveHeadroomMW } from '../src/analysis/headroom.js';

/** One year of hours with the given gaps (MW), equal weights. */
const curveOf = (gapMW: readonly number[]): HeadroomCurve => ({
  gapMW: Float64Array.from(gapMW),
  weight: new Float64Array(gapMW.length).fill(1 / gapMW.length),
  runBreak: Uint8Array.from(gapMW, (_, i) => (i === 0 ? 1 : 0)),
  years: [2021],
});

/** Deterministic pseudo-random gaps (a 32-bit LCG), some negative (demand above its threshold). */
function gaps(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return (s / 2 ** 32) * 20_000 - 500;
  });
}

describe('headroom from a partial sort of the gaps', () => {
  const rates = [0.0025, 0.005, 0.01, 0.05, 0.2, 0.5];
  const g = gaps(3_000, 7);

  it('gives the same root, bit for bit, whichever rate is asked first on a curve', () => {
    const ascending = curveOf(g);
    const up = rates.map((r) => solveHeadroomMW(ascending, r));
    const descending = curveOf(g);
    const down = [...rates].reverse().map((r) => solveHeadroomMW(descending, r));
    down.reverse();
    for (let i = 0; i < rates.length; i++) {
      // each rate also on a fresh curve (no cached sort)
      const fresh = solveHeadroomMW(curveOf(g), rates[i] as number);
      expect(Object.is(up[i], fresh)).toBe(true);
      expect(Object.is(down[i], fresh)).toBe(true);
    }
  });

  it('is the root of r(L) = rate found by bisection, at every rate', () => {
    const c = curveOf(g);
    for (const r of rates) {
      const L = solveHeadroomMW(c, r);
      expect(Math.abs(L - bisectHeadroomMW(curveOf(g), r, 1e-7))).toBeLessThan(1e-5);
    }
  });

  it('finds a root beyond every gap but one far-out hour (the walk runs past a sparse bound)', () => {
    // 999 hours with a gap of 1 MW and one hour with 1e6 MW: r(L) = 0.999·(1 − 1/L) for 1 < L ≤ 1e6, so
    // r = 0.5 at L = 1/(1 − 0.5/0.999) = 2.0020 MW (hand calculation). r = 0.9995 lies above r(1e6) =
    // 0.999·(1 − 1e-6), so every hour is curtailed: r(L) = 1 − S/L with S = 0.999·1 + 0.001·1e6 = 1000.999,
    // L = S/(1 − r) = 2,001,998 MW.
    const c = curveOf([...Array.from({ length: 999 }, () => 1), 1e6]);
    expect(solveHeadroomMW(c, 0.5)).toBeCloseTo(1 / (1 - 0.5 / 0.999), 9);
    expect(solveHeadroomMW(c, 0.9995)).toBeCloseTo(1000.999 / (1 - 0.9995), 3);
  });
});
