/**
 * The vitest configuration `npm run mutate` (Stryker, stryker.config.mjs) runs: the main one, limited
 * to the in-process test files. Tests that spawn dist/cli.js, a browser or Redis cannot see a mutant
 * (they run the built bundle, which Stryker does not rebuild) and would only cost time.
 */
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

const IN_PROCESS = [
  'accelerators',
  'cluster-cache',
  'cluster-core',
  'cluster-event-queue-keyed',
  'cluster-scenario',
  'cluster-training',
  'compute-duty',
  'compute-stage',
  'cooling',
  'data-sources',
  'economics-finance',
  'finance-known-answers',
  'jobs-known-answers',
  'cash-flow-opex',
  'econmut-cash-flows',
  'econmut-financials',
  'econmut-phases-jobs',
  'econmut-schedule',
  'econmut-exogenous-reuse',
  'econmut-uncertainty',
  'speed-engine-kernels',
  'catalog-lookups',
  'engine',
  'engine-stage-rules',
  'flexibility',
  'grid-io',
  'headroom',
  'headroom-partial-sort',
  'headroom-known-answers',
  'mutation-probe',
  'mutation-kills',
  'power-curve-h100',
  'power-cap-sweep',
  'power-curve',
  'power-curve-guards',
  'provenance',
  'psychrometrics',
  'psychrometrics-solver',
  'real-data',
  'regions',
  'replay',
  'rng-known-answer',
  'rng-distributions',
  'scenario-errors',
  'schema',
  'supply',
  'weather',
  'weather-calendar',
];

/**
 * GIGAWATT_MUTATE_TESTS=economics-finance,mutation-probe limits a run to those test files (names
 * without test/ and .test.ts): on a shared 2-core machine a folder's own tests are what fit in time.
 */
const only = process.env.GIGAWATT_MUTATE_TESTS?.split(',').filter((x) => x !== '');
const files = only !== undefined && only.length > 0 ? only : IN_PROCESS;

// Spread, not mergeConfig: mergeConfig would append to the base `include` instead of replacing it.
export default defineConfig({
  ...base,
  root: join(import.meta.dirname, '..', '..'),
  // Instrumented code on a loaded machine runs several times slower than plain: a longer timeout.
  test: { ...base.test, include: files.map((name) => `test/${name}.test.ts`), testTimeout: 300_000 },
});
