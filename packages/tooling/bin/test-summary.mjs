#!/usr/bin/env node
// Reads every package's .vitest-results.json (written by the shared vitest config) and prints one
// closing line for the whole workspace: "N passed, N failed, N skipped". CI reads that line.
// A package whose tests crashed before writing results counts as one failure, so nothing is lost.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.cwd();
// With a filter (pnpm test -- --filter x) only the packages that ran are counted.
const onlyRan = process.argv.includes('--only-ran');
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
for (const group of ['packages', 'exercises', 'solutions']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const pkg of readdirSync(dir).sort()) {
    const pkgDir = join(dir, pkg);
    const pj = join(pkgDir, 'package.json');
    if (!existsSync(pj)) continue;
    const hasTest = JSON.parse(readFileSync(pj, 'utf8')).scripts?.test;
    if (!hasTest) continue;
    const file = join(pkgDir, '.vitest-results.json');
    if (!existsSync(file)) {
      if (onlyRan) continue;
      failed++;
      lines.push(`  ${relative(root, pkgDir)}: no results (its tests did not run or crashed)`);
      continue;
    }
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    const sk = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    skipped += sk;
    // A test file that failed to load has no tests but is a failure all the same.
    const brokenSuites = (r.testResults ?? []).filter(
      (t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0,
    ).length;
    failed += brokenSuites;
    // A package that skipped tests for a missing system service says why, here as well.
    const reasonFile = join(pkgDir, '.vitest-skip-reason.txt');
    const why = sk && existsSync(reasonFile) ? ` (skipped: ${readFileSync(reasonFile, 'utf8').trim()})` : '';
    lines.push(
      `  ${relative(root, pkgDir)}: ${r.numPassedTests} passed, ${r.numFailedTests + brokenSuites} failed${sk ? `, ${sk} skipped` : ''}${why}`,
    );
  }
}
console.log('\nTest summary by package:');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
