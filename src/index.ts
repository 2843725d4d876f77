/** gigawatt as a library: scenario schema, validation, the pure engine and the Node data loaders. */

export * from './analysis/demand-cleaning.js';
export type { PhaseEconomics } from './analysis/economics.js';
export * from './analysis/headroom.js';
export type { RunSummary } from './analysis/summary.js';
export { ACCELERATORS, getAccelerator } from './catalog/accelerators.js';
export { COOLING_SYSTEMS, getCoolingSystem } from './catalog/cooling.js';
export { getRegion, REGIONS } from './catalog/regions.js';
export { getWeatherStation, WEATHER_STATIONS } from './catalog/weather-stations.js';
export * from './engine/metrics.js';
export * from './engine/series.js';
export * from './engine/site-hourly.js';
export { fileDataSource } from './io/data-source.js';
export { formatIssue, loadScenario, parseScenarioText, ScenarioError } from './io/load-scenario.js';
export * from './model/resolve.js';
export * from './model/scenario.js';
export * from './model/validate.js';
export * from './run.js';
