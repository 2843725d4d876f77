/** NPV, IRR, payback and the yearly cash flows, against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { irr, npv, payback } from '../src/analysis/economics/finance.js';
import { runScenario } from '../src/run.js';
import { baseScenario, fakeData, parseOk } from './helpers.js';

describe('NPV, IRR and payback on hand-computed cash flows', () => {
  it('NPV of −100, +60, +60 at 10 % is −100 + 60/1.1 + 60/1.21 = 4.1322', () => {
    expect(npv(0.1, [-100, 60, 60])).toBeCloseTo(-100 + 60 / 1.1 + 60 / 1.21, 10);
    expect(npv(0.1, [-100, 60, 60])).toBeCloseTo(4.132231, 5);
    expect(npv(0, [-100, 60, 60])).toBe(20);
  });
  it('IRR of −100, +60, +60 solves 60x² + 60x − 100 = 0 with x = 1/(1+r): r = 13.066 %', () => {
    const x = (-60 + Math.sqrt(60 * 60 + 4 * 60 * 100)) / 120;
    expect(irr([-100, 60, 60])).toBeCloseTo(1 / x - 1, 9);
    expect(npv(irr([-100, 60, 60]) as number, [-100, 60, 60])).toBeCloseTo(0, 6);
  });
  it('IRR can be negative: −100, +10, +10 gives x = (−10 + √4100)/20, r = −63.0 %', () => {
    const x = (-10 + Math.sqrt(4100)) / 20;
    expect(irr([-100, 10, 10])).toBeCloseTo(1 / x - 1, 9);
  });
  it('no IRR when the flows never change sign', () => {
    expect(irr([100, 50, 20])).toBeUndefined();
    expect(irr([-100, -50])).toBeUndefined();
    expect(irr([0, 0])).toBeUndefined();
  });
  it('two sign changes (−100, +230, −132) have roots 10 % and 20 %: the one nearest the guess', () => {
    expect(irr([-100, 230, -132], 0.08)).toBeCloseTo(0.1, 9);
    expect(irr([-100, 230, -132], 0.25)).toBeCloseTo(0.2, 9);
  });
  it('payback of −100, +60, +60 is in year index 2, 2 + 40/60 years from the start', () => {
    expect(payback([-100, 60, 60])).toEqual({ index: 2, years: 2 + 40 / 60 });
    expect(payback([-100, 50, 49])).toBeUndefined();
  });
});

describe('yearly cash flows of a one-phase campus (flat $50/MWh, 20 °C)', () => {
  // 1,000 H100 online 2026-01-01 at once, busy half the time, sold at $2 per busy hour; facility
  // $10M/MW spent over the 12 months before (all in 2025); chips $30,000 each paid at online. Opex
  // other than energy is set to zero here (the defaults are checked in economics-opex.test.ts).
  const scenario = parseOk(
    baseScenario({
      end: '2027-12-31',
      sites: [
        {
          ...(baseScenario().sites[0] as object),
          utilisation: { busyFraction: 0.5 },
          supply: { transmissionUSDPerKWYear: 0 },
          phases: [{ online: '2026-01-01', rampDays: 0, accelerator: 'h100', count: 1000 }],
        } as never,
      ],
      economics: {
        facilityCapexUSDPerMW: 10e6,
        acceleratorPriceUSD: { h100: 30_000 },
        revenue: { usdPerAcceleratorHour: 2 },
        constructionMonths: 12,
        terminalValue: 'none',
        discountRate: 0.1,
        operationsUSDPerMWYear: 0,
        staffUSDPerJobYear: 0,
        insuranceFractionPerYear: 0,
        propertyTaxFractionPerYear: 0,
      },
    }),
  );
  const { summary } = runScenario(scenario, fakeData({ price: 50 }));
  const e = summary.economics;
  const rows = e.cashFlows ?? [];
  const itMW = (1000 * (700 + 575)) / 1e6; // H100 board power + DGX host share (docs/accelerators.md)
  const energy = summary.years.map((y) => y.energyCostUSD);

  it('years run from the first spend (2025) to the last simulated year', () => {
    expect(rows.map((r) => r.year)).toEqual([2025, 2026, 2027]);
  });
  it('facility capex falls before the online date, chips at it', () => {
    expect(rows[0]?.capexUSD).toBeCloseTo(itMW * 10e6, 3);
    expect(rows[1]?.capexByCategoryUSD.acceleratorsUSD).toBeCloseTo(30e6, 3);
    expect(rows[2]?.capexUSD).toBe(0);
  });
  it('revenue = accelerators × busy fraction × hours × price', () => {
    expect(rows[1]?.revenueUSD).toBeCloseTo(1000 * 0.5 * 8760 * 2, 3);
    expect(rows[1]?.acceleratorHours).toBeCloseTo(1000 * 0.5 * 8760, 6);
  });
  it('net cash flow = revenue − energy − capex, and NPV discounts it from 2025', () => {
    const flows = [-itMW * 10e6, 8.76e6 - (energy[0] as number) - 30e6, 8.76e6 - (energy[1] as number)];
    for (const [k, r] of rows.entries()) expect(r.netCashFlowUSD).toBeCloseTo(flows[k] as number, 2);
    expect(e.npvUSD).toBeCloseTo(
      (flows[0] as number) + (flows[1] as number) / 1.1 + (flows[2] as number) / 1.21,
      1,
    );
  });
  it('straight-line depreciation: chips over 5 years, facility over 25, from the online date', () => {
    const yearShare = (life: number) => (8760 * 3.6e6) / (life * 365.25 * 86_400_000);
    expect(rows[1]?.depreciationUSD).toBeCloseTo(30e6 * yearShare(5) + itMW * 10e6 * yearShare(25), 2);
  });
  it('never pays back within two years, so no payback year and a negative NPV', () => {
    expect(e.paybackYear).toBeNull();
    expect(e.npvUSD).toBeLessThan(0);
  });
  it('levelized $/accelerator-hour = PV(capex + opex) / PV(busy hours)', () => {
    const pvCost = rows.reduce((a, r, k) => a + (r.capexUSD + r.opexUSD) / 1.1 ** k, 0);
    const pvHours = rows.reduce((a, r, k) => a + r.acceleratorHours / 1.1 ** k, 0);
    expect(e.levelized?.usdPerAcceleratorHour).toBeCloseTo(pvCost / pvHours, 9);
  });
});

describe('terminal value and break-even', () => {
  const make = (terminalValue: 'book' | 'none') =>
    runScenario(
      parseOk(
        baseScenario({
          economics: { revenue: { usdPerAcceleratorHour: 3 }, terminalValue, constructionMonths: 0 },
        }),
      ),
      fakeData(),
    ).summary.economics;
  it('book terminal value = capex − depreciation, credited in the last year', () => {
    const e = make('book');
    const rows = e.cashFlows ?? [];
    const capex = rows.reduce((a, r) => a + r.capexUSD, 0);
    const dep = rows.reduce((a, r) => a + r.depreciationUSD, 0);
    expect(rows[rows.length - 1]?.terminalValueUSD).toBeCloseTo(capex - dep, 2);
    expect(e.npvUSD as number).toBeGreaterThan(make('none').npvUSD as number);
  });
  it('break-even year is the first year of profit (revenue − opex − depreciation ≥ 0)', () => {
    const e = make('none');
    const rows = e.cashFlows ?? [];
    // $3 per H100-hour on 10,000 H100 earns well above the opex and depreciation: a break-even exists
    // (the old check, `row === undefined || …`, also passed when there was none)
    const k = rows.findIndex((r) => r.year === e.breakEvenYear);
    expect(k).toBeGreaterThanOrEqual(0);
    const row = rows[k];
    expect(row?.profitUSD).toBeGreaterThanOrEqual(0);
    expect(row?.revenueUSD).toBeGreaterThan(0);
    // the first year from which profit stays ≥ 0 (docs: cash-flows.ts): all later years profit, the year
    // before does not
    for (const r of rows.slice(k)) expect(r.profitUSD, String(r.year)).toBeGreaterThanOrEqual(0);
    if (k > 0) expect(rows[k - 1]?.profitUSD).toBeLessThan(0);
  });
});
