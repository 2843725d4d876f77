/**
 * The wet-bulb solver of src/engine/psychrometrics.ts against an independent solution of the same
 * physics: the WMO-No. 8 (Annex 4.B) psychrometer equation
 *
 *   e_s(T_d) = e_s(T_w) − 6.53·10⁻⁴ K⁻¹ · (1 + 0.000944 K⁻¹ · T_w) · P · (T − T_w),
 *   e_s(T) = 610.94 Pa · exp(17.625 T / (T + 243.04))   (Alduchov & Eskridge 1996),
 *
 * solved here by plain bisection on [T_d, T] to 1e-12 K (its left side minus its right side rises with
 * T_w). The model uses safeguarded Newton iteration; a Newton solver that stops when its step falls below
 * 1e-6 K is within ~1e-12 K of the root (quadratic convergence), so 1e-9 K is the bar here.
 */
import { describe, expect, it } from 'vitest';
import {
  dewPointFromRelativeHumidityC,
  STANDARD_PRESSURE_PA,
  wetBulbC,
} from '../src/engine/psychrometrics.js';

const es = (tC: number) => 610.94 * Math.exp((17.625 * tC) / (tC + 243.04));

/** The psychrometer equation's root by bisection (200 halvings of [T_d, T]). */
function referenceWetBulbC(t: number, td: number, p: number): number {
  const e = es(td);
  const f = (tw: number) => es(tw) - 6.53e-4 * (1 + 0.000944 * tw) * p * (t - tw) - e;
  let lo = td;
  let hi = t;
  for (let k = 0; k < 200 && hi - lo > 1e-12; k++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > 0) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

describe('wet bulb: the root of the psychrometer equation', () => {
  it('to 1e-9 K from −20 to 50 °C, 2 to 99 % RH, 60 kPa to sea level', () => {
    let worst = 0;
    for (const t of [-20, -5, 0, 10, 20, 30, 40, 50]) {
      for (const rh of [2, 10, 30, 60, 90, 99]) {
        const td = dewPointFromRelativeHumidityC(t, rh);
        for (const p of [60_000, 85_000, STANDARD_PRESSURE_PA]) {
          worst = Math.max(worst, Math.abs(wetBulbC(t, td, p) - referenceWetBulbC(t, td, p)));
        }
      }
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('in very dry cold air too (−30 °C, dew point −100 °C), where a Newton step leaves the bracket', () => {
    for (const p of [50_000, STANDARD_PRESSURE_PA]) {
      const tw = wetBulbC(-30, -100, p);
      expect(tw).toBeGreaterThanOrEqual(-100);
      expect(tw).toBeLessThanOrEqual(-30);
      expect(Math.abs(tw - referenceWetBulbC(-30, -100, p))).toBeLessThan(1e-9);
    }
  });

  it('is NaN, not ±∞, for an infinite dry bulb (a dew point "above" −∞ is not saturation)', () => {
    expect(wetBulbC(Number.NEGATIVE_INFINITY, 20, STANDARD_PRESSURE_PA)).toBeNaN();
    expect(wetBulbC(Number.POSITIVE_INFINITY, 20, STANDARD_PRESSURE_PA)).toBeNaN();
    expect(wetBulbC(20, Number.NEGATIVE_INFINITY, STANDARD_PRESSURE_PA)).toBeNaN();
  });
});
