/**
 * A seeded pseudo-random generator: the same seed gives the same sequence on every machine, so a
 * generated file is byte-for-byte reproducible (tests and benchmarks can name a file by its seed).
 *
 * It is the course's Mulberry32 (`@course/runtime/random`), under the name this folder has always used.
 *
 * @example
 * const next = seededRandom(42);
 * next(); // 0.6011037519201636, every time
 */
export { mulberry32 as seededRandom } from '@course/runtime/random';
