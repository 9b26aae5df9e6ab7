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
  private locked = false;
  private readonly waiters: Array<() => void> = [];

  /**
   * Resolve with a `release` function once this caller holds the lock; rejects after `timeoutMs`.
   * Call `release()` exactly once (a second call throws).
   */
  lock(timeoutMs = Number.POSITIVE_INFINITY): Promise<() => void> {
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const grant = () => {
        clearTimeout(timer);
        resolve(this.releaser());
      };
      this.waiters.push(grant);
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => {
          // Leave the line, or the lock would later be handed to a caller who gave up (and leak).
          const at = this.waiters.indexOf(grant);
          if (at >= 0) this.waiters.splice(at, 1);
          reject(new Error(`AsyncMutex.lock: not acquired within ${timeoutMs} ms`));
        }, timeoutMs);
      }
    });
  }

  /** Run `fn` holding the lock, and release it however `fn` ends. */
  async runExclusive<T>(fn: () => T | Promise<T>, timeoutMs?: number): Promise<T> {
    const release = await this.lock(timeoutMs);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Whether some task holds the lock (a snapshot). */
  isLocked(): boolean {
    return this.locked;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) throw new Error('AsyncMutex: release() called twice for one lock()');
      released = true;
      const next = this.waiters.shift();
      // Planted bug: the lock is free until the waiter wakes a microtask later.
      this.locked = false;
      if (next)
        queueMicrotask(() => {
          this.locked = true;
          next();
        });
    };
  }
}
