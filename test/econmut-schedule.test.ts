/**
 * When the cash flows place spend and revenue (src/analysis/economics/capex-schedule.ts, calendar.ts,
 * hourly-aggregates.ts, through cashFlowAnalysis): two sites whose phases share an id, on-site
 * generation and batteries built with the earliest phase, a ramp across New Year, fractional
 * construction months, hours with no IT demand, and the yearly sums outside the simulated years.
 * Hand figures on inputs built here (no scenario is simulated). Written against the survivors of a
 * Stryker run of the economics folder (docs/testing.md); every computation runs inside its `it`.
 */
import { describe, expect, it } from 'vitest';
import { type CashFlowYear, cashFlowAnalysis, monthsBefore } from '../src/analysis/economics/cash-flows.js';
import { CashFlowHourlySums } from '../src/analysis/economics/hourly-aggregates.js';
import { jobsOverTime } from '../src/analysis/economics/jobs.js';
import type { PhaseEconomics } from '../src/analysis/economics.js';
import type { EngineInputs } from '../src/engine/inputs.js';
import type { SimulatedSite } from '../src/engine/simulate.js';
import type { SiteHourly } from '../src/engine/site-hourly.js';
import { economicsSchema, type Scenario } from '../src/model/scenario.js';

const JULIAN_DAYS = 365.25;
type Column = (h: number) => number;
const col = (hours: number, f: Column) => Float64Array.from({ length: hours }, (_, h) => f(h));

interface SiteSpec {
  id: string;
  dutyCycle: number;
  phases: {
    id: string;
    online: string;
    rampDays?: number;
    peakFLOPS?: number;
    facilityCapexUSD?: number;
    acceleratorCapexUSD?: number;
    jobsConstruction?: number;
  }[];
  demand: Column;
  busy: Column;
  online: Column[];
}

const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

function setup(start: string, hours: number, sites: SiteSpec[]) {
  const inputs = {
    startMs: ms(start),
    hours,
    sites: sites.map((s) => ({
      id: s.id,
      dutyCycle: s.dutyCycle,
      phases: s.phases.map((p) => ({
        id: p.id,
        onlineMs: ms(p.online),
        rampDays: p.rampDays ?? 0,
        peakFLOPS: p.peakFLOPS ?? 1e15,
      })),
    })),
  } as unknown as EngineInputs;
  const hourly = sites.map(
    (s) =>
      ({
        siteId: s.id,
        startMs: inputs.startMs,
        hours,
        energyCostUSD: col(hours, () => 0),
        transmissionChargeUSD: col(hours, () => 0),
        itInstalledMW: col(hours, () => 0),
        computeFLOP: col(hours, () => 0),
        itDemandMW: col(hours, s.demand),
        itMW: col(hours, s.demand),
        busyFraction: col(hours, s.busy),
        phaseOnline: s.online.map((f) => col(hours, f)),
      }) as unknown as SiteHourly,
  );
  const phases: PhaseEconomics[] = sites.flatMap((s) =>
    s.phases.map((p) => ({
      siteId: s.id,
      phaseId: p.id,
      year: 0,
      count: 0,
      itCapacityMW: 0,
      facilityCapexUSD: p.facilityCapexUSD ?? 0,
      acceleratorCapexUSD: p.acceleratorCapexUSD ?? 0,
      networkCapexUSD: 0,
      capexUSD: (p.facilityCapexUSD ?? 0) + (p.acceleratorCapexUSD ?? 0),
      jobsPermanent: 0,
      jobsConstruction: p.jobsConstruction ?? 0,
    })),
  );
  return { inputs, hourly, phases };
}

/** No opex, tax or terminal value: only capex, depreciation and revenue. */
const economics = (given: Record<string, unknown> = {}): Scenario['economics'] =>
  economicsSchema.parse({
    operationsUSDPerMWYear: 0,
    staffUSDPerJobYear: 0,
    insuranceFractionPerYear: 0,
    propertyTaxFractionPerYear: 0,
    terminalValue: 'none',
    ...given,
  });

function analyse(s: ReturnType<typeof setup>, e: Scenario['economics'], constructionMonths: number) {
  return cashFlowAnalysis({
    inputs: s.inputs,
    sims: s.hourly.map((hourly) => ({ hourly }) as SimulatedSite),
    phases: s.phases,
    economics: e,
    constructionMonths,
  });
}

const row = (rows: readonly CashFlowYear[], year: number): CashFlowYear => {
  const r = rows.find((x) => x.year === year);
  if (r === undefined) throw new Error(`no cash-flow row for ${year}`);
  return r;
};
function near(actual: number | null | undefined, expected: number, rel = 1e-9) {
  expect(actual).toBeTypeOf('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-9);
}

/*
 * Two sites in 2026, each with a phase called 'p'. s0: 10 accelerators of the H100's dense peak
 * (989.4 TFLOP/s → $1.90/h by price parity) online 2026-01-01, always busy, duty 1; $1M facility and
 * $2M accelerators. s1: 20 accelerators of twice that peak ($3.80/h) online 2026-07-02 (hour 4,368),
 * duty 0.5, always busy from then on; before it, no IT demand but a busy fraction of 0.5 (an idle site
 * that delivers nothing); $3M facility over the 12 months before (183 days in 2025, 182 in 2026).
 */
const S1_ONLINE_HOUR = 4368; // 182 days × 24 h
const twoSites = (): SiteSpec[] => [
  {
    id: 's0',
    dutyCycle: 1,
    phases: [
      {
        id: 'p',
        online: '2026-01-01',
        peakFLOPS: 989.4e12,
        facilityCapexUSD: 1e6,
        acceleratorCapexUSD: 2e6,
        jobsConstruction: 10,
      },
    ],
    demand: () => 1,
    busy: () => 1,
    online: [() => 10],
  },
  {
    id: 's1',
    dutyCycle: 0.5,
    phases: [
      {
        id: 'p',
        online: '2026-07-02',
        peakFLOPS: 2 * 989.4e12,
        facilityCapexUSD: 3e6,
        acceleratorCapexUSD: 4e6,
        jobsConstruction: 30,
      },
    ],
    demand: (h) => (h < S1_ONLINE_HOUR ? 0 : 1),
    busy: (h) => (h < S1_ONLINE_HOUR ? 0.5 : 1),
    online: [(h) => (h < S1_ONLINE_HOUR ? 0 : 20)],
  },
];

describe('two sites whose phases are both called p', () => {
  it("each site's revenue at its own price and duty cycle; nothing from hours without IT demand", () => {
    const a = analyse(setup('2026-01-01', 8760, twoSites()), economics(), 12);
    const r = row(a.cashFlows, 2026);
    // s0: 10 × 8,760 h × $1.90; s1: 20 × 4,392 h × 0.5 duty × $3.80
    near(r.acceleratorHours, 87_600 + 43_920);
    near(r.revenueUSD, 166_440 + 166_896);
  });
  it("each phase's capex on its own site's dates", () => {
    const a = analyse(setup('2026-01-01', 8760, twoSites()), economics(), 12);
    expect(a.cashFlows.map((c) => c.year)).toEqual([2025, 2026]);
    near(row(a.cashFlows, 2025).capexUSD, 1e6 + (3e6 * 183) / 365);
    near(row(a.cashFlows, 2026).capexUSD, (3e6 * 182) / 365 + 2e6 + 4e6);
    // depreciation from each online date: s0 365 days, s1 183 days of 2026
    const dep =
      (2e6 * 365) / (5 * JULIAN_DAYS) +
      (1e6 * 365) / (25 * JULIAN_DAYS) +
      (4e6 * 183) / (5 * JULIAN_DAYS) +
      (3e6 * 183) / (25 * JULIAN_DAYS);
    near(row(a.cashFlows, 2026).depreciationUSD, dep);
  });
  it("each phase's construction jobs over its own site's window", () => {
    const s = setup('2026-01-01', 8760, twoSites());
    const j = jobsOverTime(s.inputs, s.phases, 12);
    // windows [2025-01-01, 2026-01-01) with 10 and [2025-07-02, 2026-07-02) with 30: 40 from 2025-07-02
    expect(j.constructionPeak).toBe(40);
    expect(j.constructionPeakDate).toBe('2025-07-02');
    expect(j.permanentRamp.map((x) => x.date)).toEqual(['2026-01-01', '2026-07-02']);
  });
  it('a phase that is not in the engine inputs is refused by name', () => {
    const s = setup('2026-01-01', 8760, twoSites());
    const phases = [...s.phases, { ...(s.phases[0] as PhaseEconomics), siteId: 's9' }];
    expect(() => analyse({ ...s, phases }, economics(), 12)).toThrow('phase s9/p not in the engine inputs');
    const phases2 = [...s.phases, { ...(s.phases[0] as PhaseEconomics), phaseId: 'q' }];
    expect(() => analyse({ ...s, phases: phases2 }, economics(), 12)).toThrow(
      'phase s0/q not in the engine inputs',
    );
  });
});

describe('on-site generation and batteries: built and depreciated with the earliest phase', () => {
  // 2026-2027 simulated. Phase 'early' online 2026-07-02 (its facility window, 12 months, starts
  // 2025-07-02: 183 days in 2025, 182 in 2026), phase 'late' online 2027-01-01; no phase capex.
  // Generation $3.65M + batteries $7.3M = $10.95M, depreciated over the 20-year facility life from
  // 2026-07-02: 183 days in 2026, 365 in 2027.
  const site = (order: 'early-first' | 'late-first'): SiteSpec => {
    const early = { id: 'early', online: '2026-07-02' };
    const late = { id: 'late', online: '2027-01-01' };
    return {
      id: 's0',
      dutyCycle: 1,
      phases: order === 'early-first' ? [early, late] : [late, early],
      demand: () => 0,
      busy: () => 0,
      online: [() => 0, () => 0],
    };
  };
  const e = economics({
    onSiteGenerationCapexUSD: 3.65e6,
    batteryCapexUSD: 7.3e6,
    facilityLifetimeYears: 20,
  });
  for (const order of ['early-first', 'late-first'] as const)
    it(`${order}: spend split 183/365 and 182/365 over 2025 and 2026, by category`, () => {
      const a = analyse(setup('2026-01-01', 2 * 8760, [site(order)]), e, 12);
      expect(a.cashFlows.map((c) => c.year)).toEqual([2025, 2026, 2027]);
      const c25 = row(a.cashFlows, 2025).capexByCategoryUSD;
      const c26 = row(a.cashFlows, 2026).capexByCategoryUSD;
      near(c25.onSiteGenerationUSD, (3.65e6 * 183) / 365);
      near(c25.batteriesUSD, (7.3e6 * 183) / 365);
      near(c26.onSiteGenerationUSD, (3.65e6 * 182) / 365);
      near(c26.batteriesUSD, (7.3e6 * 182) / 365);
      expect(row(a.cashFlows, 2027).capexUSD).toBe(0);
    });
  it('depreciation of the $10.95M over 20 years from the earliest online date', () => {
    const a = analyse(setup('2026-01-01', 2 * 8760, [site('late-first')]), e, 12);
    expect(row(a.cashFlows, 2025).depreciationUSD).toBe(0);
    near(row(a.cashFlows, 2026).depreciationUSD, (10.95e6 * 183) / (20 * JULIAN_DAYS));
    near(row(a.cashFlows, 2027).depreciationUSD, (10.95e6 * 365) / (20 * JULIAN_DAYS));
  });
  it('on-site plant with a life shorter than the period stops depreciating at the end of its life', () => {
    // a 1-year facility life from 2026-07-02 ends 2027-07-02 06:00 (365.25 days): 183 + 182.25 days
    const short = economics({
      onSiteGenerationCapexUSD: 3.65e6,
      batteryCapexUSD: 7.3e6,
      facilityLifetimeYears: 1,
    });
    const a = analyse(setup('2026-01-01', 2 * 8760, [site('late-first')]), short, 12);
    near(row(a.cashFlows, 2026).depreciationUSD, (10.95e6 * 183) / JULIAN_DAYS);
    near(row(a.cashFlows, 2027).depreciationUSD, (10.95e6 * 182.25) / JULIAN_DAYS);
  });
  it('a simulation that starts after the online date depreciates from its start', () => {
    // simulated from 2027-01-01 (one year): the plant's 2026 half-year is before the period
    const s = setup('2027-01-01', 8760, [site('late-first')]);
    const a = analyse(s, e, 12);
    near(row(a.cashFlows, 2027).depreciationUSD, (10.95e6 * 365) / (20 * JULIAN_DAYS));
    expect(row(a.cashFlows, 2026).depreciationUSD).toBe(0);
  });
});

describe('spend across New Year', () => {
  it('accelerators over a 60-day ramp from 2026-12-02: 30 days in 2026, 30 in 2027', () => {
    const s: SiteSpec = {
      id: 's0',
      dutyCycle: 1,
      phases: [{ id: 'p', online: '2026-12-02', rampDays: 60, acceleratorCapexUSD: 6e6 }],
      demand: () => 0,
      busy: () => 0,
      online: [() => 0],
    };
    const a = analyse(setup('2026-01-01', 2 * 8760, [s]), economics(), 0);
    near(row(a.cashFlows, 2026).capexByCategoryUSD.acceleratorsUSD, 3e6);
    near(row(a.cashFlows, 2027).capexByCategoryUSD.acceleratorsUSD, 3e6);
  });
  it('1.5 construction months before 2026-02-01: one month to 2026-01-01, then half of 30.4375 days', () => {
    // 365.25 / 12 = 30.4375 days a month; half of it = 15 d 5 h 15 min before 2026-01-01
    expect(monthsBefore(ms('2026-02-01'), 1.5)).toBe(Date.UTC(2025, 11, 16, 18, 45));
    expect(monthsBefore(ms('2026-02-01'), 1)).toBe(ms('2026-01-01'));
    const s: SiteSpec = {
      id: 's0',
      dutyCycle: 1,
      phases: [{ id: 'p', online: '2026-02-01', facilityCapexUSD: 1e6 }],
      demand: () => 0,
      busy: () => 0,
      online: [() => 0],
    };
    const a = analyse(setup('2026-01-01', 8760, [s]), economics(), 1.5);
    // 15.21875 of the 46.21875 days fall in 2025
    near(row(a.cashFlows, 2025).capexUSD, (1e6 * 15.21875) / 46.21875);
    near(row(a.cashFlows, 2026).capexUSD, (1e6 * 31) / 46.21875);
  });
});

describe('yearly sums outside the simulated years', () => {
  it('are 0 before and after them', () => {
    const s = setup('2026-01-01', 8760, twoSites());
    const sums = new CashFlowHourlySums(s.inputs, 2);
    for (const h of s.hourly) sums.addSite(h);
    const y = sums.byYear(2025, 3);
    expect(Array.from(y.acceleratorHours)).toEqual([0, 87_600 + 43_920, 0]);
    expect(Array.from(y.acceleratorHourRevenueUSD)).toEqual([0, 2 * (87_600 + 43_920), 0]);
    expect(Array.from(y.energyUSD)).toEqual([0, 0, 0]);
  });
});
