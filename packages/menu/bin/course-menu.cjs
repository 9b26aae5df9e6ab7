#!/usr/bin/env node
'use strict';
// ts-node, transpile-only through swc: TypeScript runs directly, with no build step to forget.
require('ts-node').register({
  transpileOnly: true,
  swc: true,
  project: require('node:path').join(__dirname, '..', 'tsconfig.json'),
});
require('../src/cli.ts')
  .menuCli(process.argv.slice(2), {
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
      process.exitCode = 1;
    },
  );
