'use strict';
// Why this shim: vite bundles a `vitest.config.ts` but leaves bare imports such as
// `@course/grader/vitest-config` to Node, and Node 20 cannot load a `.ts` file. So the package export
// points here, and this loads exercise-config.ts from a cached plain-JS bundle (see cached-bundle.cjs).
const { join } = require('node:path');
const { requireBundled } = require('../cached-bundle.cjs');

module.exports = requireBundled(join(__dirname, 'exercise-config.ts'));
