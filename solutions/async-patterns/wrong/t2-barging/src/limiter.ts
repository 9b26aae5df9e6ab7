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

interface Waiter {
  begin(): void;
  fail(reason: unknown): void;
}

/**
 * Task 2 (reference). A FIFO of waiters; a slot that frees is handed to the oldest waiter in the
 * same step (the count of running tasks never dips), so nobody arriving in between can take it.
 */
export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`createLimiter: concurrency must be an integer >= 1, got ${concurrency}`);
  }
  let running = 0;
  const queue: Waiter[] = [];

  const release = (): void => {
    running--;
    queueMicrotask(() => {
      if (running >= concurrency) return;
      const oldest = queue.shift();
      if (oldest === undefined) return;
      running++;
      oldest.begin();
    });
  };

  const run = <T>(task: () => Promise<T>, options: { signal?: AbortSignal } = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const begin = (): void => {
        signal?.removeEventListener('abort', onAbort);
        let result: Promise<T>;
        try {
          result = Promise.resolve(task());
        } catch (err) {
          result = Promise.reject(err); // a task that throws before returning a promise frees its slot too
        }
        result.then(resolve, reject).finally(release);
      };
      const waiter: Waiter = {
        begin,
        fail(reason) {
          signal?.removeEventListener('abort', onAbort);
          reject(reason);
        },
      };
      const onAbort = (): void => {
        const at = queue.indexOf(waiter);
        if (at >= 0) {
          queue.splice(at, 1);
          waiter.fail(signal?.reason);
        }
      };
      if (running < concurrency) {
        running++;
        begin();
        return;
      }
      queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  return {
    run,
    get active() {
      return running;
    },
    get queued() {
      return queue.length;
    },
    clear(reason) {
      for (const waiter of queue.splice(0)) waiter.fail(reason);
    },
  };
}
