/** What an async push ended with. */
export type AsyncPushStatus = 'ok' | 'timeout' | 'closed';

/** What an async pop ended with: a value, a timeout, or the end (closed and drained). */
export type AsyncPopResult<T> = { status: 'ok'; value: T } | { status: 'timeout' } | { status: 'closed' };

interface Waiter {
  wake: () => void;
}

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
  private readonly items: T[] = [];
  private closed = false;
  private readonly popWaiters = new Set<Waiter>();
  private readonly pushWaiters = new Set<Waiter>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
    this.capacity = capacity;
  }

  /** Append `item`, waiting while the queue is full; 'closed' once closed, 'timeout' after `timeoutMs`. */
  async push(item: T, timeoutMs = Number.POSITIVE_INFINITY): Promise<AsyncPushStatus> {
    // A loop, not an if: while we were woken, another producer may have taken the free place.
    while (this.items.length >= this.capacity && !this.closed) {
      if (!(await this.sleep(this.pushWaiters, timeoutMs))) {
        if (this.items.length >= this.capacity && !this.closed) return 'timeout';
      }
    }
    if (this.closed) return 'closed';
    this.items.push(item);
    this.wakeOne(this.popWaiters);
    return 'ok';
  }

  /** Take the oldest item, waiting while empty; 'closed' once closed and drained. */
  async pop(timeoutMs = Number.POSITIVE_INFINITY): Promise<AsyncPopResult<T>> {
    while (this.items.length === 0 && !this.closed) {
      if (!(await this.sleep(this.popWaiters, timeoutMs))) {
        if (this.items.length === 0 && !this.closed) return { status: 'timeout' };
      }
    }
    if (this.items.length === 0) return { status: 'closed' };
    const value = this.items.shift() as T;
    this.wakeOne(this.pushWaiters);
    return { status: 'ok', value };
  }

  /** No more pushes; every waiting push and pop wakes up (pops still drain what is left). */
  close(): void {
    this.closed = true;
    for (const w of [...this.popWaiters, ...this.pushWaiters]) w.wake();
  }

  /** Items stored right now. */
  size(): number {
    return this.items.length;
  }

  /** Pop until closed and drained. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const next = await this.pop();
      if (next.status !== 'ok') return;
      yield next.value;
    }
  }

  /** Resolve true when woken, false after `timeoutMs`; leaves no timer or waiter behind. */
  private sleep(waiters: Set<Waiter>, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        wake: () => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(true);
        },
      };
      waiters.add(waiter);
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => {
          waiters.delete(waiter);
          resolve(false);
        }, timeoutMs);
      }
    });
  }

  private wakeOne(waiters: Set<Waiter>): void {
    const first = waiters.values().next();
    if (!first.done) first.value.wake();
  }
}
