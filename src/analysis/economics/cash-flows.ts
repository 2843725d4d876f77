/**
 * Yearly cash flows of a scenario, and what follows from them: NPV, IRR, payback, break-even and the
 * levelized cost of compute. All money is nominal $ of the replayed price years; a year is a UTC
 * calendar year; flows are counted at the end of each year for discounting, year 0 being the first
 * year with any spend.
 *
 * The parts, each in its own module:
 *   ./hourly-aggregates.ts  one pass over the hours: energy, 4CP transmission, MW, FLOP, revenue by year
 *   ./capex-schedule.ts     capex spend curve by category, depreciation, job-years by year
 *   ./opex.ts               the opex lines of a year (energy, transmission, O&M, staff, insurance,
 *                           property tax, fuel)
 * Revenue: busy, served accelerator-hours × duty cycle Σ_h Σ_p n_p·b·s·d · price_p, or tokens/10⁶ ·
 * $/million tokens with tokens = delivered FLOP / (2·N parameters).
 * Tax = rate · max(0, revenue − opex − depreciation).
 * Terminal value ('book'): the undepreciated capex is credited in the last simulated year.
 *   net cash flow = revenue − opex − capex − tax + terminal value
 * Break-even year: the first year whose profit (revenue − opex − depreciation) is ≥ 0 and stays so.
 * Levelized cost = PV(capex + opex − terminal value) / PV(delivered units) at the discount rate, for
 * busy accelerator-hours, PFLOP-days and million tokens; null for a unit of which nothing is delivered.
 */
import { H100_HOUR_PRICE_USD, MODEL_PARAMETERS } from '../../catalog/finance-defaults.js';
import type { EngineInputs } from '../../engine/inputs.js';
import { HOUR_MS } from '../../engine/series.js';
import type { SimulatedSite } from '../../engine/simulate.js';
import type { Scenario } from '../../model/scenario.js';
import type { PhaseEconomics } from '../economics.js';
import { msInYear, yearBoundsMs } from './calendar.js';
import {
  type CapexByCategory,
  capexInYear,
  depreciationInYear,
  jobYearsInYear,
  spendSchedule,
} from './capex-schedule.js';
import { irr, npv, payback } from './finance.js';
import { type CashFlowHourlySums, yearlyAggregates } from './hourly-aggregates.js';
import { type OpexLines, opexInYear } from './opex.js';

export { monthsBefore } from './calendar.js';
export type { CapexByCategory } from './capex-schedule.js';

type EconomicsOptions = Scenario['economics'];

/** One year of the cash-flow table, $ unless named otherwise; the opex lines as ./opex.ts works them out. */
export interface CashFlowYear extends OpexLines {
  readonly year: number;
  readonly capexUSD: number;
  readonly capexByCategoryUSD: CapexByCategory;
  readonly revenueUSD: number;
  readonly depreciationUSD: number;
  /** revenue − opex − depreciation */
  readonly profitUSD: number;
  readonly taxUSD: number;
  readonly terminalValueUSD: number;
  readonly netCashFlowUSD: number;
  readonly cumulativeCashFlowUSD: number;
  readonly discountedCashFlowUSD: number;
  /** Busy, served accelerator-hours delivered in the year, × the site's duty cycle. */
  readonly acceleratorHours: number;
  readonly computeFLOP: number;
  /** Construction job-years worked in the year (each phase's headcount over its construction window). */
  readonly constructionJobYears: number;
  /** Permanent job-years in the year (each phase's permanent jobs from its online date). */
  readonly permanentJobYears: number;
}

/** Levelized cost per unit delivered; null where nothing of that unit is delivered (no compute). */
export interface Levelized {
  /** $ per busy, served accelerator-hour (× duty cycle). */
  readonly usdPerAcceleratorHour: number | null;
  /** $ per PFLOP-day delivered (10¹⁵ FLOP/s for 86,400 s = 8.64·10¹⁹ FLOP). */
  readonly usdPerPFLOPDay: number | null;
  /** $ per million tokens (tokens = FLOP / (2·parameters)). */
  readonly usdPerMillionTokens: number | null;
}

export interface CashFlowAnalysis {
  readonly discountRate: number;
  readonly cashFlows: CashFlowYear[];
  readonly npvUSD: number;
  /** Internal rate of return; null when NPV never changes sign. */
  readonly irr: number | null;
  /** First year whose cumulative cash flow is ≥ 0; null when it never pays back in the period. */
  readonly paybackYear: number | null;
  /** Years from the start of the first spend year to payback (fractional); null when none. */
  readonly paybackYears: number | null;
  /** First year from which profit (revenue − opex − depreciation) stays ≥ 0; null when none. */
  readonly breakEvenYear: number | null;
  readonly levelized: Levelized;
  /** How revenue was priced, for the reader. */
  readonly revenueBasis: string;
}

const FLOP_PER_PFLOP_DAY = 1e15 * 86_400;

export interface CashFlowContext {
  readonly inputs: EngineInputs;
  /** The sites' hourly columns, or their sums already taken site by site (./hourly-aggregates.ts). */
  readonly sims: readonly SimulatedSite[] | CashFlowHourlySums;
  readonly phases: readonly PhaseEconomics[];
  readonly economics: EconomicsOptions;
  /** Months of construction before each online date. */
  readonly constructionMonths: number;
}

export function cashFlowAnalysis(ctx: CashFlowContext): CashFlowAnalysis {
  const { inputs, sims, phases, economics: e } = ctx;
  const startMs = inputs.startMs;
  const endMs = startMs + inputs.hours * HOUR_MS;
  const schedule = spendSchedule(inputs, phases, e, ctx.constructionMonths);
  const firstYear = new Date(schedule.firstSpendMs).getUTCFullYear();
  const lastYear = new Date(endMs - 1).getUTCFullYear();
  const simYears = lastYear - firstYear + 1;
  const flatPrice = e.revenue.usdPerAcceleratorHour;
  const agg = yearlyAggregates(inputs, sims, firstYear, simYears, flatPrice);

  const parameters = e.revenue.modelParameters ?? MODEL_PARAMETERS.value;
  const tokensOf = (f: number) => f / (2 * parameters);

  const rows: CashFlowYear[] = [];
  let cumulative = 0;
  let capexSoFar = 0;
  let accumulatedDepreciation = 0;
  for (let k = 0; k < simYears; k++) {
    const y = firstYear + k;
    const [y0, y1] = yearBoundsMs(y);
    const cat = capexInYear(schedule, e, y);
    const depreciation = depreciationInYear(schedule, e, startMs, endMs, y);
    const jobs = jobYearsInYear(schedule, y);
    const capex = Object.values(cat).reduce((a, b) => a + b, 0);
    capexSoFar += capex;
    accumulatedDepreciation += depreciation;

    const opex = opexInYear(
      {
        energyUSD: agg.energyUSD[k] as number,
        transmissionUSD: agg.transmissionUSD[k] as number,
        installedMWh: agg.installedMWh[k] as number,
        permanentJobYears: jobs.permanent,
        capexSoFarUSD: capexSoFar,
        simulatedShare: msInYear(startMs, endMs, y) / HOUR_MS / ((y1 - y0) / HOUR_MS),
      },
      e,
    );
    const revenue =
      e.revenue.usdPerMillionTokens !== undefined
        ? (tokensOf(agg.computeFLOP[k] as number) / 1e6) * e.revenue.usdPerMillionTokens
        : (agg.acceleratorHourRevenueUSD[k] as number);
    const profit = revenue - opex.opexUSD - depreciation;
    const tax = e.taxRate * Math.max(0, profit);
    const terminal =
      k === simYears - 1 && e.terminalValue === 'book' ? capexSoFar - accumulatedDepreciation : 0;
    const net = revenue - opex.opexUSD - capex - tax + terminal;
    cumulative += net;
    rows.push({
      year: y,
      capexUSD: capex,
      capexByCategoryUSD: cat,
      ...opex,
      revenueUSD: revenue,
      depreciationUSD: depreciation,
      profitUSD: profit,
      taxUSD: tax,
      terminalValueUSD: terminal,
      netCashFlowUSD: net,
      cumulativeCashFlowUSD: cumulative,
      discountedCashFlowUSD: net / (1 + e.discountRate) ** k,
      acceleratorHours: agg.acceleratorHours[k] as number,
      computeFLOP: agg.computeFLOP[k] as number,
      constructionJobYears: jobs.construction,
      permanentJobYears: jobs.permanent,
    });
  }

  const flows = rows.map((r) => r.netCashFlowUSD);
  const pb = payback(flows);
  return {
    discountRate: e.discountRate,
    cashFlows: rows,
    npvUSD: npv(e.discountRate, flows),
    irr: irr(flows, e.discountRate) ?? null,
    paybackYear: pb ? firstYear + pb.index : null,
    paybackYears: pb ? pb.years : null,
    breakEvenYear: breakEvenYear(rows),
    levelized: levelized(rows, e.discountRate, parameters),
    revenueBasis: revenueBasis(e, parameters),
  };
}

/** First year from which profit (revenue − opex − depreciation) stays ≥ 0 with revenue; null when none. */
function breakEvenYear(rows: readonly CashFlowYear[]): number | null {
  let year: number | null = null;
  for (let k = rows.length - 1; k >= 0; k--) {
    const r = rows[k] as CashFlowYear;
    if (r.profitUSD >= 0 && r.revenueUSD > 0) year = r.year;
    else break;
  }
  return year;
}

/** PV(capex + opex − terminal value) / PV(units), per unit; null for a unit of which none is delivered. */
function levelized(rows: readonly CashFlowYear[], rate: number, parameters: number): Levelized {
  const pv = (f: (r: CashFlowYear) => number) => npv(rate, rows.map(f));
  const pvCost = pv((r) => r.capexUSD + r.opexUSD - r.terminalValueUSD);
  const pvHours = pv((r) => r.acceleratorHours);
  const pvFLOP = pv((r) => r.computeFLOP);
  // null where nothing (or next to nothing: a subnormal MFU) was delivered, never $0 or Infinity per unit
  const per = (units: number): number | null => {
    const v = pvCost / units;
    return units > 0 && Number.isFinite(v) ? v : null;
  };
  return {
    usdPerAcceleratorHour: per(pvHours),
    usdPerPFLOPDay: per(pvFLOP / FLOP_PER_PFLOP_DAY),
    usdPerMillionTokens: per(pvFLOP / (2 * parameters) / 1e6),
  };
}

function revenueBasis(e: EconomicsOptions, parameters: number): string {
  const flatPrice = e.revenue.usdPerAcceleratorHour;
  if (e.revenue.usdPerMillionTokens !== undefined)
    return `$${e.revenue.usdPerMillionTokens} per million tokens at 2 x ${parameters.toExponential(2)} FLOP/token`;
  return flatPrice !== undefined
    ? `$${flatPrice} per busy accelerator-hour (given)`
    : `H100 cloud price $${H100_HOUR_PRICE_USD.value}/h scaled by dense peak (price parity per FLOP)`;
}
