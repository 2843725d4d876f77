/**
 * Discounted cash-flow arithmetic on yearly cash flows (year 0 = the first cash-flow year, flows at the
 * end of each year, nominal $):
 *
 *   NPV(r)      = Σₜ CFₜ / (1 + r)ᵗ
 *   IRR         = the r with NPV(r) = 0, found by bracketing a sign change of NPV on a grid of rates
 *                 in (−99 %, 1000 %] and bisecting it; undefined when NPV never changes sign (e.g. a
 *                 project that never pays back, or one with no investment)
 *   payback     = the first year whose cumulative undiscounted cash flow is ≥ 0 after having been < 0,
 *                 with a fractional position inside that year by linear interpolation
 */

/** NPV at rate `r` of `flows[t]` received at the end of year t (t = 0, 1, …). */
export function npv(rate: number, flows: readonly number[]): number {
  let sum = 0;
  let factor = 1;
  for (const cf of flows) {
    sum += cf / factor;
    factor *= 1 + rate;
  }
  return sum;
}

/** The grid of rates scanned for sign changes of NPV (dense near usual rates, coarse far out). */
function rateGrid(): number[] {
  const out: number[] = [];
  for (let r = -0.99; r < -0.5; r += 0.01) out.push(r);
  for (let r = -0.5; r < 1; r += 0.0025) out.push(r);
  for (let r = 1; r <= 10; r += 0.05) out.push(r);
  return out;
}
const GRID = rateGrid();

/**
 * Internal rate of return: the root of NPV(r) = 0. Returns `undefined` when NPV has no sign change on
 * (−0.99, 10] (no IRR exists, or it lies outside any meaningful range). Where cash flows change sign
 * more than once there may be several roots; the one closest to `guess` is returned (default 0.08).
 */
export function irr(flows: readonly number[], guess = 0.08): number | undefined {
  if (!flows.some((f) => f > 0) || !flows.some((f) => f < 0)) return undefined;
  const roots: number[] = [];
  let a = GRID[0] as number;
  let fa = npv(a, flows);
  for (let i = 1; i < GRID.length; i++) {
    const b = GRID[i] as number;
    const fb = npv(b, flows);
    if (fa === 0) roots.push(a);
    else if (Math.sign(fa) !== Math.sign(fb) && fb !== 0) roots.push(bisect(flows, a, b, fa));
    a = b;
    fa = fb;
  }
  if (fa === 0) roots.push(a);
  if (roots.length === 0) return undefined;
  return roots.reduce((best, r) => (Math.abs(r - guess) < Math.abs(best - guess) ? r : best));
}

function bisect(flows: readonly number[], lo: number, hi: number, fLo: number): number {
  let a = lo;
  let b = hi;
  let fa = fLo;
  for (let k = 0; k < 200 && b - a > 1e-12; k++) {
    const m = (a + b) / 2;
    const fm = npv(m, flows);
    if (fm === 0) return m;
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else b = m;
  }
  return (a + b) / 2;
}

/**
 * Payback: the index of the first year whose cumulative cash flow reaches ≥ 0 after the investment
 * (cumulative < 0 before), and the fractional years to it counted from the start of year 0 (the share
 * of that year's flow needed to close the gap is added). `undefined` when it never pays back.
 */
export function payback(flows: readonly number[]): { index: number; years: number } | undefined {
  let cum = 0;
  let wasNegative = false;
  for (let t = 0; t < flows.length; t++) {
    const before = cum;
    const cf = flows[t] as number;
    cum += cf;
    if (cum < 0) wasNegative = true;
    else if (wasNegative) return { index: t, years: t + (cf > 0 ? -before / cf : 1) };
  }
  return undefined;
}
