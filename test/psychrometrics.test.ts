import { describe, expect, it } from 'vitest';
import {
  dewPointFromRelativeHumidityC,
  relativeHumidityPct,
  STANDARD_PRESSURE_PA,
  saturationVapourPressurePa,
  wetBulbC,
} from '../src/engine/psychrometrics.js';

const P0 = STANDARD_PRESSURE_PA;
const wetBulbFromRh = (t: number, rh: number, p = P0) => wetBulbC(t, dewPointFromRelativeHumidityC(t, rh), p);

/**
 * Stull (2011), "Wet-bulb temperature from relative humidity and air temperature", J. Appl. Meteor. Climatol.
 * 50:2267–2269, eq. 1: an empirical fit to psychrometric wet bulb at 101.325 kPa, valid for RH 5–99 % and
 * T −20..50 °C, errors within −1 K .. +0.65 K.
 */
function stullWetBulbC(t: number, rh: number): number {
  return (
    t * Math.atan(0.151977 * Math.sqrt(rh + 8.313659)) +
    Math.atan(t + rh) -
    Math.atan(rh - 1.676331) +
    0.00391838 * rh ** 1.5 * Math.atan(0.023101 * rh) -
    4.686035
  );
}

/**
 * Thermodynamic wet bulb from the ASHRAE Handbook—Fundamentals (ch. 1) humidity-ratio balance
 *   W = ((2501 − 2.326 t*) W_s* − 1.006 (t − t*)) / (2501 + 1.86 t − 4.186 t*),   W = 0.621945 e/(P − e)
 * solved by bisection: an independent formulation (energy balance on humidity ratio, not the
 * psychrometer equation).
 */
function ashraeWetBulbC(t: number, td: number, p: number): number {
  const ratio = (e: number) => (0.621945 * e) / (p - e);
  const w = ratio(saturationVapourPressurePa(td));
  const wOf = (ts: number) =>
    ((2501 - 2.326 * ts) * ratio(saturationVapourPressurePa(ts)) - 1.006 * (t - ts)) /
    (2501 + 1.86 * t - 4.186 * ts);
  let lo = td;
  let hi = t;
  for (let i = 0; i < 100; i++) {
    const mid = 0.5 * (lo + hi);
    if (wOf(mid) > w) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

describe('saturation vapour pressure (Magnus, Alduchov & Eskridge 1996)', () => {
  // Reference: IAPWS-95 saturation pressures of water (Wagner & Pruss 2002): 0.01 °C 611.66 Pa,
  // 10 °C 1228.2 Pa, 20 °C 2339.2 Pa, 30 °C 4247.0 Pa, 40 °C 7384.9 Pa, 50 °C 12352 Pa.
  it.each([
    [0.01, 611.66],
    [10, 1228.2],
    [20, 2339.2],
    [30, 4247.0],
    [40, 7384.9],
    [50, 12352],
  ])('matches IAPWS at %f °C within 0.4 %%', (t, pa) => {
    expect(Math.abs(saturationVapourPressurePa(t) / pa - 1)).toBeLessThan(0.004);
  });

  it('dew point and relative humidity invert each other', () => {
    for (const t of [-10, 0, 15, 30, 45]) {
      for (const rh of [10, 40, 70, 100]) {
        const td = dewPointFromRelativeHumidityC(t, rh);
        expect(relativeHumidityPct(t, td)).toBeCloseTo(rh, 9);
      }
    }
    expect(dewPointFromRelativeHumidityC(25, 100)).toBeCloseTo(25, 9);
  });
});

describe('wet-bulb temperature', () => {
  it('is 22.0 °C at 30 °C and 50 % RH at sea level (psychrometric chart)', () => {
    expect(wetBulbFromRh(30, 50)).toBeCloseTo(22.0, 0);
    expect(Math.abs(wetBulbFromRh(30, 50) - 22.0)).toBeLessThan(0.2);
  });

  it('is 13.7 °C at 20 °C and 50 % RH (the worked example of Stull 2011)', () => {
    expect(Math.abs(wetBulbFromRh(20, 50) - 13.7)).toBeLessThan(0.2);
  });

  it('equals the dry bulb in saturated air (T = Td = 20 °C)', () => {
    expect(wetBulbC(20, 20, P0)).toBe(20);
    expect(wetBulbC(-5, -5, P0)).toBe(-5);
  });

  it('clamps a dew point above the dry bulb (bad data) to saturation', () => {
    expect(wetBulbC(15, 17, P0)).toBe(15);
  });

  it('gives NaN for non-finite inputs', () => {
    expect(wetBulbC(Number.NaN, 10, P0)).toBeNaN();
    expect(wetBulbC(20, Number.NaN, P0)).toBeNaN();
    expect(wetBulbC(20, 10, Number.POSITIVE_INFINITY)).toBeNaN();
  });

  it('lies between dew point and dry bulb, and solves the psychrometer equation', () => {
    for (const t of [-20, -5, 0, 10, 25, 35, 45]) {
      for (const rh of [5, 20, 50, 80, 99]) {
        const td = dewPointFromRelativeHumidityC(t, rh);
        for (const p of [80_000, 95_000, P0]) {
          const tw = wetBulbC(t, td, p);
          expect(tw).toBeGreaterThanOrEqual(td);
          expect(tw).toBeLessThanOrEqual(t);
          // residual of e(Td) = e_s(Tw) − A (1 + 0.000944 Tw) P (T − Tw), A = 6.53e-4 /K (WMO-No. 8)
          const residual =
            saturationVapourPressurePa(tw) -
            6.53e-4 * (1 + 0.000944 * tw) * p * (t - tw) -
            saturationVapourPressurePa(td);
          expect(Math.abs(residual)).toBeLessThan(1e-3);
        }
      }
    }
  });

  it('is lower at lower pressure for the same dry bulb and dew point', () => {
    // Phoenix-like afternoon: 40 °C, dew point 5 °C; sea level vs ~1,600 m (83 kPa).
    const sea = wetBulbC(40, 5, P0);
    const high = wetBulbC(40, 5, 83_000);
    expect(high).toBeLessThan(sea - 0.5);
    expect(wetBulbC(25, 15, 95_000)).toBeLessThan(wetBulbC(25, 15, P0));
  });

  it('stays within 0.3 K of the ASHRAE thermodynamic wet bulb from 0 to 45 °C (0.1 K above 30 % RH)', () => {
    for (const t of [0, 10, 20, 30, 40, 45]) {
      for (const rh of [10, 30, 50, 70, 95]) {
        const td = dewPointFromRelativeHumidityC(t, rh);
        const d = Math.abs(wetBulbC(t, td, P0) - ashraeWetBulbC(t, td, P0));
        expect(d).toBeLessThan(rh > 30 ? 0.12 : 0.3);
      }
    }
  });

  it('agrees with the Stull (2011) empirical fit within ±1 K over its validity range', () => {
    // Stull's fit is not valid where cold and dry air meet (his paper excludes it): skip T ≤ 0 °C with RH ≤ 25 %.
    for (const t of [-10, 0, 10, 20, 30, 40, 50]) {
      for (const rh of [10, 25, 50, 75, 95]) {
        if (t <= 0 && rh <= 25) continue;
        const d = wetBulbFromRh(t, rh) - stullWetBulbC(t, rh);
        expect(d).toBeGreaterThan(-1);
        expect(d).toBeLessThan(1);
      }
    }
  });
});
