/**
 * One scenario, end to end and pure: resolve → simulate every site hour by hour → economics → summary.
 * The CLI, the server and the browser all call this.
 */
import { financialAssumptions, financialReport } from './analysis/economics/financials.js';
import { CashFlowHourlySums } from './analysis/economics/hourly-aggregates.js';
import { phaseEconomics } from './analysis/economics.js';
import { type RunSummary, SummaryBuilder } from './analysis/summary.js';
import type { WorkloadRunOptions } from './cluster/from-scenario.js';
import { prepareWorkloads } from './cluster/run-workloads.js';
import type { ExogenousReuse } from './engine/exogenous-reuse.js';
import type { WeatherYear } from './engine/series.js';
import { type SimulatedSite, simulateSite } from './engine/simulate.js';
import { ColumnPool } from './engine/site-hourly.js';
import { type DataSource, type ResolvedScenario, resolveScenario } from './model/resolve.js';
import type { Scenario } from './model/scenario.js';

/** What every run returns: the summary (with economics) and the resolved scenario. */
export interface RunSummaryResult {
  readonly summary: RunSummary;
  readonly resolved: ResolvedScenario;
}

/** A run that kept every site's hourly columns (the default: `keepHourly` not false). */
export interface RunResult extends RunSummaryResult {
  readonly sites: readonly SimulatedSite[];
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
   * Keep every site's hourly columns and return them as `sites` (default true). With false, each site
   * is reduced to what the summary and the cash flows need as soon as it is simulated and its columns
   * are reused for the next site of the same shape (only the sites that host a workload keep theirs,
   * for the workload results): memory no longer grows with sites × hours. The summary is identical.
   * For callers that want only the summary: `gigawatt run` without `--out`/`--hourly`, sweep samples,
   * the scale benchmark.
   */
  readonly keepHourly?: boolean;
  /**
   * Environment, fleet and curtailment schedule kept from the previous run of the same caller and
   * reused where their inputs are unchanged (src/engine/exogenous-reuse.ts). Results are identical.
   */
  readonly exogenous?: ExogenousReuse;
}

/** The summary of a run and, unless `keepHourly: false`, every site's hourly columns. */
export function runScenario(
  scenario: Scenario,
  data: DataSource,
  options: RunOptions & { readonly keepHourly: false },
): RunSummaryResult;
export function runScenario(
  scenario: Scenario,
  data: DataSource,
  options?: RunOptions & { readonly keepHourly?: true },
): RunResult;
export function runScenario(
  scenario: Scenario,
  data: DataSource,
  options?: RunOptions,
): RunResult | RunSummaryResult;
export function runScenario(
  scenario: Scenario,
  data: DataSource,
  options: RunOptions = {},
): RunResult | RunSummaryResult {
  // Workloads (src/cluster/) run first: their busy time sets the busy fraction of their sites.
  const workloads = prepareWorkloads(
    scenario,
    resolveScenario(scenario, weatherReadOnce(data), options.raw ?? scenario),
    options.raw ?? scenario,
    options.workloads,
    data,
  );
  const resolved = workloads.resolved;
  const engine = resolved.engine;
  const keepHourly = options.keepHourly !== false;
  const phases = phaseEconomics(engine, resolved.rates);
  const summaryBuilder = new SummaryBuilder(
    {
      scenario: scenario.name,
      ...(scenario.title !== undefined ? { title: scenario.title } : {}),
      start: scenario.start,
      end: scenario.end,
      operationsUSDPerMWYear: scenario.economics.operationsUSDPerMWYear,
    },
    engine,
    phases,
  );
  const cashFlowSums = new CashFlowHourlySums(engine, scenario.economics.revenue.usdPerAcceleratorHour);
  // Site by site: simulate, reduce (summary, cash-flow sums), then keep or let go of the columns.
  const workloadSites = new Set(workloads.run?.meta.map((m) => m.siteIndex) ?? []);
  const kept: (SimulatedSite | undefined)[] = [];
  const sharedColumns = keepHourly ? undefined : (options.columns ?? new ColumnPool()).byShape();
  const total = engine.sites.length;
  for (let i = 0; i < total; i++) {
    const keep = keepHourly || workloadSites.has(i);
    // Reduced sites share one set of pooled columns per column shape: the next such site overwrites them.
    const sim = simulateSite(engine, i, keep ? options.columns : sharedColumns, options.exogenous);
    summaryBuilder.addSite(sim, i);
    cashFlowSums.addSite(sim.hourly);
    if (keep) kept[i] = sim;
    options.onProgress?.(i + 1, total);
  }
  const summary = summaryBuilder.finish(resolved.assumptions);
  // Cash flows, NPV, IRR, payback, levelized cost and jobs over time (src/analysis/economics/).
  const economics = { ...summary.economics, ...financialReport(scenario, resolved, cashFlowSums, phases) };
  const assumptions = [
    ...summary.assumptions,
    ...financialAssumptions(scenario, options.raw ?? scenario),
    ...workloads.assumptions,
  ];
  const full = { ...summary, economics, assumptions, ...workloads.summarize(kept) };
  if (!keepHourly) return { summary: full, resolved };
  return { summary: full, sites: kept as SimulatedSite[], resolved };
}

/**
 * The data source with each weather station read once per run: the sites of a fleet share a handful of
 * stations, and a file data source parses the station's file on every call. The other series pass
 * through (file data sources cache them already).
 */
function weatherReadOnce(data: DataSource): DataSource {
  const read = new Map<string, WeatherYear>();
  return {
    weather: (id) => {
      let w = read.get(id);
      if (w === undefined) {
        w = data.weather(id);
        read.set(id, w);
      }
      return w;
    },
    regionCarbon: (id) => data.regionCarbon(id),
    price: (id) => data.price(id),
    regionDemand: (id) => data.regionDemand(id),
    regionGeneration: (id, kind) => data.regionGeneration(id, kind),
  };
}
