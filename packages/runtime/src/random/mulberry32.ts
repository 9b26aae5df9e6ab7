/**
 * The course's one seeded pseudo-random generator. Tests, fixtures, data generators and the test site
 * all draw from it, so a seed means the same sequence everywhere: a failing run is replayed by its
 * seed, and a generated file is named by its seed.
 *
 * The algorithm is Tommy Ettinger's public-domain Mulberry32: a 32-bit state, one multiply-xorshift
 * step per number. Fast and plenty for test data and interleavings; never for anything that must be
 * unpredictable (it is not cryptographic).
 *
 * Importable without the rest of the runtime as `@course/runtime/random` (worker entries stay small).
 *
 * @example
 * const next = mulberry32(42);
 * next(); // 0.6011037519201636, on every machine
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
