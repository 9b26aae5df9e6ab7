import { TimeoutError } from '../errors';

/**
 * Give a promise a budget: every wait in this course has one. Rejects with a `TimeoutError` naming
 * `what` and the budget; the timer is cleared either way so it never keeps the process alive.
 *
 * Warning: this stops the *waiting*, not the work. Pass an AbortSignal to the work as well if it
 * must stop too.
 *
 * @example
 * await withTimeout(worker.exited, 5_000, 'worker exit');
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} did not happen within ${ms} ms`, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
