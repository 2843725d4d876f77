/**
 * Inverse cumulative distribution functions: a uniform u in (0, 1) becomes a sample of the
 * distribution, so that Latin hypercube strata in u are strata of the distribution.
 *
 *   uniform     x = min + u·(max − min)
 *   triangular  x = min + √(u·(max − min)·(mode − min))            for u < (mode − min)/(max − min)
 *               x = max − √((1 − u)·(max − min)·(max − mode))      otherwise
 *   normal      x = mean + sd·Φ⁻¹(u), clamped to [min, max] when given
 *   lognormal   x = exp(mu + sigma·Φ⁻¹(u)), clamped to [min, max] when given
 *   discrete    the first value whose cumulative weight share exceeds u
 * Φ⁻¹ is Acklam's rational approximation (relative error < 1.15·10⁻⁹, far below sampling noise).
 */
import type { Distribution } from '../../model/uncertainty.js';

const [a0, a1, a2, a3, a4, a5] = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const [b0, b1, b2, b3, b4] = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const [c0, c1, c2, c3, c4, c5] = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const [d0, d1, d2, d3] = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** The tails (p < 0.02425 or p > 0.97575), q = √(−2 ln p). */
const tail = (q: number) =>
  (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);

/** The standard normal quantile Φ⁻¹(p), p in (0, 1). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const pl = 0.02425;
  if (p < pl) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - pl) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

const clamp = (x: number, min?: number, max?: number) =>
  Math.min(max ?? Infinity, Math.max(min ?? -Infinity, x));

/** The sample of `d` at cumulative probability u in [0, 1). */
export function inverseCdf(d: Distribution, u: number): number {
  switch (d.dist) {
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular': {
      const w = d.max - d.min;
      if (w === 0) return d.min;
      const c = (d.mode - d.min) / w;
      return u < c
        ? d.min + Math.sqrt(u * w * (d.mode - d.min))
        : d.max - Math.sqrt((1 - u) * w * (d.max - d.mode));
    }
    case 'normal':
      return d.sd === 0
        ? clamp(d.mean, d.min, d.max)
        : clamp(d.mean + d.sd * normalQuantile(u), d.min, d.max);
    case 'lognormal':
      return clamp(Math.exp(d.mu + (d.sigma === 0 ? 0 : d.sigma * normalQuantile(u))), d.min, d.max);
    case 'discrete': {
      const w = d.weights ?? d.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      let cum = 0;
      for (let i = 0; i < d.values.length; i++) {
        cum += (w[i] as number) / total;
        if (u < cum) return d.values[i] as number;
      }
      return d.values[d.values.length - 1] as number;
    }
  }
}

/** A representative value (median, or the first discrete value) to check a path accepts numbers. */
export function representative(d: Distribution): number {
  return d.dist === 'discrete' ? (d.values[0] as number) : inverseCdf(d, 0.5);
}
