// @ts-check
/**
 * Mutation testing (`npm run mutate`; not run in CI): Stryker with the vitest runner over the pure core
 * the issue names. The machine it was sized for has 2 shared cores, so it runs one test process at a
 * time and, with `related` and per-test coverage, only the tests that cover each mutant. Run a folder at
 * a time with --mutate, e.g.
 *   npx stryker run --mutate 'src/analysis/headroom.ts'
 *   npx stryker run --mutate 'src/engine/**\/*.ts'
 * Scores per folder, and the survivors judged equivalent, are in docs/testing.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'test/stryker/vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  concurrency: 1,
  mutate: [
    'src/engine/**/*.ts',
    'src/catalog/**/*.ts',
    'src/analysis/economics/**/*.ts',
    'src/analysis/economics.ts',
    'src/analysis/headroom.ts',
    'src/cluster/**/*.ts',
  ],
  // Text that only labels or explains (descriptions, sources, error wording) is not behaviour the
  // model computes; error messages are checked by the tests that need them, not by mutants.
  mutator: { excludedMutations: ['StringLiteral'] },
  ignorePatterns: ['dist', 'web', 'bench', 'reports', 'docs', '.ci', '.stryker-tmp*'],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  timeoutMS: 15_000,
  // the first, unmutated run of the selected tests, on a machine shared by several builds
  dryRunTimeoutMinutes: 20,
  timeoutFactor: 2,
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
