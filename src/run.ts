/**
 * One scenario, end to end and pure: resolve → simulate every site hour by hour → economics → summary.
 * The CLI, the server and the browser all call this.
 */
import { financialAssumptions, financialReport } from './analysis/economics/financials.js';
import { phaseEconomics } from './analysis/economics.js';
import { type RunSummary, summarize } from './analysis/summary.js';
import type { WorkloadRunOptions } from './cluster/from-scenario.js';
import { prepareWorkloads } from './cluster/run-workloads.js';
import type { ExogenousReuse } from './engine/exogenous-reuse.js';
import { type SimulatedSite, simulate } from './engine/simulate.js';
import type { ColumnPool } from './engine/site-hourly.js';
import { type DataSource, type ResolvedScenario, resolveScenario } from './model/resolve.js';
import type { Scenario } from './model/scenario.js';

export interface RunResult {
  readonly summary: RunSummary;
  readonly sites: readonly SimulatedSite[];
  readonly resolved: ResolvedScenario;
}

export interface RunOptions {
  /** The scenario as written (to tell given values from defaults in the assumptions). */
  readonly raw?: unknown;
  /** Progress callback: sites simulated so far and in total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Workload simulation: seed, curtailment given per site, or curtailment ignored (src/cluster/). */
  readonly workloads?: WorkloadRunOptions;
  /**
   * Hourly columns to reuse (a sweep worker's or a benchmark's): the run writes into the columns of
   * the pool's previous run, whose `sites` must no longer be read. Results are identical.
   */
  readonly columns?: ColumnPool;
  /**
   * Environment, fleet and curtailment schedule kept from the previous run of the same caller and
   * reused where their inputs are unchanged (src/engine/exogenous-reuse.ts). Results are identical.
   */
  readonly exogenous?: ExogenousReuse;
}

export function runScenario(scenario: Scenario, data: DataSource, options: RunOptions = {}): RunResult {
  // Workloads (src/cluster/) run first: their busy time sets the busy fraction of their sites.
  const workloads = prepareWorkloads(
    scenario,
    resolveScenario(scenario, data, options.raw ?? scenario),
    options.raw ?? scenario,
    options.workloads,
    data,
  );
  const resolved = workloads.resolved;
  const sites = simulate(resolved.engine, options.onProgress, options.columns, options.exogenous);
  const phases = phaseEconomics(resolved.engine, resolved.rates);
  const summary = summarize(
    {
      scenario: scenario.name,
      ...(scenario.title !== undefined ? { title: scenario.title } : {}),
      start: scenario.start,
      end: scenario.end,
      operationsUSDPerMWYear: scenario.economics.operationsUSDPerMWYear,
    },
    resolved.engine,
    sites,
    phases,
    resolved.assumptions,
  );
  // Cash flows, NPV, IRR, payback, levelized cost and jobs over time (src/analysis/economics/).
  const economics = { ...summary.economics, ...financialReport(scenario, resolved, sites, phases) };
  const assumptions = [
    ...summary.assumptions,
    ...financialAssumptions(scenario, options.raw ?? scenario),
    ...workloads.assumptions,
  ];
  return { summary: { ...summary, economics, assumptions, ...workloads.summarize(sites) }, sites, resolved };
}
