import { mulberry32 } from '@course/runtime/random';

/**
 * Seeded randomness: a concurrent scenario's interleaving depends on timing, so a bug may show once
 * in fifty runs. Driving the choices (sizes, orders, where to yield) from a seed makes a failing run
 * reproducible: the same seed takes the same decisions again.
 */

/** A deterministic PRNG: the same seed gives the same sequence, on every machine. */
export interface SeededRandom {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of `items`. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy of `items` (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * The course's Mulberry32 (`@course/runtime/random`) with helpers: good enough to choose
 * interleavings, not for cryptography.
 *
 * @example
 * const rnd = seededRandom(7);
 * rnd.int(10); // always the same first number for seed 7
 */
export function seededRandom(seed: number): SeededRandom {
  if (!Number.isInteger(seed)) throw new Error(`seededRandom: expected an integer seed, got ${seed}`);
  const next = mulberry32(seed);
  const int = (n: number) => {
    if (!(Number.isInteger(n) && n > 0))
      throw new Error(`SeededRandom.int: expected a positive integer, got ${n}`);
    return Math.floor(next() * n);
  };
  return {
    seed,
    next,
    int,
    pick(items) {
      if (items.length === 0) throw new Error('SeededRandom.pick: the list is empty');
      return items[int(items.length)] as (typeof items)[number];
    },
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
  };
}

/**
 * A yield point driven by the seed: awaiting it gives up the event loop for 0..`maxTurns` turns
 * (setImmediate hops), so other callbacks (message handlers, other async functions) get to run at that
 * point in a seed-dependent order. Turns, not milliseconds: no sleep, nothing that depends on load.
 *
 * @example
 * const yieldPoint = seededYields(rnd, 3);
 * await yieldPoint(); // between the read and the write of a read-modify-write
 */
export function seededYields(random: SeededRandom, maxTurns = 3): () => Promise<void> {
  return async () => {
    const turns = random.int(maxTurns + 1);
    for (let i = 0; i < turns; i++) await new Promise<void>((r) => setImmediate(r));
  };
}
