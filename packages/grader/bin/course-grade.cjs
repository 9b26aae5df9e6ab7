#!/usr/bin/env node
'use strict';
// Start-up matters here (the grader runs on every save in --watch, and CI grades every exercise):
// instead of transpiling ~50 TypeScript files with ts-node on every start, the CLI is bundled once by
// the runtime's bundler (the same one that builds worker entries) into a cached .cjs file, rebuilt
// only when the size or mtime of one of its inputs changes.
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'src', 'cli.ts');
const cacheDir = join(__dirname, '..', 'node_modules', '.cache', 'course-grader');
const outFile = join(cacheDir, 'cli.cjs');
const metaFile = `${outFile}.inputs.json`;

function fresh() {
  try {
    const inputs = JSON.parse(readFileSync(metaFile, 'utf8'));
    return (
      existsSync(outFile) &&
      inputs.every(([path, recorded]) => {
        try {
          const s = statSync(path);
          return `${s.mtimeMs}:${s.size}` === recorded;
        } catch {
          return recorded === 'missing';
        }
      })
    );
  } catch {
    return false;
  }
}

function load() {
  if (process.env.COURSE_GRADER_TS_NODE === '1') {
    // Escape hatch for debugging the grader itself: run the sources through ts-node.
    require('ts-node').register({
      transpileOnly: true,
      swc: true,
      project: join(__dirname, '..', 'tsconfig.json'),
    });
    return require(entry);
  }
  if (!fresh()) {
    require('node:fs').mkdirSync(cacheDir, { recursive: true });
    const bundler = join(__dirname, '..', '..', 'runtime', 'src', 'spawn', 'bundle-entry.cjs');
    execFileSync(process.execPath, [bundler, entry, outFile, metaFile], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '', COURSE_SRC_REDIRECT: '' },
    });
  }
  return require(outFile);
}

load()
  .gradeCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err);
      process.exitCode = 2;
    },
  );
