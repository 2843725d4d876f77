/**
 * Seeded random numbers for the cluster simulator: xoshiro128** (Blackman & Vigna 2018,
 * https://prng.di.unimi.it/xoshiro128starstar.c), a 128-bit-state generator with 32-bit outputs,
 * seeded through splitmix32 so that nearby seeds (1, 2, 3...) give unrelated streams.
 *
 * Doubles in [0, 1) take 53 random bits (two outputs). Draws:
 *   exponential(rate)  = −ln(1 − U) / rate                    (inversion; mean 1/rate)
 *   poisson(mean)      = Knuth's product of uniforms for mean < 30, else PTRS
 *                        (Hörmann 1993, transformed rejection with squeeze; as in NumPy)
 *   pickWeighted(cum)  = first index i with U·total < cum[i]  (cumulative weights)
 * Pure and isomorphic: no Node imports. The same seed gives the same sequence on every platform.
 */

const TWO_POW_53 = 9007199254740992;

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`Rng: seed must be a finite number, got ${seed}`);
    // splitmix32 over the seed fills the state (never all zero)
    let x = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /** Exponential draw with the given rate (events per unit time); Infinity when rate is 0. */
  exponential(rate: number): number {
    if (rate <= 0) return Number.POSITIVE_INFINITY;
    return -Math.log1p(-this.uniform()) / rate;
  }

  /** Poisson draw with the given mean (≥ 0). */
  poisson(mean: number): number {
    if (!(mean >= 0) || !Number.isFinite(mean))
      throw new RangeError(`Rng.poisson: mean must be ≥ 0, got ${mean}`);
    if (mean === 0) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.uniform();
      while (p > limit) {
        k++;
        p *= this.uniform();
      }
      return k;
    }
    return this.poissonPtrs(mean);
  }

  /** Index drawn with probability proportional to the weights whose running sums are `cumulative`. */
  pickWeighted(cumulative: Float64Array | readonly number[]): number {
    const last = cumulative.length - 1;
    const x = this.uniform() * (cumulative[last] as number);
    for (let i = 0; i < last; i++) if (x < (cumulative[i] as number)) return i;
    return last;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  private poissonPtrs(lam: number): number {
    const slam = Math.sqrt(lam);
    const loglam = Math.log(lam);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
        -lam + k * loglam - logFactorial(k)
      )
        return k;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** ln(k!) by Stirling's series (exact sums below 10), accurate to ~1e-10 relative. */
export function logFactorial(k: number): number {
  if (k < 10) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  const x = k + 1;
  return (
    (x - 0.5) * Math.log(x) -
    x +
    0.5 * Math.log(2 * Math.PI) +
    1 / (12 * x) -
    1 / (360 * x ** 3) +
    1 / (1260 * x ** 5)
  );
}
