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
import { type CarbonReport, carbonAssumptions, carbonReport } from './carbon-bases.js';
import type { FinancialReport } from './economics/financials.js';
import type { PhaseEconomics } from './economics.js';
import { type FlexibilityReport, flexibilityReport } from './flexibility-report.js';

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

export function summarize(
  ctx: SummaryContext,
  inputs: EngineInputs,
  sims: readonly SimulatedSite[],
  phases: readonly PhaseEconomics[],
  assumptions: Assumption[],
): RunSummary {
  const years = yearRanges(inputs.startMs, inputs.hours);
  const siteRows: ({ id: string } & Metrics)[] = [];
  const yearRows: ({ year: number } & Metrics)[] = years.map((y) => ({ year: y.year, ...emptyMetrics() }));
  const totals = emptyMetrics();
  const opex: YearOpex[] = years.map((y) => ({ year: y.year, energyUSD: 0, operationsUSD: 0 }));

  for (const sim of sims) {
    const s = sim.hourly;
    const site = { id: s.siteId, ...emptyMetrics() };
    let countBefore = 0;
    years.forEach((y, k) => {
      const m = hourlyMetrics(s, y.from, y.to);
      const countAtEnd = Math.round(s.acceleratorsOnline[y.to - 1] as number);
      m.acceleratorCount = countAtEnd - countBefore;
      countBefore = countAtEnd;
      for (const p of phases) {
        if (p.siteId !== s.siteId || p.year !== y.year) continue;
        m.capexUSD += p.capexUSD;
        m.jobsPermanent += p.jobsPermanent;
        m.jobsConstruction += p.jobsConstruction;
      }
      addMetrics(site, m);
      addMetrics(yearRows[k] as Metrics, m);
      const o = opex[k] as { energyUSD: number; operationsUSD: number };
      o.energyUSD += m.energyCostUSD;
      o.operationsUSD += (sumRange(s.itInstalledMW, y.from, y.to) / 8760) * ctx.operationsUSDPerMWYear;
    });
    siteRows.push(site);
    addMetrics(totals, site);
  }

  // Coincident peaks: the fleet's hourly IT and facility power summed over sites.
  const fleetIT = new Float64Array(inputs.hours);
  const fleetFacility = new Float64Array(inputs.hours);
  for (const sim of sims) {
    addInto(fleetIT, sim.hourly.itMW, inputs.hours);
    addInto(fleetFacility, sim.hourly.facilityMW, inputs.hours);
  }
  const peak = (a: Float64Array, from: number, to: number) => {
    let p = 0;
    for (let h = from; h < to; h++) p = Math.max(p, a[h] as number);
    return p;
  };
  years.forEach((y, k) => {
    const row = yearRows[k] as Metrics;
    row.peakITMW = peak(fleetIT, y.from, y.to);
    row.peakFacilityMW = peak(fleetFacility, y.from, y.to);
  });
  totals.peakITMW = peak(fleetIT, 0, inputs.hours);
  totals.peakFacilityMW = peak(fleetFacility, 0, inputs.hours);

  return {
    scenario: ctx.scenario,
    ...(ctx.title !== undefined ? { title: ctx.title } : {}),
    period: { start: ctx.start, end: ctx.end },
    hours: inputs.hours,
    totals,
    sites: siteRows,
    years: yearRows,
    economics: { phases: [...phases], opexByYear: opex },
    replayedYears: sims.flatMap((sim) => [
      {
        site: sim.hourly.siteId,
        series: 'carbon' as const,
        sourceYearBySimYear: sim.environment.carbon.sourceYearBySimYear,
        filledHours: sim.environment.carbon.filledHours,
      },
      ...(sim.environment.price
        ? [
            {
              site: sim.hourly.siteId,
              series: 'price' as const,
              sourceYearBySimYear: sim.environment.price.sourceYearBySimYear,
              filledHours: sim.environment.price.filledHours,
            },
          ]
        : []),
    ]),
    assumptions: [...assumptions, ...carbonAssumptions()],
    carbon: carbonReport(inputs, sims),
    ...flexibilitySection(inputs, sims),
  };
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

function flexibilitySection(
  inputs: EngineInputs,
  sims: readonly SimulatedSite[],
): { flexibility?: FlexibilityReport } {
  const flexibility = flexibilityReport(inputs, sims);
  return flexibility === undefined ? {} : { flexibility };
}
