/** gigawatt as a library: scenario schema, validation, the pure engine and the Node data loaders. */

export * from './analysis/demand-cleaning.js';
export type { CashFlowYear, Levelized } from './analysis/economics/cash-flows.js';
export { irr, npv, payback } from './analysis/economics/finance.js';
export type { FinancialReport } from './analysis/economics/financials.js';
export type { PhaseEconomics } from './analysis/economics.js';
export * from './analysis/headroom.js';
export type { RunSummary } from './analysis/summary.js';
export { planSweep, sweepJob } from './analysis/sweep/plan.js';
export { type SweepReport, sweepReport } from './analysis/sweep/report.js';
export { runSample, summaryMetrics } from './analysis/sweep/sample.js';
export { ACCELERATORS, getAccelerator } from './catalog/accelerators.js';
export { COOLING_SYSTEMS, getCoolingSystem } from './catalog/cooling.js';
export { getRegion, REGIONS } from './catalog/regions.js';
export { getWeatherStation, WEATHER_STATIONS } from './catalog/weather-stations.js';
export * from './engine/metrics.js';
export * from './engine/series.js';
export * from './engine/site-hourly.js';
export { fileDataSource } from './io/data-source.js';
export { formatIssue, loadScenario, parseScenarioText, ScenarioError } from './io/load-scenario.js';
export { runLocalSweep } from './io/sweep/local-pool.js';
export * from './model/resolve.js';
export * from './model/scenario.js';
export * from './model/validate.js';
export * from './run.js';
