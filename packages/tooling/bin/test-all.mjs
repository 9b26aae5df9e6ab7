#!/usr/bin/env node
// `pnpm test [-- turbo args]`: run every package's tests through turbo, one package at a time (two
// cores: concurrency tests of several packages at once would starve each other), then print the
// workspace's closing line "N passed, N failed" (test-summary.mjs). The exit code is non-zero if any
// test failed or any package's tests could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.cwd();
const extra = process.argv.slice(2);
// Old results must not stand in for a package that failed to run this time.
for (const group of ['packages', 'exercises', 'solutions']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const pkg of readdirSync(dir)) rmSync(join(dir, pkg, '.vitest-results.json'), { force: true });
}
const turbo = spawnSync('turbo', ['run', 'test', '--concurrency=1', '--continue', ...extra], {
  stdio: 'inherit',
  env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env },
});
const summary = spawnSync(
  process.execPath,
  [
    join(dirname(fileURLToPath(import.meta.url)), 'test-summary.mjs'),
    ...(extra.length ? ['--only-ran'] : []),
  ],
  {
    stdio: 'inherit',
  },
);
process.exitCode = turbo.status !== 0 || summary.status !== 0 ? 1 : 0;
