/**
 * The run summary: the `run --json` contract (see README) built from the hourly arrays and the
 * phase economics. `sites` and `years` sum to `totals` for every additive metric; peaks are
 * coincident peaks of the fleet (max over hours of the sum over sites), PUE is energy-weighted.
 */

import type { WorkloadSummary } from '../cluster/workload-results.js';
import type { EngineInputs } from '../engine/inputs.js';
import { addMetrics, emptyMetrics, hourlyMetrics, type Metrics, yearRanges } from '../engine/metrics.js';
import type { SimulatedSite } from '../engine/simulate.js';
import type { Assumption } from '../model/resolve.js';
import { type CarbonReport, carbonAssumptions, carbonReport, combineCarbonReports } from './carbon-bases.js';
import type { FinancialReport } from './economics/financials.js';
import type { PhaseEconomics } from './economics.js';
import { type FlexibilityReport, type FlexibilitySite, flexibilityReport } from './flexibility-report.js';

export interface YearOpex {
  readonly year: number;
  readonly energyUSD: number;
  readonly operationsUSD: number;
}

export interface RunSummary {
  readonly scenario: string;
  readonly title?: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly hours: number;
  readonly totals: Metrics;
  readonly sites: ({ id: string } & Metrics)[];
  readonly years: ({ year: number } & Metrics)[];
  /** Capex and jobs per phase, opex by year; runScenario adds cash flows, NPV, IRR, levelized cost. */
  readonly economics: {
    readonly phases: PhaseEconomics[];
    readonly opexByYear: YearOpex[];
  } & Partial<FinancialReport>;
  /** Historical year replayed for each simulated year, per site and series. */
  readonly replayedYears: {
    site: string;
    series: 'carbon' | 'price';
    sourceYearBySimYear: Record<number, number>;
    filledHours: number;
  }[];
  readonly assumptions: Assumption[];
  /** Training runs and inference services (src/cluster/), when the scenario has workloads. */
  readonly workloads?: WorkloadSummary[];
  /** CO2 on the lifecycle and direct bases, grid and on-site, with the factors and areas (./carbon-bases.ts). */
  readonly carbon: CarbonReport;
  /** Curtailment, supply and ERCOT 4CP detail per site and year (./flexibility-report.ts); absent when none. */
  readonly flexibility?: FlexibilityReport;
}

export interface SummaryContext {
  readonly scenario: string;
  readonly title?: string;
  readonly start: string;
  readonly end: string;
  readonly operationsUSDPerMWYear: number;
}

/**
 * The run summary of all sites at once (their hourly columns all kept): the sites added one by one to a
 * `SummaryBuilder` in site order.
 */
export function summarize(
  ctx: SummaryContext,
  inputs: EngineInputs,
  sims: readonly SimulatedSite[],
  phases: readonly PhaseEconomics[],
  assumptions: Assumption[],
): RunSummary {
  const builder = new SummaryBuilder(ctx, inputs, phases);
  sims.forEach((sim, i) => {
    builder.addSite(sim, i);
  });
  return builder.finish(assumptions);
}

/**
 * The run summary built site by site, so that a run need not keep every site's hourly columns: each
 * site is reduced to its yearly metrics, opex, replayed years, carbon and flexibility rows as soon as
 * it is simulated, and only the fleet's hourly IT and facility power (two columns, for the coincident
 * peaks) is kept across sites. Sites must be added in site order (index 0, 1, …): every sum then adds
 * the same numbers in the same order as over all sites at once.
 */
export class SummaryBuilder {
  private readonly years: { year: number; from: number; to: number }[];
  private readonly siteRows: ({ id: string } & Metrics)[] = [];
  private readonly yearRows: ({ year: number } & Metrics)[];
  private readonly totals = emptyMetrics();
  private readonly opex: YearOpex[];
  /** The fleet's hourly IT and facility power, Σ over the sites added so far. */
  private readonly fleetIT: Float64Array;
  private readonly fleetFacility: Float64Array;
  private readonly replayedYears: RunSummary['replayedYears'] = [];
  private readonly carbon: CarbonReport[] = [];
  private readonly flexibility: FlexibilitySite[] = [];
  private added = 0;

  constructor(
    private readonly ctx: SummaryContext,
    private readonly inputs: EngineInputs,
    private readonly phases: readonly PhaseEconomics[],
  ) {
    this.years = yearRanges(inputs.startMs, inputs.hours);
    this.yearRows = this.years.map((y) => ({ year: y.year, ...emptyMetrics() }));
    this.opex = this.years.map((y) => ({ year: y.year, energyUSD: 0, operationsUSD: 0 }));
    this.fleetIT = new Float64Array(inputs.hours);
    this.fleetFacility = new Float64Array(inputs.hours);
  }

  /** Adds site `index` (the next one in site order); its hourly columns are not read after this. */
  addSite(sim: SimulatedSite, index: number): void {
    if (index !== this.added)
      throw new RangeError(
        `SummaryBuilder: site ${index} added after ${this.added} sites; add them in order`,
      );
    this.added++;
    const { ctx, inputs } = this;
    const s = sim.hourly;
    const site = { id: s.siteId, ...emptyMetrics() };
    let countBefore = 0;
    this.years.forEach((y, k) => {
      const m = hourlyMetrics(s, y.from, y.to);
      const countAtEnd = Math.round(s.acceleratorsOnline[y.to - 1] as number);
      m.acceleratorCount = countAtEnd - countBefore;
      countBefore = countAtEnd;
      for (const p of this.phases) {
        if (p.siteId !== s.siteId || p.year !== y.year) continue;
        m.capexUSD += p.capexUSD;
        m.jobsPermanent += p.jobsPermanent;
        m.jobsConstruction += p.jobsConstruction;
      }
      addMetrics(site, m);
      addMetrics(this.yearRows[k] as Metrics, m);
      const o = this.opex[k] as { energyUSD: number; operationsUSD: number };
      o.energyUSD += m.energyCostUSD;
      o.operationsUSD += (sumRange(s.itInstalledMW, y.from, y.to) / 8760) * ctx.operationsUSDPerMWYear;
    });
    this.siteRows.push(site);
    addMetrics(this.totals, site);

    // Coincident peaks: the fleet's hourly IT and facility power summed over sites.
    addInto(this.fleetIT, s.itMW, inputs.hours);
    addInto(this.fleetFacility, s.facilityMW, inputs.hours);

    this.replayedYears.push({
      site: s.siteId,
      series: 'carbon' as const,
      sourceYearBySimYear: sim.environment.carbon.sourceYearBySimYear,
      filledHours: sim.environment.carbon.filledHours,
    });
    if (sim.environment.price)
      this.replayedYears.push({
        site: s.siteId,
        series: 'price' as const,
        sourceYearBySimYear: sim.environment.price.sourceYearBySimYear,
        filledHours: sim.environment.price.filledHours,
      });

    // Carbon and flexibility of this site alone (both reports treat sites independently).
    const siteInput = inputs.sites[index];
    const alone: EngineInputs = { ...inputs, sites: siteInput === undefined ? [] : [siteInput] };
    this.carbon.push(carbonReport(alone, [sim]));
    const flex = flexibilityReport(alone, [sim]);
    if (flex !== undefined) this.flexibility.push(...flex.sites);
  }

  /** The summary of the sites added. */
  finish(assumptions: Assumption[]): RunSummary {
    const { ctx, inputs, years, yearRows, totals } = this;
    const peak = (a: Float64Array, from: number, to: number) => {
      let p = 0;
      for (let h = from; h < to; h++) p = Math.max(p, a[h] as number);
      return p;
    };
    years.forEach((y, k) => {
      const row = yearRows[k] as Metrics;
      row.peakITMW = peak(this.fleetIT, y.from, y.to);
      row.peakFacilityMW = peak(this.fleetFacility, y.from, y.to);
    });
    totals.peakITMW = peak(this.fleetIT, 0, inputs.hours);
    totals.peakFacilityMW = peak(this.fleetFacility, 0, inputs.hours);

    return {
      scenario: ctx.scenario,
      ...(ctx.title !== undefined ? { title: ctx.title } : {}),
      period: { start: ctx.start, end: ctx.end },
      hours: inputs.hours,
      totals,
      sites: this.siteRows,
      years: yearRows,
      economics: { phases: [...this.phases], opexByYear: this.opex },
      replayedYears: this.replayedYears,
      assumptions: [...assumptions, ...carbonAssumptions()],
      carbon: combineCarbonReports(inputs, this.carbon),
      ...(this.flexibility.length > 0 ? { flexibility: { sites: this.flexibility } } : {}),
    };
  }
}

/** Σ a[from..to) (hot loops over typed arrays kept in small monomorphic functions). */
function sumRange(a: Float64Array, from: number, to: number): number {
  let t = 0;
  for (let h = from; h < to; h++) t += a[h] as number;
  return t;
}

/** acc[h] += x[h] for h < n. */
function addInto(acc: Float64Array, x: Float64Array, n: number): void {
  for (let h = 0; h < n; h++) acc[h] = (acc[h] as number) + (x[h] as number);
}
