'use strict';
// Load a TypeScript entry of this package as plain JavaScript, fast: bundle it once with the runtime's
// worker bundler (esbuild; workspace `@course/*` sources inlined, third-party left as requires, every
// module keeping its own __dirname) into node_modules/.cache/course-grader/, and rebuild only when
// the size or mtime of one of its inputs changed. ts-node would transpile every file on every start.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, statSync } = require('node:fs');
const { basename, join } = require('node:path');

const cacheDir = join(__dirname, '..', 'node_modules', '.cache', 'course-grader');
const bundler = join(__dirname, '..', '..', 'runtime', 'src', 'spawn', 'bundle-entry.cjs');

function fresh(outFile, metaFile) {
  try {
    if (!existsSync(outFile)) return false;
    const inputs = JSON.parse(readFileSync(metaFile, 'utf8'));
    return inputs.every(([path, recorded]) => {
      try {
        const s = statSync(path);
        return `${s.mtimeMs}:${s.size}` === recorded;
      } catch {
        return recorded === 'missing';
      }
    });
  } catch {
    return false;
  }
}

/** require() a .ts entry of this package through a cached bundle. */
function requireBundled(entry) {
  const outFile = join(cacheDir, `${basename(entry, '.ts')}.cjs`);
  const metaFile = `${outFile}.inputs.json`;
  if (!fresh(outFile, metaFile)) {
    mkdirSync(cacheDir, { recursive: true });
    execFileSync(process.execPath, [bundler, entry, outFile, metaFile], {
      stdio: ['ignore', 'ignore', 'inherit'],
      // A solution run sets COURSE_SRC_REDIRECT; the grader's own code must not follow it.
      env: { ...process.env, NODE_OPTIONS: '', COURSE_SRC_REDIRECT: '' },
    });
  }
  return require(outFile);
}

module.exports = { requireBundled };
