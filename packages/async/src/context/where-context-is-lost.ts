import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';

export interface LostContext {
  /** A listener added inside request A, fired by an emit inside request B: whose id it sees. */
  listenerAddedInA: string | undefined;
  /** A callback request A put in a shared queue, run later by a flush inside "flusher". */
  queuedCallback: string | undefined;
  /** The same callback wrapped with AsyncLocalStorage.bind() before it was queued. */
  boundCallback: string | undefined;
  /** A snapshot() taken inside request A, used to run a function inside "flusher". */
  snapshot: string | undefined;
}

/**
 * Where a context does NOT follow the code you wrote: AsyncLocalStorage follows the async path that
 * led to a call, not where a function was defined or registered. A listener runs in the context of
 * whoever emits; a callback parked in a hand-made queue (a batcher, a connection pool's waiters) runs
 * in the context of whoever drains the queue. `AsyncLocalStorage.bind` / `snapshot` pin it.
 *
 * @example
 * const r = whereContextIsLost();
 * r.listenerAddedInA; // 'B'       (the emitter's context)
 * r.queuedCallback;   // 'flusher' (the drainer's context)
 * r.boundCallback;    // 'A'
 */
export function whereContextIsLost(): LostContext {
  const als = new AsyncLocalStorage<string>();
  const ee = new EventEmitter();
  let listenerAddedInA: string | undefined;
  als.run('A', () => ee.on('tick', () => (listenerAddedInA = als.getStore())));
  als.run('B', () => ee.emit('tick'));

  const queue: Array<() => void> = [];
  let queuedCallback: string | undefined;
  let boundCallback: string | undefined;
  let snapshot: string | undefined;
  als.run('A', () => {
    queue.push(() => (queuedCallback = als.getStore()));
    queue.push(AsyncLocalStorage.bind(() => (boundCallback = als.getStore())));
  });
  const runInA = als.run('A', () => AsyncLocalStorage.snapshot());
  als.run('flusher', () => {
    for (const cb of queue) cb();
    runInA(() => (snapshot = als.getStore()));
  });
  return { listenerAddedInA, queuedCallback, boundCallback, snapshot };
}
