/**
 * Yearly cash flows of a scenario, and what follows from them: NPV, IRR, payback, break-even and the
 * levelized cost of compute. All money is nominal $ of the replayed price years; a year is a UTC
 * calendar year; flows are counted at the end of each year for discounting, year 0 being the first
 * year with any spend.
 *
 * Capex timing (the spend curve ahead of each online date t₀ of a phase):
 *   facility capex (land and buildings, electrical, cooling)  evenly over [t₀ − construction months, t₀]
 *   accelerators, hosts and network                           evenly over the ramp [t₀, t₀ + ramp days]
 *   on-site generation and batteries                          with the facility of the first phase
 * Opex, for each simulated year y:
 *   energy       Σ_h grid MWh · $/MWh                         (from the hourly engine)
 *   transmission Σ_sites peak facility kW in y · $/kW-yr · (hours of y simulated / 8,760)
 *   O&M          installed IT MW-years · $/MW-yr
 *   staff        permanent jobs in place (from each phase's online date) · $/job-yr
 *   insurance    capex spent by the end of y · share per year
 *   fuel         $/yr · (hours of y simulated / 8,760)
 * Revenue: busy, served accelerator-hours Σ_h Σ_p n_p·b·s · price_p, or tokens/10⁶ · $/million tokens
 * with tokens = delivered FLOP / (2·N parameters).
 * Depreciation: straight line from the online date, accelerators and network over their lifetime,
 * facility and on-site plant over the facility lifetime. Tax = rate · max(0, revenue − opex − depreciation).
 * Terminal value ('book'): the undepreciated capex is credited in the last simulated year.
 *   net cash flow = revenue − opex − capex − tax + terminal value
 * Break-even year: the first year whose profit (revenue − opex − depreciation) is ≥ 0 and stays so.
 * Levelized cost = PV(capex + opex − terminal value) / PV(delivered units) at the discount rate, for
 * busy accelerator-hours, PFLOP-days and million tokens.
 */
import {
  FACILITY_SPLIT,
  H100_BF16_DENSE_TFLOPS,
  H100_HOUR_PRICE_USD,
  MODEL_PARAMETERS,
} from '../../catalog/finance-defaults.js';
import type { EngineInputs } from '../../engine/inputs.js';
import { HOUR_MS } from '../../engine/series.js';
import type { SimulatedSite } from '../../engine/simulate.js';
import type { Scenario } from '../../model/scenario.js';
import type { PhaseEconomics } from '../economics.js';
import { irr, npv, payback } from './finance.js';

type EconomicsOptions = Scenario['economics'];

/** One year of the cash-flow table, $ unless named otherwise. */
export interface CashFlowYear {
  readonly year: number;
  readonly capexUSD: number;
  readonly capexByCategoryUSD: CapexByCategory;
  readonly energyUSD: number;
  readonly transmissionUSD: number;
  readonly operationsUSD: number;
  readonly staffUSD: number;
  readonly insuranceUSD: number;
  readonly fuelUSD: number;
  readonly opexUSD: number;
  readonly revenueUSD: number;
  readonly depreciationUSD: number;
  /** revenue − opex − depreciation */
  readonly profitUSD: number;
  readonly taxUSD: number;
  readonly terminalValueUSD: number;
  readonly netCashFlowUSD: number;
  readonly cumulativeCashFlowUSD: number;
  readonly discountedCashFlowUSD: number;
  /** Busy, served accelerator-hours delivered in the year. */
  readonly acceleratorHours: number;
  readonly computeFLOP: number;
  /** Construction job-years worked in the year (each phase's headcount over its construction window). */
  readonly constructionJobYears: number;
  /** Permanent job-years in the year (each phase's permanent jobs from its online date). */
  readonly permanentJobYears: number;
}

export interface CapexByCategory {
  landAndBuildingsUSD: number;
  electricalUSD: number;
  coolingUSD: number;
  acceleratorsUSD: number;
  networkUSD: number;
  onSiteGenerationUSD: number;
  batteriesUSD: number;
}

export interface Levelized {
  /** $ per busy, served accelerator-hour. */
  readonly usdPerAcceleratorHour: number;
  /** $ per PFLOP-day delivered (10¹⁵ FLOP/s for 86,400 s = 8.64·10¹⁹ FLOP). */
  readonly usdPerPFLOPDay: number;
  /** $ per million tokens (tokens = FLOP / (2·parameters)). */
  readonly usdPerMillionTokens: number;
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

const YEAR_MS = (y: number) => [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)] as const;
const FLOP_PER_PFLOP_DAY = 1e15 * 86_400;

/** Share of the interval [a, b) that falls in calendar year y (all of it, for a = b, in a's year). */
function shareInYear(a: number, b: number, y: number): number {
  const [y0, y1] = YEAR_MS(y);
  if (b <= a) return a >= y0 && a < y1 ? 1 : 0;
  return Math.max(0, Math.min(b, y1) - Math.max(a, y0)) / (b - a);
}

/** Milliseconds of [a, b) inside year y. */
function msInYear(a: number, b: number, y: number): number {
  const [y0, y1] = YEAR_MS(y);
  return Math.max(0, Math.min(b, y1) - Math.max(a, y0));
}

/** The instant `months` calendar months before `ms` (a fractional part counts 30.44 days a month). */
export function monthsBefore(ms: number, months: number): number {
  const whole = Math.floor(months);
  const d = new Date(ms);
  const shifted = Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() - whole,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  );
  return shifted - (months - whole) * (365.25 / 12) * 86_400_000;
}

export interface CashFlowContext {
  readonly inputs: EngineInputs;
  readonly sims: readonly SimulatedSite[];
  readonly phases: readonly PhaseEconomics[];
  readonly economics: EconomicsOptions;
  /** Months of construction before each online date. */
  readonly constructionMonths: number;
}

export function cashFlowAnalysis(ctx: CashFlowContext): CashFlowAnalysis {
  const { inputs, sims, phases, economics: e } = ctx;
  const startMs = inputs.startMs;
  const endMs = startMs + inputs.hours * HOUR_MS;
  const split = e.facilitySplit ?? FACILITY_SPLIT.value;
  const yearMs = 365.25 * 86_400_000;

  // Spend windows of each phase (phases after the period are already left out of `phases`).
  const phaseInputs = phases.map((p) => {
    const site = inputs.sites.find((s) => s.id === p.siteId);
    const ph = site?.phases.find((x) => x.id === p.phaseId);
    if (!ph) throw new Error(`phase ${p.siteId}/${p.phaseId} not in the engine inputs`);
    return ph;
  });
  const facilityWindow = phaseInputs.map(
    (ph) => [monthsBefore(ph.onlineMs, ctx.constructionMonths), ph.onlineMs] as const,
  );
  const rampWindow = phaseInputs.map((ph) => [ph.onlineMs, ph.onlineMs + ph.rampDays * 86_400_000] as const);
  const firstFacility = facilityWindow.reduce(
    (best, w) => (w[1] < best[1] ? w : best),
    facilityWindow[0] ?? ([startMs, startMs] as const),
  );
  const onSite = e.onSiteGenerationCapexUSD + e.batteryCapexUSD;

  const firstSpendMs = Math.min(
    startMs,
    ...facilityWindow.map((w) => w[0]),
    ...(onSite > 0 ? [firstFacility[0]] : []),
  );
  const firstYear = new Date(firstSpendMs).getUTCFullYear();
  const lastYear = new Date(endMs - 1).getUTCFullYear();

  // Hourly aggregates by simulated year: energy cost, installed MW-hours, busy accelerator-hours,
  // revenue at price parity, FLOP, and each site's peak facility power.
  const simYears = lastYear - firstYear + 1;
  const energy = new Float64Array(simYears);
  const installedMWh = new Float64Array(simYears);
  const accHours = new Float64Array(simYears);
  const parityRevenue = new Float64Array(simYears);
  const flop = new Float64Array(simYears);
  const transmission = new Float64Array(simYears);
  const hoursIn = new Float64Array(simYears);
  const flatPrice = e.revenue.usdPerAcceleratorHour;
  for (const sim of sims) {
    const s = sim.hourly;
    const site = inputs.sites.find((x) => x.id === s.siteId);
    const prices = (site?.phases ?? []).map((ph) =>
      flatPrice !== undefined
        ? flatPrice
        : (H100_HOUR_PRICE_USD.value * ph.peakFLOPS) / (H100_BF16_DENSE_TFLOPS * 1e12),
    );
    const peaks = new Float64Array(simYears);
    // Year index of each hour from the calendar-year boundaries (no Date per hour).
    let k = new Date(s.startMs).getUTCFullYear() - firstYear;
    let nextYearHour = Math.round((Date.UTC(firstYear + k + 1, 0, 1) - s.startMs) / HOUR_MS);
    for (let h = 0; h < s.hours; h++) {
      if (h >= nextYearHour) {
        k++;
        nextYearHour = Math.round((Date.UTC(firstYear + k + 1, 0, 1) - s.startMs) / HOUR_MS);
      }
      energy[k] = (energy[k] as number) + (s.energyCostUSD[h] as number);
      installedMWh[k] = (installedMWh[k] as number) + (s.itInstalledMW[h] as number);
      flop[k] = (flop[k] as number) + (s.computeFLOP[h] as number);
      peaks[k] = Math.max(peaks[k] as number, s.facilityMW[h] as number);
      const demand = s.itDemandMW[h] as number;
      if (demand <= 0) continue;
      const busyServed = ((s.busyFraction[h] as number) * (s.itMW[h] as number)) / demand;
      let n = 0;
      let value = 0;
      for (let p = 0; p < s.phaseOnline.length; p++) {
        const np = (s.phaseOnline[p] as Float64Array)[h] as number;
        n += np;
        value += np * (prices[p] as number);
      }
      accHours[k] = (accHours[k] as number) + n * busyServed;
      parityRevenue[k] = (parityRevenue[k] as number) + value * busyServed;
    }
    for (let k = 0; k < simYears; k++) {
      const y = firstYear + k;
      const frac = msInYear(startMs, endMs, y) / (YEAR_MS(y)[1] - YEAR_MS(y)[0]);
      transmission[k] =
        (transmission[k] as number) + (peaks[k] as number) * 1000 * e.transmissionUSDPerKWYear * frac;
    }
  }
  for (let k = 0; k < simYears; k++) hoursIn[k] = msInYear(startMs, endMs, firstYear + k) / HOUR_MS;

  const parameters = e.revenue.modelParameters ?? MODEL_PARAMETERS.value;
  const tokensOf = (f: number) => f / (2 * parameters);

  const rows: CashFlowYear[] = [];
  let cumulative = 0;
  let capexSoFar = 0;
  const bookCost = { accel: 0, facility: 0 };
  let accumulatedDepreciation = 0;
  for (let k = 0; k < simYears; k++) {
    const y = firstYear + k;
    const cat: CapexByCategory = {
      landAndBuildingsUSD: 0,
      electricalUSD: 0,
      coolingUSD: 0,
      acceleratorsUSD: 0,
      networkUSD: 0,
      onSiteGenerationUSD: e.onSiteGenerationCapexUSD * shareInYear(firstFacility[0], firstFacility[1], y),
      batteriesUSD: e.batteryCapexUSD * shareInYear(firstFacility[0], firstFacility[1], y),
    };
    let depreciation = 0;
    const [y0, y1] = YEAR_MS(y);
    let permanentJobs = 0;
    let constructionJobs = 0;
    phases.forEach((p, i) => {
      const fw = facilityWindow[i] as readonly [number, number];
      const rw = rampWindow[i] as readonly [number, number];
      const f = p.facilityCapexUSD * shareInYear(fw[0], fw[1], y);
      cat.landAndBuildingsUSD += f * split.landAndBuildings;
      cat.electricalUSD += f * split.electrical;
      cat.coolingUSD += f * split.cooling;
      cat.acceleratorsUSD += p.acceleratorCapexUSD * shareInYear(rw[0], rw[1], y);
      cat.networkUSD += p.networkCapexUSD * shareInYear(rw[0], rw[1], y);
      const online = (phaseInputs[i] as { onlineMs: number }).onlineMs;
      // Straight-line depreciation from the online date, within the simulated period.
      const inService = (life: number) =>
        msInYear(Math.max(online, startMs), Math.min(online + life * yearMs, endMs), y) / (life * yearMs);
      depreciation +=
        (p.acceleratorCapexUSD + p.networkCapexUSD) * inService(e.acceleratorLifetimeYears) +
        p.facilityCapexUSD * inService(e.facilityLifetimeYears);
      // Jobs: construction headcount over the construction window, permanent from the online date.
      constructionJobs += (p.jobsConstruction * msInYear(fw[0], fw[1], y)) / (y1 - y0);
      permanentJobs += (p.jobsPermanent * msInYear(online, Infinity, y)) / (y1 - y0);
    });
    const firstOnline = Math.min(...phaseInputs.map((ph) => ph.onlineMs));
    const onSiteLife = e.facilityLifetimeYears * yearMs;
    depreciation +=
      (onSite * msInYear(Math.max(firstOnline, startMs), Math.min(firstOnline + onSiteLife, endMs), y)) /
      onSiteLife;
    const capex = Object.values(cat).reduce((a, b) => a + b, 0);
    capexSoFar += capex;
    bookCost.accel += cat.acceleratorsUSD + cat.networkUSD;
    bookCost.facility += capex - cat.acceleratorsUSD - cat.networkUSD;
    accumulatedDepreciation += depreciation;

    const frac = (hoursIn[k] as number) / ((y1 - y0) / HOUR_MS);
    const simulated = (hoursIn[k] as number) > 0;
    const energyUSD = energy[k] as number;
    const transmissionUSD = transmission[k] as number;
    const operationsUSD = ((installedMWh[k] as number) / 8760) * e.operationsUSDPerMWYear;
    const staffUSD = simulated ? permanentJobs * frac * e.staffUSDPerJobYear : 0;
    const insuranceUSD = simulated ? capexSoFar * e.insuranceFractionPerYear * frac : 0;
    const fuelUSD = e.fuelUSDPerYear * frac;
    const opex = energyUSD + transmissionUSD + operationsUSD + staffUSD + insuranceUSD + fuelUSD;
    const revenue =
      e.revenue.usdPerMillionTokens !== undefined
        ? (tokensOf(flop[k] as number) / 1e6) * e.revenue.usdPerMillionTokens
        : (parityRevenue[k] as number);
    const profit = revenue - opex - depreciation;
    const tax = e.taxRate * Math.max(0, profit);
    const terminal =
      k === simYears - 1 && e.terminalValue === 'book' ? capexSoFar - accumulatedDepreciation : 0;
    const net = revenue - opex - capex - tax + terminal;
    cumulative += net;
    rows.push({
      year: y,
      capexUSD: capex,
      capexByCategoryUSD: cat,
      energyUSD,
      transmissionUSD,
      operationsUSD,
      staffUSD,
      insuranceUSD,
      fuelUSD,
      opexUSD: opex,
      revenueUSD: revenue,
      depreciationUSD: depreciation,
      profitUSD: profit,
      taxUSD: tax,
      terminalValueUSD: terminal,
      netCashFlowUSD: net,
      cumulativeCashFlowUSD: cumulative,
      discountedCashFlowUSD: net / (1 + e.discountRate) ** k,
      acceleratorHours: accHours[k] as number,
      computeFLOP: flop[k] as number,
      constructionJobYears: constructionJobs,
      permanentJobYears: permanentJobs,
    });
  }

  const flows = rows.map((r) => r.netCashFlowUSD);
  const pb = payback(flows);
  let breakEvenYear: number | null = null;
  for (let k = rows.length - 1; k >= 0; k--) {
    const r = rows[k] as CashFlowYear;
    if (r.profitUSD >= 0 && r.revenueUSD > 0) breakEvenYear = r.year;
    else break;
  }
  const pv = (f: (r: CashFlowYear) => number) => npv(e.discountRate, rows.map(f));
  const pvCost = pv((r) => r.capexUSD + r.opexUSD - r.terminalValueUSD);
  const pvHours = pv((r) => r.acceleratorHours);
  const pvFLOP = pv((r) => r.computeFLOP);
  const per = (units: number) => (units > 0 ? pvCost / units : 0);
  const irrValue = irr(flows, e.discountRate);
  return {
    discountRate: e.discountRate,
    cashFlows: rows,
    npvUSD: npv(e.discountRate, flows),
    irr: irrValue ?? null,
    paybackYear: pb ? firstYear + pb.index : null,
    paybackYears: pb ? pb.years : null,
    breakEvenYear,
    levelized: {
      usdPerAcceleratorHour: per(pvHours),
      usdPerPFLOPDay: per(pvFLOP / FLOP_PER_PFLOP_DAY),
      usdPerMillionTokens: per(tokensOf(pvFLOP) / 1e6),
    },
    revenueBasis:
      e.revenue.usdPerMillionTokens !== undefined
        ? `$${e.revenue.usdPerMillionTokens} per million tokens at 2 x ${parameters.toExponential(2)} FLOP/token`
        : flatPrice !== undefined
          ? `$${flatPrice} per busy accelerator-hour (given)`
          : `H100 cloud price $${H100_HOUR_PRICE_USD.value}/h scaled by dense peak (price parity per FLOP)`,
  };
}
