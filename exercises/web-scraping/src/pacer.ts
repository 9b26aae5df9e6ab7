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
  throw new Error(`Not implemented yet: createPacer(${delayMs}) at ${now()} (Task 5)`);
}
