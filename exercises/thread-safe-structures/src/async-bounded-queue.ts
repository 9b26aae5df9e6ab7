/** What an async push ended with. */
export type AsyncPushStatus = 'ok' | 'timeout' | 'closed';

/** What an async pop ended with: a value, a timeout, or the end (closed and drained). */
export type AsyncPopResult<T> = { status: 'ok'; value: T } | { status: 'timeout' } | { status: 'closed' };

/**
 * A bounded FIFO queue for producers and consumers on one event loop: `push` waits while full
 * (back-pressure), `pop` waits while empty, `close()` wakes everyone.
 *
 * @example
 * const q = new AsyncBoundedQueue<string>(10);
 * void (async () => { for (const url of urls) await q.push(url); q.close(); })();
 * for await (const url of q) await fetchIt(url);   // ends once closed and drained
 */
export class AsyncBoundedQueue<T> {
  readonly capacity: number;

  constructor(capacity: number) {
    throw new Error(`Not implemented yet: new AsyncBoundedQueue(${capacity}) (Task 6)`);
  }

  /** Append `item`, waiting while the queue is full; 'closed' once closed, 'timeout' after `timeoutMs`. */
  async push(item: T, timeoutMs = Number.POSITIVE_INFINITY): Promise<AsyncPushStatus> {
    throw new Error(
      `Not implemented yet: AsyncBoundedQueue.push(${Object.prototype.toString.call(item).slice(8, -1)}, ${timeoutMs}) (Task 6)`,
    );
  }

  /** Take the oldest item, waiting while empty; 'closed' once closed and drained. */
  async pop(timeoutMs = Number.POSITIVE_INFINITY): Promise<AsyncPopResult<T>> {
    throw new Error(`Not implemented yet: AsyncBoundedQueue.pop(${timeoutMs}) (Task 6)`);
  }

  /** No more pushes; every waiting push and pop wakes up (pops still drain what is left). */
  close(): void {
    throw new Error('Not implemented yet: AsyncBoundedQueue.close() (Task 6)');
  }

  /** Items stored right now. */
  size(): number {
    throw new Error('Not implemented yet: AsyncBoundedQueue.size() (Task 6)');
  }

  /** Pop until closed and drained. */
  [Symbol.asyncIterator](): AsyncGenerator<T> {
    throw new Error('Not implemented yet: AsyncBoundedQueue.[Symbol.asyncIterator]() (Task 6)');
  }
}
