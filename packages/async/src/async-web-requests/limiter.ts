/**
 * Run at most `concurrency` async functions at once; the rest wait in a FIFO queue (p-limit style).
 *
 * Warning: a limited function that waits for another call of the same limiter can deadlock once all
 * slots are taken by callers waiting on queued work. Limit the leaves, not the recursion.
 *
 * @example
 * const limit = createLimiter(4);
 * const pages = await Promise.all(urls.map((u) => limit(() => fetch(u))));
 */
export interface Limiter {
  <T>(fn: () => Promise<T> | T): Promise<T>;
  /** Functions running now. Never more than `concurrency`. */
  readonly active: number;
  /** Functions waiting for a slot. */
  readonly pending: number;
  /** Reject every queued (not yet started) call with `reason`; running ones finish normally. */
  clearQueue(reason?: unknown): number;
}

export function createLimiter(concurrency: number): Limiter {
  if (!(concurrency === Number.POSITIVE_INFINITY || (Number.isInteger(concurrency) && concurrency >= 1))) {
    throw new Error(`createLimiter: concurrency must be an integer >= 1 (or Infinity), got ${concurrency}`);
  }
  const queue: Array<{ start: () => void; reject: (reason: unknown) => void }> = [];
  let active = 0;

  const next = () => {
    if (active >= concurrency) return;
    const job = queue.shift();
    if (!job) return;
    active++;
    job.start();
  };

  const limit = <T>(fn: () => Promise<T> | T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({
        start: () => {
          // Promise.resolve().then(fn): a synchronous throw in fn becomes a rejection. The slot is
          // released on either path before the caller hears back, so one failure cannot leak a slot
          // and `active` is already right when the caller's await resumes.
          const release = () => {
            active--;
            next();
          };
          Promise.resolve()
            .then(fn)
            .then(
              (value) => {
                release();
                resolve(value);
              },
              (err: unknown) => {
                release();
                reject(err);
              },
            );
        },
        reject,
      });
      next();
    });

  Object.defineProperties(limit, {
    active: { get: () => active },
    pending: { get: () => queue.length },
  });
  const clearQueue = (reason: unknown = new Error('limiter queue cleared')): number => {
    const dropped = queue.splice(0);
    for (const job of dropped) job.reject(reason);
    return dropped.length;
  };
  return Object.assign(limit, { clearQueue }) as Limiter;
}
