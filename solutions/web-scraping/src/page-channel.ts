/** A one-consumer async queue: see `createChannel`. */
export interface Channel<T> extends AsyncIterable<T> {
  /** Hand a value to the consumer (buffered until it asks). Ignored once closed. */
  push(value: T): void;
  /** No more values: the consumer receives the buffered ones, then `done`. */
  close(): void;
  /** End with an error: the consumer receives the buffered values, then the error. */
  fail(error: unknown): void;
  /** Values pushed and not yet taken. */
  readonly buffered: number;
}

/**
 * Task 7. The bridge between a producer that calls `push` whenever a page completes and a consumer
 * that reads with `for await`. Values come out in the order they were pushed; a consumer that asks
 * before a value exists waits for it.
 *
 * When the consumer leaves early (`break`, `return`, or a `throw` in its loop body), the iterator's
 * `return()` calls `onCancel` and waits for it: the crawl behind it stops and cleans up before the
 * consumer's loop is left.
 *
 * @example
 * const ch = createChannel<number>();
 * setTimeout(() => { ch.push(1); ch.close(); }, 10);
 * for await (const n of ch) console.log(n); // 1
 */
export function createChannel<T>(onCancel?: () => Promise<void> | void): Channel<T> {
  const buffer: T[] = [];
  let waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  let state: 'open' | 'closed' | 'failed' = 'open';
  let error: unknown;

  const settleWaiter = () => {
    if (!waiter) return;
    const w = waiter;
    if (buffer.length > 0) {
      waiter = undefined;
      w.resolve({ value: buffer.shift() as T, done: false });
    } else if (state === 'closed') {
      waiter = undefined;
      w.resolve({ value: undefined, done: true });
    } else if (state === 'failed') {
      waiter = undefined;
      state = 'closed'; // the error is delivered once
      w.reject(error);
    }
  };

  const iterator: AsyncIterator<T> = {
    next() {
      if (buffer.length > 0) return Promise.resolve({ value: buffer.shift() as T, done: false });
      if (state === 'closed') return Promise.resolve({ value: undefined, done: true });
      if (state === 'failed') {
        state = 'closed';
        return Promise.reject(error);
      }
      if (waiter)
        return Promise.reject(
          new Error('createChannel: one consumer at a time (a next() is already waiting)'),
        );
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
      });
    },
    async return() {
      buffer.length = 0;
      const wasOpen = state === 'open';
      state = 'closed';
      if (wasOpen) await onCancel?.();
      return { value: undefined, done: true };
    },
  };

  return {
    push(value) {
      if (state !== 'open') return;
      buffer.push(value);
      settleWaiter();
    },
    close() {
      if (state !== 'open') return;
      state = 'closed';
      settleWaiter();
    },
    fail(e) {
      if (state !== 'open') return;
      state = 'failed';
      error = e;
      settleWaiter();
    },
    get buffered() {
      return buffer.length;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
}
