'use strict';
// Why this shim: vite bundles a `vitest.config.ts` but leaves bare imports such as
// `@course/grader/vitest-config` to Node, and Node 20 cannot load a `.ts` file. So the package export
// points here, and this registers ts-node (transpile-only through swc, as the bins do) once.
const marker = Symbol.for('course.tsNodeRegistered');
if (!globalThis[marker] && !require.extensions['.ts']) {
  require('ts-node').register({
    transpileOnly: true,
    swc: true,
    project: require('node:path').join(__dirname, '..', '..', 'tsconfig.json'),
  });
  globalThis[marker] = true;
}
module.exports = require('./exercise-config.ts');
