#!/usr/bin/env node
// `pnpm test [turbo args] [-- vitest args]`: run every package's tests through turbo, one package at
// a time (two cores: concurrency tests of several packages at once would starve each other), then
// print the workspace's closing line "N passed, N failed" (test-summary.mjs). The exit code is
// non-zero if any test failed or any package's tests could not run.
//
//   pnpm test --filter @course/threads           one package (turbo's --filter)
//   pnpm test --force                            re-run everything instead of replaying cached results
//   pnpm test --filter @course/threads -- -t lock  arguments after `--` go to vitest
//
// turbo replays a package's cached result only when nothing it depends on changed: its files and its
// dependencies' (turbo.json), the shared configs, and the system tools found (COURSE_SYSTEM_TOOLS).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import systemTools from '../lib/system-tools.cjs';

const root = process.cwd();
// pnpm hands `pnpm test -- x` over as `-- x`; a leading `--` would make turbo pass x to vitest.
const extra = process.argv.slice(process.argv[2] === '--' ? 3 : 2);
// Old results must not stand in for a package that failed to run this time.
for (const group of ['packages', 'exercises', 'solutions']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const pkg of readdirSync(dir)) rmSync(join(dir, pkg, '.vitest-results.json'), { force: true });
}
const turbo = spawnSync('turbo', ['run', 'test', '--concurrency=1', '--continue', ...extra], {
  stdio: 'inherit',
  // COURSE_* is in every test task's env key: a Chromium or redis-server installed (or upgraded)
  // since the last run changes the key, so tests that skipped without it run instead of replaying.
  env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env, COURSE_SYSTEM_TOOLS: systemTools.systemToolsKey() },
});
const summary = spawnSync(
  process.execPath,
  [
    join(dirname(fileURLToPath(import.meta.url)), 'test-summary.mjs'),
    // With a filter only the packages it selected ran; a package missing otherwise is a failure.
    ...(extra.some((a) => /^(--filter|-F)(=|$)/.test(a)) ? ['--only-ran'] : []),
  ],
  {
    stdio: 'inherit',
  },
);
process.exitCode = turbo.status !== 0 || summary.status !== 0 ? 1 : 0;
