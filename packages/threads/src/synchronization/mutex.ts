/**
 * A mutex in one Int32 slot of a SharedArrayBuffer: 0 = unlocked, 1 = locked. Every worker that
 * builds a `Mutex` over the same buffer and index shares the same lock.
 *
 * `lock()` tries to swap 0 -> 1 atomically; if another thread holds it, it sleeps in `Atomics.wait`
 * until `unlock()` wakes it with `Atomics.notify`, then tries again. (A compact teaching version:
 * production locks also count waiters so an uncontended unlock skips the notify.)
 *
 * Warning: `Atomics.wait` blocks the whole thread. In a worker that is the point; on Node's main
 * thread it freezes the event loop (see main-thread-wait.ts), so lock there with `Atomics.waitAsync`.
 *
 * @example
 * const m = new Mutex(new Int32Array(sab), 0);
 * m.lock();
 * try { shared[0] += 1; } finally { m.unlock(); }
 */
export class Mutex {
  constructor(
    private readonly cells: Int32Array,
    private readonly index: number,
  ) {}

  /** Take the lock; with `timeoutMs`, give up after that long and return false (deadlock detection). */
  lock(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    const deadline = performance.now() + timeoutMs;
    while (Atomics.compareExchange(this.cells, this.index, 0, 1) !== 0) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      // Sleeps only while the slot still reads 1: an unlock between our CAS and this wait is not missed.
      Atomics.wait(this.cells, this.index, 1, left);
    }
    return true;
  }

  unlock(): void {
    if (Atomics.compareExchange(this.cells, this.index, 1, 0) !== 1) {
      throw new Error('Mutex.unlock(): the mutex was not locked (unlock without lock, or unlocked twice)');
    }
    Atomics.notify(this.cells, this.index, 1);
  }
}
