#!/usr/bin/env node
'use strict';
require('ts-node').register({
  transpileOnly: true,
  swc: true,
  project: require('node:path').join(__dirname, '..', 'tsconfig.json'),
});
require('../src/bench/cli.ts')
  .benchCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
