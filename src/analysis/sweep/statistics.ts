/**
 * Statistics of sweep outputs.
 *   quantile q of sorted x₀..x_{n−1}: linear interpolation at position q·(n − 1) (Hyndman & Fan type 7,
 *     the default of R and NumPy)
 *   Spearman ρ: Pearson correlation of the ranks (ties share their average rank); ρ = 0 when either
 *     side is constant
 */

/** Where quantile q falls among n sorted values (0-based, fractional): q·(n − 1). The one definition. */
export function quantilePosition(n: number, q: number): number {
  return q * (n - 1);
}

export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = quantilePosition(sorted.length, q);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  return a + (pos - lo) * ((sorted[hi] as number) - a);
}

export interface Quantiles {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Samples with a value (e.g. IRR is missing where it does not exist). */
  readonly n: number;
}

export function quantiles(values: readonly (number | null)[]): Quantiles | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  return {
    p5: quantileSorted(xs, 0.05),
    p50: quantileSorted(xs, 0.5),
    p95: quantileSorted(xs, 0.95),
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
    min: xs[0] as number,
    max: xs[xs.length - 1] as number,
    n: xs.length,
  };
}

export function ranks(x: readonly number[]): number[] {
  const order = x.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(x.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (
      j + 1 < order.length &&
      (order[j + 1] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]
    )
      j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[(order[k] as readonly [number, number])[1]] = avg;
    i = j + 1;
  }
  return r;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n < 2) return 0;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Spearman rank correlation over the pairs where y is a finite number. */
export function spearman(x: readonly number[], y: readonly (number | null)[]): number {
  const keep = y.map((v, i) => (v !== null && Number.isFinite(v) ? i : -1)).filter((i) => i >= 0);
  return pearson(ranks(keep.map((i) => x[i] as number)), ranks(keep.map((i) => y[i] as number)));
}
