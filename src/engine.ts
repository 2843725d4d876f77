/**
 * `gigawatt/engine`: the pure, browser-safe half of gigawatt.
 *
 * Everything here runs unchanged in Node, in a browser and in a web worker: no `node:` import is
 * reachable from this entry (test/package-entries.test.ts bundles it for the browser to check). You
 * bring the data through a {@link DataSource} (the Node entry `gigawatt` has `fileDataSource()` for the
 * bundled files; the dashboard fetches them over HTTP).
 *
 * @example
 * ```ts
 * import { parseScenarioDocument, runScenario } from 'gigawatt/engine';
 * const { scenario } = parseScenarioDocument(yamlText, 'campus.yaml');
 * const result = runScenario(scenario, myDataSource);
 * console.log(result.summary.totals.facilityEnergyMWh);
 * ```
 * @packageDocumentation
 */

// The national build-out: every announced campus against its grid, its supply chain and who pays.
export {
  type BuildoutOptions,
  type BuildoutReport,
  buildoutReport,
} from './analysis/buildout/report.js';
export { type ScreenedDemand, screenDemand } from './analysis/demand-cleaning.js';
// Money.
export type { CashFlowYear, Levelized } from './analysis/economics/cash-flows.js';
export { irr, npv, payback } from './analysis/economics/finance.js';
export { type FinancialReport, financialReport } from './analysis/economics/financials.js';
export type { PhaseEconomics } from './analysis/economics.js';
// Grid headroom (Norris et al., Duke 2025) and demand cleaning.
export {
  analyseHeadroom,
  DEFAULT_CURTAILMENT_LIMITS_PCT,
  type HeadroomAnalysis,
  type HeadroomInput,
  type HeadroomResult,
  solveHeadroomMW,
} from './analysis/headroom.js';
export { type RunSummary, summarize } from './analysis/summary.js';

// Uncertainty: plans, single samples and the report (the worker pool lives in the Node entry).
export { planSweep, type SweepJob, type SweepPlan, sweepJob } from './analysis/sweep/plan.js';
export { type SweepReport, sweepReport } from './analysis/sweep/report.js';
export { type SampleResult, summaryMetrics } from './analysis/sweep/sample.js';
// Catalogs, each value with its source.
export { ACCELERATORS, getAccelerator } from './catalog/accelerators.js';
export { COOLING_SYSTEMS, getCoolingSystem } from './catalog/cooling.js';
export { getRegion, REGIONS } from './catalog/regions.js';
export { getWeatherStation, WEATHER_STATIONS } from './catalog/weather-stations.js';
export { METRIC_KEYS, type Metrics } from './engine/metrics.js';
export type { HourlySeries, WeatherYear } from './engine/series.js';
// The hourly engine and its outputs.
export { type SimulatedSite, simulate, simulateSite } from './engine/simulate.js';
export { HOURLY_COLUMNS, type SiteHourly } from './engine/site-hourly.js';
export { DEFAULT_LIMITS, type Limits } from './model/limits.js';
export {
  formatIssue,
  formatPath,
  type LocatedIssue,
  parseScenarioDocument,
  ScenarioError,
  validateScenarioObject,
} from './model/parse-yaml.js';
// Resolution and the end-to-end run.
export { type Assumption, type DataSource, type ResolvedScenario, resolveScenario } from './model/resolve.js';
// The scenario format: schema, types, parsing with located errors, cross-field validation.
export {
  type Phase,
  type Scenario,
  type ScenarioInput,
  type Site,
  scenarioJsonSchema,
  scenarioSchema,
} from './model/scenario.js';
export {
  type FieldPath,
  type ScenarioIssue,
  type ValidationResult,
  validateScenario,
} from './model/validate.js';
export { type RunOptions, type RunResult, runScenario } from './run.js';
export { runSample } from './run-sample.js';
