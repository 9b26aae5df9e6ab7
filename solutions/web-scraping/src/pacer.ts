import { setTimeout as sleep } from 'node:timers/promises';

/** Spaces out request starts: see `createPacer`. */
export interface Pacer {
  /** Resolves when the caller may start its request; rejects with `signal.reason` if aborted first. */
  wait(signal?: AbortSignal): Promise<void>;
}

/**
 * Task 5. Politeness: starts of requests to one origin at least `delayMs` apart, however many
 * requests are waiting. Each caller reserves the next free start time synchronously (so two callers
 * can never take the same slot, even when they call at the same moment) and then sleeps until it.
 * With `delayMs` 0 it never waits.
 *
 * Warning: an aborted wait gives its slot up for nobody: the next callers keep their later slots.
 * That only wastes a little time, never breaks the spacing.
 *
 * @example
 * const pacer = createPacer(200);
 * await pacer.wait(); // now
 * await pacer.wait(); // ~200 ms later
 */
export function createPacer(delayMs: number, now: () => number = () => performance.now()): Pacer {
  if (!Number.isFinite(delayMs) || delayMs < 0)
    throw new RangeError(`createPacer: delayMs must be a number >= 0, got ${delayMs}`);
  let nextFree = Number.NEGATIVE_INFINITY;
  return {
    async wait(signal) {
      signal?.throwIfAborted();
      if (delayMs === 0) return;
      const t = now();
      const at = Math.max(t, nextFree);
      nextFree = at + delayMs; // reserved before the first await: no race between callers
      // A timer counts from the event loop's cached clock, which can be a few ms behind the real
      // one: it may fire early by that much. Sleep again until the reserved time has really come.
      for (let left = at - t; left > 0; left = at - now()) {
        await sleep(Math.ceil(left), undefined, signal ? { signal } : {}).catch((err) => {
          throw signal?.aborted ? signal.reason : err;
        });
      }
    },
  };
}
