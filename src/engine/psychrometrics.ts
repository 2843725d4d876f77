/**
 * Psychrometrics: saturation vapour pressure, dew point and thermodynamic wet-bulb temperature.
 *
 * Saturation vapour pressure over liquid water (Magnus form, coefficients of Alduchov & Eskridge 1996,
 * "Improved Magnus form approximation of saturation vapor pressure", J. Appl. Meteor. 35:601–609, their
 * AERK fit; error < 0.4 % from −40 to 50 °C):
 *
 *   e_s(T) = 610.94 Pa · exp(17.625 · T / (T + 243.04))          T in °C
 *
 * Wet bulb from the psychrometer equation for a ventilated (Assmann-type) psychrometer with a wetted
 * (not iced) bulb, WMO Guide to Instruments and Methods of Observation (WMO-No. 8), Annex 4.B:
 *
 *   e = e_s(T_w) − A · P · (T − T_w),   A = 6.53·10⁻⁴ K⁻¹ · (1 + 0.000944 · T_w)
 *
 * where e = e_s(T_d) is the actual vapour pressure (from the dew point T_d), P the station pressure (Pa)
 * and T the dry bulb. A · P is the psychrometer "constant" γ·P (≈ 66 Pa/K at sea level; compare the
 * thermodynamic value c_p/(0.622·L_v) ≈ 6.6·10⁻⁴ K⁻¹). Over 0–45 °C the result stays within 0.3 K (0.12 K above 30 % RH) of the
 * ASHRAE thermodynamic wet bulb (ASHRAE Handbook—Fundamentals, ch. 1, humidity ratio from the
 * thermodynamic wet bulb; checked in the tests).
 * The WMO pressure enhancement factor f(p) ≈ 1.004 is left out: it multiplies both e and e_s(T_w), so
 * its effect on T_w is below 0.05 K.
 *
 * Below 0 °C the bulb is still treated as wetted with supercooled water (no ice bulb); the difference
 * for cooling-plant purposes (towers do not run wet below freezing) is immaterial.
 *
 * The residual f(T_w) = e_s(T_w) − A·P·(T − T_w) − e rises monotonically with T_w, is ≤ 0 at T_w = T_d
 * and ≥ 0 at T_w = T, so the root is bracketed in [T_d, T] and found by safeguarded Newton iteration
 * (a Newton step that leaves the bracket is replaced by bisection).
 *
 * Bad data: a dew point above the dry bulb (supersaturation, not physical for the hourly mean) is
 * clamped to the dry bulb, i.e. the air is taken as saturated and T_w = T. Non-finite inputs give NaN.
 */

/** Magnus coefficients of Alduchov & Eskridge (1996) over water. */
const MAGNUS_E0_PA = 610.94;
const MAGNUS_A = 17.625;
const MAGNUS_B_C = 243.04;

/** WMO-No. 8 Annex 4.B psychrometer coefficient for a ventilated psychrometer, K⁻¹. */
export const PSYCHROMETER_COEFFICIENT_PER_K = 6.53e-4;
const PSYCHROMETER_TW_TERM_PER_K = 0.000944;

/** Standard sea-level atmospheric pressure, Pa (ISO 2533). */
export const STANDARD_PRESSURE_PA = 101_325;

/** Saturation vapour pressure over liquid water at temperature `tC` (°C), Pa. */
export function saturationVapourPressurePa(tC: number): number {
  return MAGNUS_E0_PA * Math.exp((MAGNUS_A * tC) / (tC + MAGNUS_B_C));
}

/** d e_s / dT at `tC` (°C), Pa/K (derivative of the Magnus form). */
function saturationVapourPressureSlopePaPerK(tC: number): number {
  const d = tC + MAGNUS_B_C;
  return (saturationVapourPressurePa(tC) * MAGNUS_A * MAGNUS_B_C) / (d * d);
}

/** Dew point (°C) whose saturation vapour pressure is `vapourPressurePa` (inverse Magnus). */
export function dewPointFromVapourPressureC(vapourPressurePa: number): number {
  const g = Math.log(vapourPressurePa / MAGNUS_E0_PA);
  return (MAGNUS_B_C * g) / (MAGNUS_A - g);
}

/** Dew point (°C) of air at dry bulb `dryBulbC` and relative humidity `relHumidityPct` (0–100, over water). */
export function dewPointFromRelativeHumidityC(dryBulbC: number, relHumidityPct: number): number {
  return dewPointFromVapourPressureC((relHumidityPct / 100) * saturationVapourPressurePa(dryBulbC));
}

/** Relative humidity (%, over water) of air at dry bulb `dryBulbC` and dew point `dewPointC`. */
export function relativeHumidityPct(dryBulbC: number, dewPointC: number): number {
  return (100 * saturationVapourPressurePa(dewPointC)) / saturationVapourPressurePa(dryBulbC);
}

const WET_BULB_TOLERANCE_K = 1e-6;
const WET_BULB_MAX_ITERATIONS = 60;

/**
 * Thermodynamic wet-bulb temperature (°C) of air at dry bulb `dryBulbC` (°C), dew point `dewPointC` (°C)
 * and station pressure `pressurePa` (Pa), from the psychrometer equation above. Always between the dew
 * point and the dry bulb; a dew point above the dry bulb is clamped to it (returns the dry bulb).
 */
export function wetBulbC(dryBulbC: number, dewPointC: number, pressurePa: number): number {
  if (!Number.isFinite(dryBulbC) || !Number.isFinite(dewPointC) || !Number.isFinite(pressurePa))
    return Number.NaN;
  if (dewPointC >= dryBulbC) return dryBulbC;
  const e = saturationVapourPressurePa(dewPointC);
  let lo = dewPointC;
  let hi = dryBulbC;
  // Start from the linear interpolation used by the "one-third rule" (T_w ≈ T − (T − T_d)/3).
  let tw = dryBulbC - (dryBulbC - dewPointC) / 3;
  for (let i = 0; i < WET_BULB_MAX_ITERATIONS; i++) {
    const a = PSYCHROMETER_COEFFICIENT_PER_K * (1 + PSYCHROMETER_TW_TERM_PER_K * tw);
    const f = saturationVapourPressurePa(tw) - a * pressurePa * (dryBulbC - tw) - e;
    if (f > 0) hi = tw;
    else lo = tw;
    // df/dTw = e_s'(Tw) + A·P − A0·0.000944·P·(T − Tw)  (> 0 for all meteorological temperatures)
    const slope =
      saturationVapourPressureSlopePaPerK(tw) +
      a * pressurePa -
      PSYCHROMETER_COEFFICIENT_PER_K * PSYCHROMETER_TW_TERM_PER_K * pressurePa * (dryBulbC - tw);
    let next = tw - f / slope;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - tw) < WET_BULB_TOLERANCE_K || hi - lo < WET_BULB_TOLERANCE_K) return next;
    tw = next;
  }
  return tw;
}
