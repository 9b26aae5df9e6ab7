/** Runs async tasks with at most `concurrency` at once: see `createLimiter`. */
export interface Limiter {
  /** Run `task` when a slot is free; settles as the task settles. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now (never more than the concurrency). */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly queued: number;
  /** Reject every task still waiting (not the running ones) with `reason`; later `run`s still work. */
  clear(reason: unknown): void;
}

/**
 * Task 3. A concurrency limiter (the idea of p-limit): at most `concurrency` tasks run at once, the
 * others wait in a FIFO queue and start, in order, the moment a running task settles, whether it
 * resolved or rejected.
 *
 * Warning: a task that waits for another task of the same limiter can deadlock once every slot is
 * taken by such waiters. The crawler never does that: a visit only *schedules* the links it finds.
 *
 * @example
 * const limit = createLimiter(2);
 * await Promise.all(urls.map((u) => limit.run(() => fetchPage(u, { timeoutMs: 5_000 }))));
 */
export function createLimiter(concurrency: number): Limiter {
  throw new Error(`Not implemented yet: createLimiter(${concurrency}) (Task 3)`);
}
