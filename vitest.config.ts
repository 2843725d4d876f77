import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // the default reporter, and one that names the file and test a crashed test process was running
    reporters: ['default', './test/reporters/unfinished.ts'],
    // runs are not saved to the user's results store from tests (tests that need a store set their own);
    // CLI output is compared as plain text (CI=true would otherwise turn colours on)
    env: { GIGAWATT_STORE: 'none', NO_COLOR: '1' },
  },
});
