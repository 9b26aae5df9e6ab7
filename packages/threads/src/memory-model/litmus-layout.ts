/** Which litmus test: store buffering (SB) or message passing (MP). */
export type LitmusTest = 'store-buffering' | 'message-passing';
/** Plain typed-array reads and writes, or Atomics.load / Atomics.store. */
export type AccessMode = 'plain' | 'atomics';

/**
 * The shared memory of one litmus run. Control words, each on its own 64-byte line so the harness
 * does not share a cache line with the variables under test: the barrier's arrival count, its
 * generation, the stop flag and the start line. Then four regions of `maxRounds` Int32s: x, y (the variables, fresh
 * zeroes every round, so nothing needs resetting) and r1, r2 (what each round's reads saw).
 */
export const CTRL = { arrived: 0, generation: 16, stop: 32, ready: 48, words: 64 } as const;

export interface LitmusConfig {
  sab: SharedArrayBuffer;
  test: LitmusTest;
  mode: AccessMode;
  maxRounds: number;
  /** How long the rounds may run once both threads have started. */
  budgetMs: number;
  /** Spins before parking, in the per-round barrier. */
  spins: number;
}

export function litmusMemory(maxRounds: number) {
  return new SharedArrayBuffer(4 * (CTRL.words + 4 * maxRounds));
}

export function regions(sab: SharedArrayBuffer, maxRounds: number) {
  const ctrl = new Int32Array(sab, 0, CTRL.words);
  const at = (k: number) => new Int32Array(sab, 4 * (CTRL.words + k * maxRounds), maxRounds);
  return { ctrl, x: at(0), y: at(1), r1: at(2), r2: at(3) };
}
