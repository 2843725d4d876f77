import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // runs are not saved to the user's results store from tests (tests that need a store set their own)
    env: { GIGAWATT_STORE: 'none' },
  },
});
