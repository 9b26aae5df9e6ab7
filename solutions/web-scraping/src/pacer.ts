import { setTimeout as sleep } from 'node:timers/promises';

/** Spaces out request starts: see `createPacer`. */
export interface Pacer {
  /** Resolves when the caller may start its request; rejects with `signal.reason` if aborted first. */
  wait(signal?: AbortSignal): Promise<void>;
}

/**
 * Task 5. Politeness: the starts of requests to one origin at least `delayMs` apart, however many
 * requests are waiting. Callers take turns in the order they called; each turn waits until
 * `delayMs` after the previous caller was let through, measured when that really happened. With
 * `delayMs` 0 it never waits.
 *
 * Warning: spacing from *scheduled* times instead ("the k-th caller goes at t0 + k x delayMs")
 * sends a burst after the event loop was held up: every overdue slot fires at once. Measuring from
 * the previous real start cannot burst.
 *
 * @example
 * const pacer = createPacer(200);
 * await pacer.wait(); // now
 * await pacer.wait(); // ~200 ms later
 */
export function createPacer(delayMs: number, now: () => number = () => performance.now()): Pacer {
  if (!Number.isFinite(delayMs) || delayMs < 0)
    throw new RangeError(`createPacer: delayMs must be a number >= 0, got ${delayMs}`);
  let lastStart = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve(); // the turns, one after another

  return {
    wait(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (delayMs === 0) return Promise.resolve();
      const turn = queue.then(async () => {
        signal?.throwIfAborted(); // aborted while waiting in line
        // A timer may fire a little early (it counts from the loop's cached clock): sleep again
        // until the time has really come.
        for (let left = lastStart + delayMs - now(); left > 0; left = lastStart + delayMs - now()) {
          await sleep(Math.ceil(left), undefined, signal ? { signal } : {}).catch((err) => {
            throw signal?.aborted ? signal.reason : err;
          });
        }
        lastStart = now();
      });
      // An aborted turn must not stop the line behind it.
      queue = turn.catch(() => {});
      return turn;
    },
  };
}
