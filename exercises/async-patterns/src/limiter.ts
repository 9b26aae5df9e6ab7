/** Runs async tasks with at most `concurrency` of them running at once: see `createLimiter`. */
export interface Limiter {
  /**
   * Run `task` as soon as a slot is free; the returned promise settles as the task settles. A task
   * still waiting when `options.signal` aborts leaves the queue, never starts, and rejects with the
   * signal's reason.
   */
  run<T>(task: () => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** Tasks running now: never more than the concurrency. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly queued: number;
  /** Reject every waiting task with `reason` (the running ones carry on); later `run`s still work. */
  clear(reason: unknown): void;
}

/**
 * Task 2. A concurrency limiter. At most `concurrency` tasks run at once; the others wait in a FIFO
 * queue and the oldest starts the moment a running task settles, resolved or rejected (or threw
 * before returning a promise). A task submitted while others wait goes to the back of the queue,
 * even if it arrives in the very moment a slot frees.
 *
 * `concurrency` must be an integer >= 1, else a RangeError.
 *
 * @example
 * const limit = createLimiter(4);
 * const pages = await Promise.all(urls.map((u) => limit.run(() => fetch(u).then((r) => r.text()))));
 */
export function createLimiter(concurrency: number): Limiter {
  throw new Error(`Not implemented yet: createLimiter(${concurrency}) (Task 2)`);
}
