import { defineConfig } from 'vitest/config';

/**
 * The one base config every package's vitest.config.ts merges.
 *
 * - `forks` pool: tests start real workers and child processes; a forked test process can be killed
 *   whole if something hangs, which a thread in the pool cannot.
 * - Every test has a budget (`testTimeout`), so nothing waits forever.
 * - A JSON report per package lets `pnpm test` print one `N passed, N failed` line for the workspace.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000,
    // Two cores: more than two test files at once starves the concurrency tests of CPU.
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
