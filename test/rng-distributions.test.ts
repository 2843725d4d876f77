/**
 * The draws of src/cluster/rng.ts against their exact distributions, computed here independently:
 *
 * - Poisson(λ) probabilities p_k = e^−λ λ^k / k! by the recurrence p_k = p_{k−1}·λ/k (no factorials), for
 *   the product-of-uniforms branch (λ < 30) and the PTRS branch (λ ≥ 30, Hörmann 1993): each branch's
 *   frequencies over 40,000 seeded draws must pass a χ² goodness-of-fit test at the 0.1 % level (the
 *   seed is fixed, so the test is deterministic; a wrong constant in PTRS skews the shape and fails it);
 * - exponential(rate): mean 1/rate and P(X > 1/rate) = e^−1;
 * - pickWeighted: frequencies proportional to the weights, the last bin included.
 */
import { describe, expect, it } from 'vitest';
import { logFactorial, Rng } from '../src/cluster/rng.js';

/** Exact Poisson probabilities p_0 … p_kmax by the recurrence. */
function poissonPmf(lambda: number, kmax: number): number[] {
  // start from the mode in log space to stay in range for large λ, then recur both ways
  const mode = Math.floor(lambda);
  let logPm = -lambda;
  for (let i = 1; i <= mode; i++) logPm += Math.log(lambda / i);
  const p = new Array<number>(kmax + 1).fill(0);
  p[mode] = Math.exp(logPm);
  for (let k = mode + 1; k <= kmax; k++) p[k] = ((p[k - 1] as number) * lambda) / k;
  for (let k = mode - 1; k >= 0; k--) p[k] = ((p[k + 1] as number) * (k + 1)) / lambda;
  return p;
}

/**
 * χ² statistic of observed counts against expected probabilities, pooling the tails until every cell
 * expects at least 20, and the number of cells.
 */
function chiSquare(counts: Map<number, number>, pmf: number[], n: number): { chi2: number; cells: number } {
  const cells: { obs: number; exp: number }[] = [];
  let obs = 0;
  let exp = 0;
  for (let k = 0; k < pmf.length; k++) {
    obs += counts.get(k) ?? 0;
    exp += n * (pmf[k] as number);
    if (exp >= 20) {
      cells.push({ obs, exp });
      obs = 0;
      exp = 0;
    }
  }
  // the rest of the upper tail (k beyond the table) joins the last cell
  let beyond = 0;
  for (const [k, c] of counts) if (k >= pmf.length) beyond += c;
  const last = cells[cells.length - 1] as { obs: number; exp: number };
  last.obs += obs + beyond;
  last.exp += exp + n * Math.max(0, 1 - pmf.reduce((a, b) => a + b, 0));
  const chi2 = cells.reduce((s, c) => s + (c.obs - c.exp) ** 2 / c.exp, 0);
  return { chi2, cells: cells.length };
}

/** Upper 0.1 % point of χ² with ν degrees of freedom (Wilson–Hilferty, z = 3.090). */
const chi2Critical = (nu: number) => nu * (1 - 2 / (9 * nu) + 3.09 * Math.sqrt(2 / (9 * nu))) ** 3;

describe('Poisson draws follow the Poisson distribution', () => {
  it.each([
    [4, 'product of uniforms'],
    [29.5, 'product of uniforms, at the branch'],
    [30, 'PTRS, at the branch'],
    [75, 'PTRS'],
    [1000, 'PTRS'],
  ])('λ = %d (%s): χ² below its 0.1-percent critical value', (lambda) => {
    const rng = new Rng(20261202 + lambda);
    const n = 40_000;
    const counts = new Map<number, number>();
    let sum = 0;
    let allCounts = true;
    for (let i = 0; i < n; i++) {
      const k = rng.poisson(lambda);
      if (!(Number.isInteger(k) && k >= 0)) allCounts = false;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      sum += k;
    }
    expect(allCounts).toBe(true);
    const kmax = Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);
    const { chi2, cells } = chiSquare(counts, poissonPmf(lambda, kmax), n);
    expect(cells).toBeGreaterThan(5);
    expect(chi2).toBeLessThan(chi2Critical(cells - 1));
    // the mean within 4 standard errors (σ/√n = √(λ/n))
    expect(Math.abs(sum / n - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
  });
  it('λ = 0 gives 0; a negative, NaN or infinite mean is refused', () => {
    const rng = new Rng(1);
    expect(rng.poisson(0)).toBe(0);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => rng.poisson(bad)).toThrow(/mean must be/);
  });
});

describe('logFactorial', () => {
  it('matches ln k! summed directly around the switch to Stirling (k = 9, 10, 11) and far out', () => {
    const direct = (k: number) => {
      let s = 0;
      for (let i = 2; i <= k; i++) s += Math.log(i);
      return s;
    };
    for (const k of [0, 1, 2, 9, 10, 11, 50, 170]) expect(logFactorial(k)).toBeCloseTo(direct(k), 9);
    // 10! = 3,628,800 exactly
    expect(Math.exp(logFactorial(10))).toBeCloseTo(3_628_800, 2);
  });
});

describe('exponential and weighted draws', () => {
  it('exponential(rate): mean 1/rate and P(X > 1/rate) = 1/e; rate 0 never happens', () => {
    const rng = new Rng(7);
    const rate = 0.25;
    const n = 40_000;
    let sum = 0;
    let above = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.exponential(rate);
      sum += x;
      if (x > 1 / rate) above++;
    }
    // σ of the mean = (1/rate)/√n = 0.02; of the share = √(p(1−p)/n) = 0.0024
    expect(Math.abs(sum / n - 4)).toBeLessThan(0.08);
    expect(Math.abs(above / n - Math.exp(-1))).toBeLessThan(0.01);
    expect(rng.exponential(0)).toBe(Number.POSITIVE_INFINITY);
    expect(rng.exponential(-1)).toBe(Number.POSITIVE_INFINITY);
  });
  it('pickWeighted: weights 1, 2, 3, 4 (cumulative 1, 3, 6, 10) drawn 10 %, 20 %, 30 %, 40 % of the time', () => {
    const rng = new Rng(11);
    const n = 40_000;
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const j = rng.pickWeighted([1, 3, 6, 10]);
      counts[j] = (counts[j] as number) + 1;
    }
    [0.1, 0.2, 0.3, 0.4].forEach((p, j) => {
      // 4 σ with σ = √(p(1−p)/n) ≤ 0.0025
      expect(Math.abs((counts[j] as number) / n - p)).toBeLessThan(0.01);
    });
    // a single bin is always drawn
    expect(rng.pickWeighted([5])).toBe(0);
  });
  it('int(n) is uniform on 0 … n−1', () => {
    const rng = new Rng(3);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) {
      const k = rng.int(6);
      counts[k] = (counts[k] as number) + 1;
    }
    expect(counts.length).toBe(6);
    for (const c of counts) expect(Math.abs(c / 60_000 - 1 / 6)).toBeLessThan(0.01);
  });
});
