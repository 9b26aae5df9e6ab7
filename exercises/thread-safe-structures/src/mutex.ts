/**
 * A mutual-exclusion lock in a SharedArrayBuffer, shared by every thread that has the buffer.
 *
 * Workers use `lock()`, which sleeps with `Atomics.wait`; the main thread uses `lockAsync()`, which
 * waits with `Atomics.waitAsync` so its event loop keeps turning. The holder's thread id is recorded,
 * and `unlock()` by any other thread throws (it would let two threads into the critical section).
 *
 * Warning: not re-entrant: locking it twice on one thread deadlocks (use a timeout to find out).
 * Async code on one thread shares one thread id, so there the holder check cannot tell tasks apart.
 *
 * @example
 * const mutex = new Mutex();                   // main thread; pass mutex.buffer to workers
 * const m = Mutex.from(workerData);             // in a worker
 * m.lock();
 * try { shared[0]++; } finally { m.unlock(); }
 */
export class Mutex {
  /** Bytes one mutex occupies: a state word and a holder word. */
  static readonly BYTES = 8;

  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;

  /** A mutex in `buffer` at `byteOffset` (a fresh, unlocked one by default). */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(Mutex.BYTES), byteOffset = 0) {
    throw new Error(
      `Not implemented yet: new Mutex(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 1)`,
    );
  }

  /** The same mutex, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): Mutex {
    throw new Error(
      `Not implemented yet: Mutex.from(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 1)`,
    );
  }

  /** Take the lock if it is free right now; never waits. */
  tryLock(): boolean {
    throw new Error('Not implemented yet: Mutex.tryLock() (Task 1)');
  }

  /**
   * Take the lock, sleeping (Atomics.wait) until it is free or `timeoutMs` has passed.
   * Returns false on timeout. Workers only: on the main thread it throws; use lockAsync().
   */
  lock(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    throw new Error(`Not implemented yet: Mutex.lock(${timeoutMs}) (Task 1)`);
  }

  /**
   * Take the lock without blocking the thread: resolves true once held, false after `timeoutMs`.
   * The main thread's way to lock; its event loop keeps running while it waits.
   */
  async lockAsync(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    throw new Error(`Not implemented yet: Mutex.lockAsync(${timeoutMs}) (Task 1)`);
  }

  /** Release the lock. Throws if this thread does not hold it. */
  unlock(): void {
    throw new Error('Not implemented yet: Mutex.unlock() (Task 1)');
  }

  /** Whether some thread holds it (a snapshot: it may change the next instant). */
  isLocked(): boolean {
    throw new Error('Not implemented yet: Mutex.isLocked() (Task 1)');
  }

  /** The thread id of the holder, or undefined when free (a snapshot, for diagnostics). */
  holderThreadId(): number | undefined {
    throw new Error('Not implemented yet: Mutex.holderThreadId() (Task 1)');
  }
}
