/**
 * The yearly cash-flow table, NPV, IRR, payback, break-even, terminal value, levelized cost and revenue
 * basis of src/analysis/economics/cash-flows.ts against hand calculations, on small synthetic hourly
 * columns and phase capex built here (no scenario is resolved or simulated, so each case runs in
 * milliseconds). Written against the survivors of a Stryker run of cash-flows.ts (docs/testing.md).
 *
 * Every analysis is computed inside its `it` (not while vitest collects the file), so Stryker's
 * per-test coverage sees which test reaches which mutant.
 */
import { describe, expect, it } from 'vitest';
import { type CashFlowYear, cashFlowAnalysis } from '../src/analysis/economics/cash-flows.js';
import { CashFlowHourlySums } from '../src/analysis/economics/hourly-aggregates.js';
import type { PhaseEconomics } from '../src/analysis/economics.js';
import type { EngineInputs } from '../src/engine/inputs.js';
import type { SimulatedSite } from '../src/engine/simulate.js';
import type { SiteHourly } from '../src/engine/site-hourly.js';
import { economicsSchema, type Scenario } from '../src/model/scenario.js';

/** A Julian year, the unit of lifetimes (docs/economics.md): 365.25 days. */
const JULIAN_DAYS = 365.25;

type Column = (h: number) => number;
interface SiteColumns {
  energyCostUSD?: Column;
  transmissionChargeUSD?: Column;
  itInstalledMW?: Column;
  computeFLOP?: Column;
  itDemandMW?: Column;
  itMW?: Column;
  busyFraction?: Column;
  /** Accelerators online of each phase, by hour. */
  phaseOnline: Column[];
}

const zero: Column = () => 0;
const col = (hours: number, f: Column = zero) => Float64Array.from({ length: hours }, (_, h) => f(h));

/** The hourly columns the cash flows read, as the engine would give them for one site. */
function siteHourly(siteId: string, startMs: number, hours: number, c: SiteColumns): SiteHourly {
  return {
    siteId,
    startMs,
    hours,
    energyCostUSD: col(hours, c.energyCostUSD),
    transmissionChargeUSD: col(hours, c.transmissionChargeUSD),
    itInstalledMW: col(hours, c.itInstalledMW),
    computeFLOP: col(hours, c.computeFLOP),
    itDemandMW: col(hours, c.itDemandMW),
    itMW: col(hours, c.itMW),
    busyFraction: col(hours, c.busyFraction),
    phaseOnline: c.phaseOnline.map((f) => col(hours, f)),
  } as unknown as SiteHourly;
}

interface PhaseSpec {
  id: string;
  online: string;
  rampDays?: number;
  peakFLOPS?: number;
  facilityCapexUSD?: number;
  acceleratorCapexUSD?: number;
  networkCapexUSD?: number;
  jobsPermanent?: number;
  jobsConstruction?: number;
}

/** Engine inputs with what the cash flows read: the period, and each site's phases and duty cycle. */
function engineInputs(start: string, hours: number, phases: PhaseSpec[], dutyCycle = 1): EngineInputs {
  return {
    startMs: Date.parse(`${start}T00:00:00Z`),
    hours,
    sites: [
      {
        id: 'a',
        dutyCycle,
        phases: phases.map((p) => ({
          id: p.id,
          onlineMs: Date.parse(`${p.online}T00:00:00Z`),
          rampDays: p.rampDays ?? 0,
          count: 100,
          peakFLOPS: p.peakFLOPS ?? 1e15,
        })),
      },
    ],
  } as unknown as EngineInputs;
}

function phaseEconomics(phases: PhaseSpec[]): PhaseEconomics[] {
  return phases.map((p) => {
    const facilityCapexUSD = p.facilityCapexUSD ?? 0;
    const acceleratorCapexUSD = p.acceleratorCapexUSD ?? 0;
    const networkCapexUSD = p.networkCapexUSD ?? 0;
    return {
      siteId: 'a',
      phaseId: p.id,
      year: Number(p.online.slice(0, 4)),
      count: 100,
      itCapacityMW: 1,
      facilityCapexUSD,
      acceleratorCapexUSD,
      networkCapexUSD,
      capexUSD: facilityCapexUSD + acceleratorCapexUSD + networkCapexUSD,
      jobsPermanent: p.jobsPermanent ?? 0,
      jobsConstruction: p.jobsConstruction ?? 0,
    };
  });
}

/** Economics options as the schema fills them (defaults for anything not given). */
const economics = (given: Record<string, unknown>): Scenario['economics'] => economicsSchema.parse(given);

/** Every opex rate 0, no tax, no terminal value: only what a case sets counts. */
const BARE = {
  operationsUSDPerMWYear: 0,
  staffUSDPerJobYear: 0,
  insuranceFractionPerYear: 0,
  propertyTaxFractionPerYear: 0,
  fuelUSDPerYear: 0,
  taxRate: 0,
  terminalValue: 'none',
};

function analyse(
  inputs: EngineInputs,
  phases: PhaseSpec[],
  cols: SiteColumns,
  e: Scenario['economics'],
  constructionMonths: number,
) {
  const hourly = siteHourly('a', inputs.startMs, inputs.hours, cols);
  return cashFlowAnalysis({
    inputs,
    sims: [{ hourly } as SimulatedSite],
    phases: phaseEconomics(phases),
    economics: e,
    constructionMonths,
  });
}

const row = (rows: readonly CashFlowYear[], year: number): CashFlowYear => {
  const r = rows.find((x) => x.year === year);
  if (r === undefined) throw new Error(`no cash-flow row for ${year}`);
  return r;
};

/** Relative closeness, for sums of ~10⁴ hourly terms in floating point. */
function near(actual: number | null | undefined, expected: number, rel = 1e-9) {
  expect(actual).toBeTypeOf('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-9);
}

/*
 * Case 1, a two-year campus. One phase of 100 accelerators online 2026-01-01 (no ramp), simulated over
 * 2026 and 2027 (17,520 h, neither year leap); 12 months of construction put the $8M facility in 2025.
 * Accelerators $3M and network $1M are paid on the online date (2026). Each hour: $20 of energy,
 * 2 MW installed IT, 10¹⁸ FLOP, 0.5 busy, duty cycle 0.8; IT fully served in 2026, half served in 2027
 * (1 of 2 MW). ERCOT 4CP: $30,000 in one 2026 hour and $40,000 in one 2027 hour. Rates: O&M
 * $100k/MW-yr, staff $50k/job-yr for 4 permanent jobs, insurance 1 % and property tax 2 % of capex so
 * far, fuel $10k/yr, tax 20 %, revenue $20 per busy accelerator-hour, discount 10 %, lives 5 and 20 yr.
 */
const CAMPUS: PhaseSpec[] = [
  {
    id: 'p1',
    online: '2026-01-01',
    facilityCapexUSD: 8e6,
    acceleratorCapexUSD: 3e6,
    networkCapexUSD: 1e6,
    jobsPermanent: 4,
    jobsConstruction: 20,
  },
];
const CAMPUS_HOURS = 2 * 8760;
const campusColumns = (over: Partial<SiteColumns> = {}): SiteColumns => ({
  energyCostUSD: () => 20,
  transmissionChargeUSD: (h) => (h === 5000 ? 30_000 : h === 8760 + 5000 ? 40_000 : 0),
  itInstalledMW: () => 2,
  computeFLOP: () => 1e18,
  itDemandMW: () => 2,
  itMW: (h) => (h < 8760 ? 2 : 1),
  busyFraction: () => 0.5,
  phaseOnline: [() => 100],
  ...over,
});
const CAMPUS_RATES = {
  operationsUSDPerMWYear: 100_000,
  staffUSDPerJobYear: 50_000,
  insuranceFractionPerYear: 0.01,
  propertyTaxFractionPerYear: 0.02,
  fuelUSDPerYear: 10_000,
  taxRate: 0.2,
  discountRate: 0.1,
  acceleratorLifetimeYears: 5,
  facilityLifetimeYears: 20,
  terminalValue: 'book',
};
function campus(revenue: Record<string, unknown> = { usdPerAcceleratorHour: 20 }, rates = {}) {
  return analyse(
    engineInputs('2026-01-01', CAMPUS_HOURS, CAMPUS, 0.8),
    CAMPUS,
    campusColumns(),
    economics({ ...CAMPUS_RATES, revenue, ...rates }),
    12,
  );
}

// Hand figures of case 1.
/** Straight-line depreciation of a full 365-day year: $4M over 5 Julian years + $8M over 20. */
const DEP = (4e6 * 365) / (5 * JULIAN_DAYS) + (8e6 * 365) / (20 * JULIAN_DAYS);
/** 8,760 h × $20 energy + 4CP + 2 MW × $100k + 4 × $50k + 1 % and 2 % of $12M + $10k. */
const OPEX_2026 = 175_200 + 30_000 + 200_000 + 200_000 + 120_000 + 240_000 + 10_000;
const OPEX_2027 = 175_200 + 40_000 + 200_000 + 200_000 + 120_000 + 240_000 + 10_000;
/** $20 × 100 accelerators × 8,760 h × 0.5 busy × 0.8 duty (× 1/2 served in 2027). */
const REV_2026 = 7_008_000;
const REV_2027 = 3_504_000;
const TAX_2026 = 0.2 * (REV_2026 - OPEX_2026 - DEP);
const TAX_2027 = 0.2 * (REV_2027 - OPEX_2027 - DEP);
const TERMINAL = 12e6 - 2 * DEP;
const NET = [
  -8e6,
  REV_2026 - OPEX_2026 - 4e6 - TAX_2026,
  REV_2027 - OPEX_2027 - TAX_2027 + TERMINAL,
] as const;

describe('case 1: a two-year campus, year by year', () => {
  it('has the rows 2025 (construction), 2026 and 2027, and no row past the last simulated hour', () => {
    expect(campus().cashFlows.map((r) => r.year)).toEqual([2025, 2026, 2027]);
  });
  it('2025: the facility only, split 35/45/20 by default; no opex, revenue, tax or depreciation', () => {
    const r = row(campus().cashFlows, 2025);
    expect(r.capexUSD).toBe(8e6);
    expect(r.capexByCategoryUSD).toEqual({
      landAndBuildingsUSD: 2.8e6,
      electricalUSD: 3.6e6,
      coolingUSD: 1.6e6,
      acceleratorsUSD: 0,
      networkUSD: 0,
      onSiteGenerationUSD: 0,
      batteriesUSD: 0,
    });
    for (const k of [
      'energyUSD',
      'transmissionUSD',
      'operationsUSD',
      'staffUSD',
      'insuranceUSD',
      'propertyTaxUSD',
      'fuelUSD',
      'opexUSD',
      'revenueUSD',
      'depreciationUSD',
      'profitUSD',
      'taxUSD',
      'terminalValueUSD',
      'acceleratorHours',
      'computeFLOP',
      'permanentJobYears',
    ] as const)
      expect(r[k], k).toBe(0);
    expect(r.netCashFlowUSD).toBe(-8e6);
    expect(r.cumulativeCashFlowUSD).toBe(-8e6);
    expect(r.discountedCashFlowUSD).toBe(-8e6);
    // 20 construction jobs over the whole of 2025
    near(r.constructionJobYears, 20);
  });
  it('2026: accelerators and network paid on the online date; each opex line by hand', () => {
    const r = row(campus().cashFlows, 2026);
    expect(r.capexUSD).toBe(4e6);
    expect(r.capexByCategoryUSD.acceleratorsUSD).toBe(3e6);
    expect(r.capexByCategoryUSD.networkUSD).toBe(1e6);
    near(r.energyUSD, 175_200);
    near(r.transmissionUSD, 30_000);
    near(r.operationsUSD, 200_000);
    near(r.staffUSD, 200_000);
    near(r.insuranceUSD, 120_000);
    near(r.propertyTaxUSD, 240_000);
    near(r.fuelUSD, 10_000);
    near(r.opexUSD, OPEX_2026);
    near(r.permanentJobYears, 4);
    expect(r.constructionJobYears).toBe(0);
  });
  it('2026: revenue $7.008M on 350,400 busy accelerator-hours, 8,760·10¹⁸ FLOP, tax 20 % of profit', () => {
    const r = row(campus().cashFlows, 2026);
    near(r.acceleratorHours, 350_400);
    near(r.computeFLOP, 8760e18);
    near(r.revenueUSD, REV_2026);
    near(r.depreciationUSD, DEP);
    near(r.profitUSD, REV_2026 - OPEX_2026 - DEP);
    near(r.taxUSD, TAX_2026);
    expect(r.terminalValueUSD).toBe(0);
    near(r.netCashFlowUSD, NET[1]);
    near(r.cumulativeCashFlowUSD, NET[0] + NET[1]);
    near(r.discountedCashFlowUSD, NET[1] / 1.1);
  });
  it('2027: half the IT served halves revenue; the undepreciated $12M − 2 years is credited', () => {
    const r = row(campus().cashFlows, 2027);
    expect(r.capexUSD).toBe(0);
    near(r.acceleratorHours, 175_200);
    near(r.revenueUSD, REV_2027);
    near(r.transmissionUSD, 40_000);
    near(r.opexUSD, OPEX_2027);
    // capex spent by the end of 2027 is still $12M: insurance and property tax as in 2026
    near(r.insuranceUSD, 120_000);
    near(r.taxUSD, TAX_2027);
    near(r.terminalValueUSD, TERMINAL);
    near(r.netCashFlowUSD, NET[2]);
    near(r.cumulativeCashFlowUSD, NET[0] + NET[1] + NET[2]);
    near(r.discountedCashFlowUSD, NET[2] / 1.21);
  });
  it('NPV at 10 % = −8M + CF₂₀₂₆/1.1 + CF₂₀₂₇/1.21', () => {
    const a = campus();
    expect(a.discountRate).toBe(0.1);
    near(a.npvUSD, NET[0] + NET[1] / 1.1 + NET[2] / 1.21);
  });
  it('IRR is the root of the quadratic −8M + CF₁·x + CF₂·x² = 0, x = 1/(1 + r)', () => {
    const [c0, c1, c2] = NET;
    const x = (-c1 + Math.sqrt(c1 * c1 - 4 * c2 * c0)) / (2 * c2);
    near(campus().irr, 1 / x - 1, 1e-8);
  });
  it('pays back in 2027, 2 + (8M − CF₂₀₂₆)/CF₂₀₂₇ years after the start of 2025', () => {
    const a = campus();
    expect(a.paybackYear).toBe(2027);
    near(a.paybackYears, 2 + -(NET[0] + NET[1]) / NET[2]);
  });
  it('breaks even in 2026 (profit ≥ 0 from then on); 2025 has profit 0 but no revenue', () => {
    expect(campus().breakEvenYear).toBe(2026);
  });
  it('levelized cost = PV(capex + opex − terminal) / PV(units) for each unit', () => {
    const a = campus();
    const pvCost = 8e6 + (4e6 + OPEX_2026) / 1.1 + (OPEX_2027 - TERMINAL) / 1.21;
    const pvFLOP = 8760e18 / 1.1 + 8760e18 / 1.21;
    near(a.levelized.usdPerAcceleratorHour, pvCost / (350_400 / 1.1 + 175_200 / 1.21));
    // a PFLOP-day is 10¹⁵ FLOP/s for 86,400 s
    near(a.levelized.usdPerPFLOPDay, pvCost / (pvFLOP / 8.64e19));
    // default model: 405·10⁹ parameters, 2 FLOP per parameter per token
    near(a.levelized.usdPerMillionTokens, pvCost / (pvFLOP / 810e9 / 1e6));
  });
  it('says how revenue was priced: the given $20 per busy accelerator-hour', () => {
    expect(campus().revenueBasis).toBe('$20 per busy accelerator-hour (given)');
  });
  it("terminal value 'none' credits nothing in the last year", () => {
    const a = campus({ usdPerAcceleratorHour: 20 }, { terminalValue: 'none' });
    expect(row(a.cashFlows, 2027).terminalValueUSD).toBe(0);
    near(row(a.cashFlows, 2027).netCashFlowUSD, NET[2] - TERMINAL);
    near(a.npvUSD, NET[0] + NET[1] / 1.1 + (NET[2] - TERMINAL) / 1.21);
  });
  it('a loss year pays no tax (tax = rate × max(0, profit))', () => {
    // $1 per accelerator-hour: revenue $350,400 in 2026, far below opex + depreciation
    const r = row(campus({ usdPerAcceleratorHour: 1 }).cashFlows, 2026);
    expect(r.profitUSD).toBeLessThan(0);
    near(r.profitUSD, 350_400 - OPEX_2026 - DEP);
    expect(r.taxUSD).toBe(0);
  });
});

describe('case 1 priced per million tokens', () => {
  it('revenue = FLOP / (2 × 10¹² per token) / 10⁶ × $2: 8,760·10¹⁸ FLOP → 4,380 Mtokens → $8,760', () => {
    const a = campus({ usdPerMillionTokens: 2, modelParameters: 1e12 });
    near(row(a.cashFlows, 2026).revenueUSD, 8760);
    near(row(a.cashFlows, 2027).revenueUSD, 8760);
    expect(a.revenueBasis).toBe('$2 per million tokens at 2 x 1.00e+12 FLOP/token');
    const pvFLOP = 8760e18 / 1.1 + 8760e18 / 1.21;
    const pvCost = 8e6 + (4e6 + OPEX_2026) / 1.1 + (OPEX_2027 - 12e6 + 2 * DEP) / 1.21;
    near(a.levelized.usdPerMillionTokens, pvCost / (pvFLOP / 2e12 / 1e6));
  });
  it('without modelParameters, the default 405·10⁹ parameters: 8,760·10¹⁸ / 8.1·10¹¹ / 10⁶ × $2', () => {
    const a = campus({ usdPerMillionTokens: 2 });
    near(row(a.cashFlows, 2026).revenueUSD, (8760e18 / 810e9 / 1e6) * 2);
    expect(a.revenueBasis).toBe('$2 per million tokens at 2 x 4.05e+11 FLOP/token');
  });
  it('with no price given, H100 price parity: $1.90/h × peak / 989.4 TFLOP/s', () => {
    // peak 10¹⁵ FLOP/s → $1.90 × 1000 / 989.4 per busy accelerator-hour on 350,400 of them
    const a = campus({});
    near(row(a.cashFlows, 2026).revenueUSD, ((1.9 * 1000) / 989.4) * 350_400);
    expect(a.revenueBasis).toBe('H100 cloud price $1.9/h scaled by dense peak (price parity per FLOP)');
  });
});

describe('the cash flows from sums taken site by site', () => {
  it('give the same table as the hourly columns; a different flat price is refused', () => {
    const inputs = engineInputs('2026-01-01', CAMPUS_HOURS, CAMPUS, 0.8);
    const sums = new CashFlowHourlySums(inputs, 20);
    sums.addSite(siteHourly('a', inputs.startMs, inputs.hours, campusColumns()));
    const e = economics({ ...CAMPUS_RATES, revenue: { usdPerAcceleratorHour: 20 } });
    const ctx = { inputs, sims: sums, phases: phaseEconomics(CAMPUS), constructionMonths: 12 };
    const a = cashFlowAnalysis({ ...ctx, economics: e });
    near(a.npvUSD, NET[0] + NET[1] / 1.1 + NET[2] / 1.21);
    near(row(a.cashFlows, 2027).revenueUSD, REV_2027);
    const e21 = economics({ ...CAMPUS_RATES, revenue: { usdPerAcceleratorHour: 21 } });
    expect(() => cashFlowAnalysis({ ...ctx, economics: e21 })).toThrow(
      'cash-flow sums were taken at a flat price of 20 $/accelerator-hour, not 21',
    );
  });
});

describe('case 2: 30 days simulated in a leap year', () => {
  // Start 2028-07-01 for 720 h; the phase came online 2028-01-01 with no construction period, so its
  // $10M facility is spent on 2028-01-01 and 2028 is the only cash-flow year. 2028 has 366 days: the
  // simulated share is 720 / 8,784 h. 1 MW installed, $1 of energy an hour; 6 permanent jobs.
  const phases: PhaseSpec[] = [
    { id: 'p1', online: '2028-01-01', facilityCapexUSD: 10e6, jobsPermanent: 6, jobsConstruction: 50 },
  ];
  const run = (over: Record<string, unknown> = {}) =>
    analyse(
      engineInputs('2028-07-01', 720, phases),
      phases,
      {
        energyCostUSD: () => 1,
        itInstalledMW: () => 1,
        computeFLOP: () => 1e18,
        itDemandMW: () => 1,
        itMW: () => 1,
        busyFraction: () => 1,
        phaseOnline: [() => 100],
      },
      economics({
        ...BARE,
        operationsUSDPerMWYear: 87_600,
        staffUSDPerJobYear: 100_000,
        insuranceFractionPerYear: 0.01,
        propertyTaxFractionPerYear: 0.02,
        fuelUSDPerYear: 8784,
        facilityLifetimeYears: 20,
        terminalValue: 'book',
        revenue: { usdPerAcceleratorHour: 2 },
        ...over,
      }),
      0,
    );
  const share = 720 / 8784;
  it('has one row, 2028, with the facility spent in it', () => {
    const a = run();
    expect(a.cashFlows.map((r) => r.year)).toEqual([2028]);
    expect(a.cashFlows[0]?.capexUSD).toBe(10e6);
  });
  it('staff, insurance, property tax and fuel are paid for 720 of 8,784 hours', () => {
    const r = row(run().cashFlows, 2028);
    near(r.staffUSD, 6 * 100_000 * share);
    near(r.insuranceUSD, 10e6 * 0.01 * share);
    near(r.propertyTaxUSD, 10e6 * 0.02 * share);
    near(r.fuelUSD, 8784 * share); // = $720
    // O&M on installed MW-years of 8,760 h: 720 MWh / 8,760 × $87,600
    near(r.operationsUSD, 7200);
    near(r.energyUSD, 720);
  });
  it('depreciation covers the 720 simulated hours only; the rest of the $10M is the terminal value', () => {
    const r = row(run().cashFlows, 2028);
    const dep = (10e6 * 720) / (20 * JULIAN_DAYS * 24);
    near(r.depreciationUSD, dep);
    near(r.terminalValueUSD, 10e6 - dep);
    near(r.revenueUSD, 2 * 100 * 720);
    near(r.netCashFlowUSD, 2 * 100 * 720 - r.opexUSD - 10e6 + 10e6 - dep);
  });
});

describe('IRR with two roots: the one nearest the discount rate', () => {
  // Flows −A, +B, −C with (1 + r) the roots of A·z² − B·z + C = 0: 1.1 + 1.2 = B/A, 1.1 × 1.2 = C/A.
  // Facility A in 2025 (online 2026-01-01); revenue B in 2026 only (busy 0 in 2027); a second phase's
  // accelerators C paid on 2027-01-01. No opex, tax or terminal value.
  const B = 1000 * 8760 * 25; // 1,000 accelerators always busy × $25 × 8,760 h = $219M
  const A = B / 2.3;
  const C = 1.32 * A;
  const phases: PhaseSpec[] = [
    { id: 'p1', online: '2026-01-01', facilityCapexUSD: A },
    { id: 'p2', online: '2027-01-01', acceleratorCapexUSD: C },
  ];
  const run = (discountRate: number) =>
    analyse(
      engineInputs('2026-01-01', 2 * 8760, phases),
      phases,
      {
        itDemandMW: () => 1,
        itMW: () => 1,
        busyFraction: (h) => (h < 8760 ? 1 : 0),
        phaseOnline: [() => 1000, zero],
      },
      economics({ ...BARE, discountRate, revenue: { usdPerAcceleratorHour: 25 } }),
      12,
    );
  it('the flows are −A, +B, −C', () => {
    const flows = run(0.19).cashFlows.map((r) => r.netCashFlowUSD);
    near(flows[0], -A);
    near(flows[1], B);
    near(flows[2], -C);
  });
  it('at a 19 % discount rate the IRR is 20 %; at 10.5 %, 10 %', () => {
    near(run(0.19).irr, 0.2, 1e-8);
    near(run(0.105).irr, 0.1, 1e-8);
  });
});

describe('break-even and payback edges', () => {
  // No capex: revenue $100 an hour (100 accelerators × $1, always busy) against fuel of $876,000 a
  // year: profit exactly 0 in 2026. In 2027 the accelerators are idle from hour 8760 + `busyUntil`.
  const phases: PhaseSpec[] = [{ id: 'p1', online: '2026-01-01' }];
  const run = (busy2027: number) =>
    analyse(
      engineInputs('2026-01-01', 2 * 8760, phases),
      phases,
      {
        itDemandMW: () => 1,
        itMW: () => 1,
        busyFraction: (h) => (h < 8760 ? 1 : busy2027),
        phaseOnline: [() => 100],
      },
      economics({ ...BARE, fuelUSDPerYear: 876_000, revenue: { usdPerAcceleratorHour: 1 } }),
      0, // no construction period: 2026 is the first cash-flow year
    );
  it('a year of profit exactly 0 with revenue counts as break-even', () => {
    const a = run(1);
    expect(a.cashFlows.map((r) => r.profitUSD)).toEqual([0, 0]);
    expect(a.breakEvenYear).toBe(2026);
  });
  it('a later loss year resets it: profit ≥ 0 must hold to the end', () => {
    const a = run(0.5);
    near(row(a.cashFlows, 2027).profitUSD, 438_000 - 876_000);
    expect(a.breakEvenYear).toBeNull();
    // never under water then back: no payback; flows 0, −438,000: no sign change, no IRR
    expect(a.paybackYear).toBeNull();
    expect(a.paybackYears).toBeNull();
    expect(a.irr).toBeNull();
  });
  it('profit ≥ 0 without revenue is not break-even', () => {
    const a = run(0);
    // 2027: no revenue, fuel 876,000: a loss; 2026 profit 0 with revenue, but 2027 breaks the run
    expect(a.breakEvenYear).toBeNull();
    const free = analyse(
      engineInputs('2026-01-01', 8760, phases),
      phases,
      { itDemandMW: () => 1, itMW: () => 1, busyFraction: zero, phaseOnline: [() => 100] },
      economics({ ...BARE, revenue: { usdPerAcceleratorHour: 1 } }),
      0,
    );
    expect(free.cashFlows.map((r) => [r.profitUSD, r.revenueUSD])).toEqual([[0, 0]]);
    expect(free.breakEvenYear).toBeNull();
  });
});

describe('levelized cost when (next to) nothing is delivered', () => {
  const phases: PhaseSpec[] = [{ id: 'p1', online: '2026-01-01', facilityCapexUSD: 1e9 }];
  const run = (flop: Column, busy: Column) =>
    analyse(
      engineInputs('2026-01-01', 8760, phases),
      phases,
      { itDemandMW: () => 1, itMW: () => 1, busyFraction: busy, computeFLOP: flop, phaseOnline: [() => 100] },
      economics({ ...BARE, revenue: { usdPerAcceleratorHour: 1 } }),
      12,
    );
  it('no compute: every levelized cost is null, not $0 or Infinity', () => {
    expect(run(zero, zero).levelized).toEqual({
      usdPerAcceleratorHour: null,
      usdPerPFLOPDay: null,
      usdPerMillionTokens: null,
    });
  });
  it('a subnormal amount (busy 5e-324, 1e-300 FLOP in one hour): null, not Infinity', () => {
    const a = run(
      (h) => (h === 0 ? 1e-300 : 0),
      (h) => (h === 0 ? 5e-324 : 0),
    );
    // the units are positive, but $1B divided by them overflows
    expect(row(a.cashFlows, 2026).computeFLOP).toBeGreaterThan(0);
    expect(row(a.cashFlows, 2026).acceleratorHours).toBeGreaterThan(0);
    expect(a.levelized).toEqual({
      usdPerAcceleratorHour: null,
      usdPerPFLOPDay: null,
      usdPerMillionTokens: null,
    });
  });
  it('a small but representable amount still gives a finite cost', () => {
    // 8.64·10¹⁹ FLOP in 2026 = 1 PFLOP-day, discounted one year at 8 %: $1B / (1 / 1.08)
    const a = run(
      (h) => (h === 0 ? 8.64e19 : 0),
      (h) => (h === 0 ? 0.01 : 0),
    );
    near(a.levelized.usdPerPFLOPDay, 1e9 * 1.08);
    // 100 accelerators × 0.01 = 1 accelerator-hour
    near(a.levelized.usdPerAcceleratorHour, 1e9 * 1.08);
  });
});
