/**
 * A seeded pseudo-random generator: the same seed gives the same sequence on every machine, so a
 * generated file is byte-for-byte reproducible (tests and benchmarks can name a file by its seed).
 *
 * The algorithm is Tommy Ettinger's public-domain "Mulberry32": 32-bit state, one multiply-xorshift
 * step per number. Plenty for test data; not for anything that must be unpredictable.
 *
 * @example
 * const next = seededRandom(42);
 * next(); // 0.6011037519201636, every time
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
