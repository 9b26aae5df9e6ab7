/**
 * Could a registry package give two Node processes real shared memory (shm_open/mmap)? Checked for
 * this course with `npm view` (Nov 2026). What we found, and why the lesson does not use it:
 */
export const NATIVE_SHARED_MEMORY_VERDICT = {
  candidates: [
    'shm-typed-array 0.1.1 (System V / POSIX shared memory as a typed array)',
    'mmap-io 1.1.7 (mmap a file)',
  ],
  why: [
    'Both are native addons compiled at install time by node-gyp (their install script runs `node-gyp rebuild`); ' +
      'node-gyp downloads the Node headers from nodejs.org unless told otherwise, and this course installs from the npm registry only.',
    'pnpm 10 does not run dependency install scripts unless each package is allow-listed, so a fresh clone would get an addon that was never built.',
    'Even built, such memory holds raw bytes only: JavaScript objects still cannot live in it, and the locking is yours to write.',
  ],
  instead:
    'Use a file with positional reads/writes and a lock, message passing to one owner, or worker threads with a SharedArrayBuffer.',
} as const;
