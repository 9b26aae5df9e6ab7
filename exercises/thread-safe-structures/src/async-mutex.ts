/**
 * A mutex for async code on ONE event loop. JavaScript never runs two callbacks at once, but an
 * `await` inside a read-modify-write hands the loop to other tasks, which can read the same stale
 * value: the lost update is back, without any thread.
 *
 * Waiters are served first come, first served.
 *
 * Warning: not re-entrant: awaiting `lock()` again inside the critical section deadlocks.
 *
 * @example
 * const mutex = new AsyncMutex();
 * await mutex.runExclusive(async () => {
 *   const balance = await db.get('balance');
 *   await db.set('balance', balance + 10);
 * });
 */
export class AsyncMutex {
  /**
   * Resolve with a `release` function once this caller holds the lock; rejects after `timeoutMs`.
   * Call `release()` exactly once (a second call throws).
   */
  lock(timeoutMs = Number.POSITIVE_INFINITY): Promise<() => void> {
    throw new Error(`Not implemented yet: AsyncMutex.lock(${timeoutMs}) (Task 6)`);
  }

  /** Run `fn` holding the lock, and release it however `fn` ends. */
  async runExclusive<T>(fn: () => T | Promise<T>, timeoutMs?: number): Promise<T> {
    throw new Error(
      `Not implemented yet: AsyncMutex.runExclusive(${Object.prototype.toString.call(fn).slice(8, -1)}, ${timeoutMs}) (Task 6)`,
    );
  }

  /** Whether some task holds the lock (a snapshot). */
  isLocked(): boolean {
    throw new Error('Not implemented yet: AsyncMutex.isLocked() (Task 6)');
  }
}
