/**
 * The accelerator power curve (src/catalog/power-curve.ts, docs/power-curve.md) at its edges, by hand:
 *
 *   P(u, C) = B · min(i + k·u^γ, h·min(C, B)/B)      H200 fit: i = 0.112714, k = 1.123178, γ = 0.8358, h = 0.987143
 *
 * - another chip's idle share i′ moves only the low end: P(0) = B·i′, and the full-duty demand B·(i + k)
 *   is kept (k′ = i + k − i′);
 * - busy fractions within 1e-9 of [0, 1] are round-off and clamped, further out refused;
 * - board power and cap must be positive and finite; a cap at or below the idle draw (B·i/h) is refused,
 *   naming that draw in W; a cap above the board power is the board power;
 * - the fit refuses a non-positive cap and points outside [0, 1] or without a finite power.
 */
import { describe, expect, it } from 'vitest';
import {
  acceleratorPowerW,
  capThroughputFactor,
  chipPowerCurve,
  fitPowerCurve,
  H200_POWER_CURVE,
  minPowerCapW,
} from '../src/catalog/power-curve.js';

const B = 700;
const I = 0.112714;
const K = 1.123178;
const G = 0.8358;
const H = 0.987143;

describe('another chip’s idle share (chipPowerCurve)', () => {
  const h100 = chipPowerCurve(H200_POWER_CURVE, 0.178);

  it('idle draw B·i′ = 700 × 0.178 = 124.6 W; full-duty demand B·(i + k) kept, so the cap holds at h·B', () => {
    expect(acceleratorPowerW(0, B, B, h100)).toBeCloseTo(124.6, 9);
    expect(acceleratorPowerW(1, B, B, h100)).toBeCloseTo(H * B, 9);
    expect(h100.dynamicFraction).toBeCloseTo(I + K - 0.178, 12);
  });
  it('at 25 % duty: 700·(0.178 + (i + k − 0.178)·0.25^γ) = 357.1 W; the measured card 700·(i + k·0.25^γ) = 325.7 W, as its probe (325.7 W)', () => {
    const x = 0.25 ** G; // 0.31391
    expect(acceleratorPowerW(0.25, B, B, h100)).toBeCloseTo(B * (0.178 + (I + K - 0.178) * x), 9);
    expect(acceleratorPowerW(0.25, B, B, h100)).toBeCloseTo(357.1, 1);
    expect(acceleratorPowerW(0.25, B, B, H200_POWER_CURVE)).toBeCloseTo(325.7, 1);
  });
  it('the measured card’s own idle share returns the measured curve itself', () => {
    expect(chipPowerCurve(H200_POWER_CURVE, I)).toBe(H200_POWER_CURVE);
  });
  it('refuses an idle share below 0 or at/above the hold fraction h', () => {
    expect(() => chipPowerCurve(H200_POWER_CURVE, -0.01)).toThrow(RangeError);
    expect(() => chipPowerCurve(H200_POWER_CURVE, H)).toThrow(/idleFraction must be in \[0, 0\.987143\)/);
    expect(() => chipPowerCurve(H200_POWER_CURVE, Number.NaN)).toThrow(RangeError);
    expect(chipPowerCurve(H200_POWER_CURVE, 0).idleFraction).toBe(0);
  });
});

describe('busy fraction and cap checks', () => {
  it('clamps round-off within 1e-9 of [0, 1] and refuses anything further out', () => {
    expect(acceleratorPowerW(-1e-10, B)).toBe(acceleratorPowerW(0, B));
    expect(acceleratorPowerW(1 + 1e-10, B)).toBe(acceleratorPowerW(1, B));
    expect(() => acceleratorPowerW(-1e-8, B)).toThrow(/must be in \[0, 1\]/);
    expect(() => acceleratorPowerW(1 + 1e-8, B)).toThrow(/must be in \[0, 1\]/);
    expect(() => capThroughputFactor(Number.NaN, B)).toThrow(/must be finite/);
  });
  it('refuses a board power or cap that is not positive and finite', () => {
    for (const bad of [0, -700, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => acceleratorPowerW(0.5, bad)).toThrow(/boardPowerW must be a positive finite number/);
      expect(() => acceleratorPowerW(0.5, B, bad)).toThrow(/capW must be a positive finite number/);
    }
  });
  it('a cap above the board power is the board power; the lowest usable cap is B·i/h = 79.93 W', () => {
    expect(acceleratorPowerW(1, B, 900)).toBe(acceleratorPowerW(1, B, B));
    expect(capThroughputFactor(1, B, 900)).toBe(capThroughputFactor(1, B, B));
    expect(minPowerCapW(B)).toBeCloseTo((B * I) / H, 9);
    expect(minPowerCapW(B)).toBeCloseTo(79.93, 2);
    // below that cap the held power is under the idle draw (78.90 W): refused, naming the draw
    expect(() => acceleratorPowerW(0.5, B, minPowerCapW(B) - 0.01)).toThrow(/idle draw \(78\.89/);
    expect(acceleratorPowerW(0, B, 80.5)).toBeCloseTo(Math.min(B * I, H * 80.5), 9);
  });
});

describe('fitPowerCurve input checks', () => {
  const point = (dutyCycle: number, meanPowerW: number) => ({
    phase: `p${dutyCycle}`,
    dutyCycle,
    meanPowerW,
    tflops: null,
    smClockMHz: null,
  });
  const ok = [point(0, 100), point(0.25, 300), point(0.5, 500), point(1, 990)];
  it('refuses a cap that is not positive and finite', () => {
    for (const bad of [0, -1, Number.NaN])
      expect(() => fitPowerCurve(ok, bad)).toThrow(/capW must be positive/);
  });
  it('refuses a point with a duty cycle outside [0, 1] or a non-finite power, naming it', () => {
    expect(() => fitPowerCurve([...ok, point(1.5, 990)], 1000)).toThrow(
      /point p1\.5 needs dutyCycle in \[0,1\]/,
    );
    expect(() => fitPowerCurve([...ok, point(-0.1, 100)], 1000)).toThrow(/needs dutyCycle/);
    expect(() => fitPowerCurve([...ok, point(0.75, Number.NaN)], 1000)).toThrow(/finite meanPowerW/);
  });
});
