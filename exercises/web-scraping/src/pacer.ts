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
  throw new Error(`Not implemented yet: createPacer(${delayMs}) at ${now()} (Task 5)`);
}
