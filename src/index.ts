/**
 * `gigawatt`: the library for Node. Everything in `gigawatt/engine` (the pure, browser-safe engine),
 * plus what needs the file system: scenarios from files or built-in names, the bundled datasets, the
 * results store and sweeps on a local worker pool.
 *
 * @example
 * ```ts
 * import { fileDataSource, loadScenario, runScenario } from 'gigawatt';
 * const scenario = loadScenario('anthropic-fluidstack');
 * const { summary } = runScenario(scenario, fileDataSource());
 * ```
 * @packageDocumentation
 */
export * from './engine.js';
export { fileDataSource } from './io/data-source.js';
export { builtinScenarioNames, loadScenario, parseScenarioText } from './io/load-scenario.js';
export { runLocalSweep } from './io/sweep/local-pool.js';
export { limitsFromEnv } from './model/limits.js';
