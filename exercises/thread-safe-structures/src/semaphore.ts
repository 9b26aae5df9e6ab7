/**
 * A counting semaphore in a SharedArrayBuffer: at most `permits` holders at once (a pool of N
 * connections, N slots, N licences).
 *
 * @example
 * const slots = new Semaphore(3);               // pass slots.buffer to workers
 * const s = Semaphore.from(workerData);          // in a worker
 * if (s.acquire(1_000)) { try { work(); } finally { s.release(); } }
 */
export class Semaphore {
  /** Bytes one semaphore occupies: the number of free permits. */
  static readonly BYTES = 4;

  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;

  /**
   * A new semaphore with `permits` free permits, or (with a buffer) the existing one in it.
   * `new Semaphore(3)` creates; `Semaphore.from(buffer)` attaches.
   */
  constructor(permits: number, buffer?: SharedArrayBuffer, byteOffset = 0) {
    throw new Error(
      `Not implemented yet: new Semaphore(${permits}, ${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 2)`,
    );
  }

  /** The same semaphore, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): Semaphore {
    throw new Error(
      `Not implemented yet: Semaphore.from(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 2)`,
    );
  }

  /** Take a permit if one is free right now. */
  tryAcquire(): boolean {
    throw new Error('Not implemented yet: Semaphore.tryAcquire() (Task 2)');
  }

  /** Take a permit, sleeping until one is free or `timeoutMs` passes (false). Workers only. */
  acquire(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    throw new Error(`Not implemented yet: Semaphore.acquire(${timeoutMs}) (Task 2)`);
  }

  /** Take a permit without blocking the thread (main thread, async code). */
  async acquireAsync(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    throw new Error(`Not implemented yet: Semaphore.acquireAsync(${timeoutMs}) (Task 2)`);
  }

  /** Give back `n` permits (default 1) and wake up to `n` sleepers. */
  release(n = 1): void {
    throw new Error(`Not implemented yet: Semaphore.release(${n}) (Task 2)`);
  }

  /** Free permits right now (a snapshot). */
  available(): number {
    throw new Error('Not implemented yet: Semaphore.available() (Task 2)');
  }
}
