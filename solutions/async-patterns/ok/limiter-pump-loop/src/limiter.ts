/** Runs async tasks with at most `concurrency` of them running at once: see `createLimiter`. */
export interface Limiter {
  run<T>(task: () => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  readonly active: number;
  readonly queued: number;
  clear(reason: unknown): void;
}

interface Job {
  start(): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
}

/** An alternative: every change ends with pump(), which fills free slots from the front of the queue. */
export function createLimiter(concurrency: number): Limiter {
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new RangeError(`concurrency must be an integer >= 1 (got ${concurrency})`);
  }
  let active = 0;
  let jobs: Job[] = [];

  function pump(): void {
    while (active < concurrency && jobs.length > 0) {
      const job = jobs.shift()!;
      active++;
      job.start();
    }
  }

  return {
    run<T>(task: () => Promise<T>, { signal }: { signal?: AbortSignal } = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = () => {
          if (!jobs.includes(job)) return;
          jobs = jobs.filter((j) => j !== job);
          reject(signal?.reason);
        };
        const job: Job = {
          signal,
          reject,
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            new Promise<T>((res) => res(task())).then(resolve, reject).finally(() => {
              active--;
              pump();
            });
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        jobs.push(job);
        pump();
      });
    },
    get active() {
      return active;
    },
    get queued() {
      return jobs.length;
    },
    clear(reason) {
      const dropped = jobs;
      jobs = [];
      for (const job of dropped) job.reject(reason);
    },
  };
}
