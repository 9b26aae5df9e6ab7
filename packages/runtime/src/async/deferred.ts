/**
 * A promise with its resolve/reject exposed: the building block for ordering concurrent events in
 * tests without sleeps ("wait until the worker says it holds the lock").
 *
 * @example
 * const ready = deferred<void>();
 * worker.once('message', () => ready.resolve());
 * await ready.promise;
 */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T | PromiseLike<T>): void;
  reject(reason?: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
