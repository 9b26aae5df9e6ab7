'use strict';
// The system programs some tests and lessons use for real (headless Chromium, redis-server), found
// in one place. Tests skip without them, so `pnpm test` keys turbo's cache on what is found here
// (systemToolsKey): installing Chromium re-runs the tests that skipped, it never replays the skip.
// Plain CommonJS so the JavaScript test launcher, TypeScript under ts-node and vitest all load it.
const { accessSync, constants, existsSync, statSync } = require('node:fs');
const { delimiter, join } = require('node:path');

/** Where Debian, Ubuntu and Google install a Chromium; CHROMIUM_PATH is tried first. */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium executable to drive (CHROMIUM_PATH, else a system install), or undefined. */
function chromiumPath(env = process.env) {
  return [env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((p) => Boolean(p) && existsSync(p));
}

/** The `redis-server` executable on PATH, or undefined. */
function findRedisServer(pathVar = process.env.PATH ?? '') {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** `path@size:mtime`, so an upgrade changes the key as well as an install; `-` when missing. */
function identify(file) {
  if (!file) return '-';
  try {
    const s = statSync(file);
    return `${file}@${s.size}:${Math.round(s.mtimeMs)}`;
  } catch {
    return `${file}@?`;
  }
}

/**
 * One line naming the Node that runs the tests and the tools found with their versions on disk;
 * changes whenever a test could give another result (turbo does not hash the Node version itself,
 * so without it a run on Node 24 would replay Node 20's results).
 *
 * @example
 * systemToolsKey({ PATH: '' }); // 'node=v20.20.2 chromium=/usr/bin/chromium@2384:1733312000000 redis-server=-'
 */
function systemToolsKey(env = process.env) {
  const chromium = identify(chromiumPath(env));
  const redis = identify(findRedisServer(env.PATH ?? ''));
  return `node=${process.version} chromium=${chromium} redis-server=${redis}`;
}

module.exports = { chromiumPath, findRedisServer, systemToolsKey };
