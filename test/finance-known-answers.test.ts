/**
 * NPV, IRR and payback at the edges of their definitions, against closed-form answers: IRRs far from
 * usual rates (where the root finder switches grids), a payback that lands exactly on a year end, and
 * cash flows without an investment. Written against the survivors of a Stryker run (docs/testing.md).
 */
import { describe, expect, it } from 'vitest';
import { irr, npv, payback } from '../src/analysis/economics/finance.js';

describe('IRR far from usual rates (closed forms)', () => {
  it('−100 then +1,000 after three years: (1 + r)³ = 10, r = 10^(1/3) − 1 = 115.44 %', () => {
    expect(irr([-100, 0, 0, 1000])).toBeCloseTo(10 ** (1 / 3) - 1, 9);
  });
  it('−100 then +5: r = −95 %', () => {
    expect(irr([-100, 5])).toBeCloseTo(-0.95, 9);
  });
  it('−100 then +800: r = 700 %; −100 then +1,050: r = 950 %', () => {
    expect(irr([-100, 800])).toBeCloseTo(7, 9);
    expect(irr([-100, 1050])).toBeCloseTo(9.5, 9);
  });
  it('an IRR beyond the scanned range (−1 then +100: 9,900 %) is reported as none', () => {
    expect(irr([-1, 100])).toBeUndefined();
  });
  it('a root at r = 0 (NPV(0) = 0 for −100, +100) is found', () => {
    expect(irr([-100, 100])).toBeCloseTo(0, 12);
    expect(irr([-100, 50, 50])).toBeCloseTo(0, 12);
  });
  it('a single −100, +110 is 10 % to 1e-9 (the bisection converges, not just brackets)', () => {
    expect(Math.abs((irr([-100, 110]) as number) - 0.1)).toBeLessThan(1e-9);
  });
  it('flows with one sign and zeros have no IRR; a lone positive or negative flow neither', () => {
    expect(irr([0, 10])).toBeUndefined();
    expect(irr([0, -10])).toBeUndefined();
    expect(irr([])).toBeUndefined();
  });
  it('the guess picks between two roots by distance: 14.9 % is nearer 10 %, 15.1 % nearer 20 %', () => {
    expect(irr([-100, 230, -132], 0.149)).toBeCloseTo(0.1, 9);
    expect(irr([-100, 230, -132], 0.151)).toBeCloseTo(0.2, 9);
  });
});

describe('NPV', () => {
  it('at −50 % every later flow doubles per year: −100 + 60·2 + 60·4 = 260', () => {
    expect(npv(-0.5, [-100, 60, 60])).toBe(260);
  });
  it('of no flows is 0; of one flow is that flow, undiscounted (end of year 0)', () => {
    expect(npv(0.1, [])).toBe(0);
    expect(npv(0.1, [42])).toBe(42);
  });
});

describe('payback edges', () => {
  it('cumulative flow reaching exactly 0 at a year end pays back in that year: −100, 30, 30, 40 → index 3, 4 years', () => {
    expect(payback([-100, 30, 30, 40])).toEqual({ index: 3, years: 4 });
  });
  it('a project that is never under water has no payback', () => {
    expect(payback([100, 50])).toBeUndefined();
    expect(payback([0, 0, 10])).toBeUndefined();
  });
  it('an investment after a free first year: 0, −10, +20 → index 2, 2 + 10/20 = 2.5 years', () => {
    expect(payback([0, -10, 20])).toEqual({ index: 2, years: 2.5 });
  });
  it('the first crossing counts, not a later one: −10, +20, −30, +40 → index 1, 1.5 years', () => {
    expect(payback([-10, 20, -30, 40])).toEqual({ index: 1, years: 1.5 });
  });
});
