/**
 * Seeded randomness, so the same seed always builds the same site and injects the same faults.
 * `Math.random` would make a failing crawler test impossible to replay.
 */

import { mulberry32 } from '@course/runtime/random';

/** A 32-bit hash of a string (FNV-1a): turns (seed, path, n) into a PRNG seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The course's seeded PRNG (`@course/runtime/random`), re-exported: the site's pages and faults draw from it. */
export { mulberry32 };

/**
 * One deterministic draw in [0, 1) for a named event, e.g. the 3rd request to /page/7.
 * Drawing per (seed, key) instead of from one shared stream keeps a decision independent of how
 * concurrent requests to *other* paths interleave.
 *
 * @example
 * uniformFor(1, '/page/7#2') < 0.3 // does request #2 to /page/7 fail at a 30 % rate?
 */
export function uniformFor(seed: number, key: string): number {
  return mulberry32(hashString(`${seed}:${key}`))();
}

/** An integer in [min, max] from a PRNG. */
export function intBetween(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}
