#!/usr/bin/env node
'use strict';
// Start-up matters here (the grader runs on every save in --watch, and CI grades every exercise):
// instead of transpiling ~50 TypeScript files with ts-node on every start, the CLI runs from a cached
// bundle (see src/cached-bundle.cjs).
const { join } = require('node:path');

function load() {
  const entry = join(__dirname, '..', 'src', 'cli.ts');
  if (process.env.COURSE_GRADER_TS_NODE === '1') {
    // Escape hatch for debugging the grader itself: run the sources through ts-node.
    require('ts-node').register({
      transpileOnly: true,
      swc: true,
      project: join(__dirname, '..', 'tsconfig.json'),
    });
    return require(entry);
  }
  return require('../src/cached-bundle.cjs').requireBundled(entry);
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
