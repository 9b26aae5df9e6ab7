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
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`createLimiter: concurrency must be an integer >= 1, got ${concurrency}`);
  }
  const waiting: Array<{ start: () => void; reject: (reason: unknown) => void }> = [];
  let active = 0;

  const next = () => {
    // Hand the freed slot straight to the next waiter: active never drops and rises again, so no
    // newcomer can jump the queue between the two.
    const waiter = waiting.shift();
    if (waiter) waiter.start();
    else active--;
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          // Promise.resolve().then(task): a task that throws synchronously still releases its slot.
          Promise.resolve().then(task).then(resolve, reject).finally(next);
        };
        if (active < concurrency) {
          active++;
          start();
        } else waiting.push({ start, reject });
      });
    },
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    clear(reason: unknown) {
      for (const waiter of waiting.splice(0)) waiter.reject(reason);
    },
  };
}
