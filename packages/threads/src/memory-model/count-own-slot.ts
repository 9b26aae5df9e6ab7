import { waitWhileEqual } from './spin-then-park';

export interface CountConfig {
  sab: SharedArrayBuffer;
  /** The Int32 index this thread increments. */
  slot: number;
  /** The Int32 index the other thread increments: sampled now and then, never written. */
  partnerSlot: number;
  /** The Int32 index of the start line (both threads arrive, then both go). */
  startLine: number;
  iterations: number;
}

export interface CountResult {
  ms: number;
  /** How many times the partner's counter was sampled (every 4,096 increments). */
  samples: number;
  /** Samples at which the partner's counter had moved since the previous one: both were running. */
  partnerMoved: number;
}

const SAMPLE_EVERY = 4_096;

/**
 * Increment one's own counter `iterations` times with `Atomics.add`, timing it. Every 4,096
 * increments, look at the partner's counter: if it moved since the last look, the two threads were
 * running at the same moment. On one core they take turns by time slice, so it almost never moves
 * inside a window that short; that ratio is how the lesson knows whether the run could show false
 * sharing at all. (The look is rare enough not to cause sharing of its own.)
 */
export function countOwnSlot(c: CountConfig): CountResult {
  const cells = new Int32Array(c.sab);
  if (Atomics.add(cells, c.startLine, 1) + 1 === 2) Atomics.notify(cells, c.startLine);
  else waitWhileEqual(cells, c.startLine, 1, 10_000, 30_000);

  let samples = 0;
  let partnerMoved = 0;
  let last = Atomics.load(cells, c.partnerSlot);
  const t0 = performance.now();
  for (let i = 1; i <= c.iterations; i++) {
    Atomics.add(cells, c.slot, 1);
    if (i % SAMPLE_EVERY === 0) {
      const now = Atomics.load(cells, c.partnerSlot);
      samples++;
      if (now !== last) partnerMoved++;
      last = now;
    }
  }
  return { ms: performance.now() - t0, samples, partnerMoved };
}
