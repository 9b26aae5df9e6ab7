import { assertMayBlock, deadlineAfter, int32View, waitAsyncUntil, waitBlocking } from './waiting';

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
  private readonly word: Int32Array;

  /**
   * A new semaphore with `permits` free permits, or (with a buffer) the existing one in it.
   * `new Semaphore(3)` creates; `Semaphore.from(buffer)` attaches.
   */
  constructor(permits: number, buffer?: SharedArrayBuffer, byteOffset = 0) {
    if (!Number.isInteger(permits) || permits < 0)
      throw new RangeError(`permits must be an integer >= 0, got ${permits}`);
    this.buffer = buffer ?? new SharedArrayBuffer(Semaphore.BYTES);
    this.byteOffset = byteOffset;
    this.word = int32View(this.buffer, byteOffset, 1, 'Semaphore');
    if (!buffer) Atomics.store(this.word, 0, permits);
  }

  /** The same semaphore, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): Semaphore {
    return new Semaphore(0, buffer, byteOffset);
  }

  /** Take a permit if one is free right now. */
  tryAcquire(): boolean {
    for (;;) {
      const free = Atomics.load(this.word, 0);
      if (free === 0) return false;
      // Check-then-act made safe: the decrement only happens if nobody changed the count meanwhile.
      if (Atomics.compareExchange(this.word, 0, free, free - 1) === free) return true;
    }
  }

  /** Take a permit, sleeping until one is free or `timeoutMs` passes (false). Workers only. */
  acquire(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    assertMayBlock('Semaphore.acquire');
    const deadline = deadlineAfter(timeoutMs);
    for (;;) {
      if (this.tryAcquire()) return true;
      // Sleep only while the count is still 0; a release in between makes the wait return at once.
      if (waitBlocking(this.word, 0, 0, deadline) === 'timed-out') return this.tryAcquire();
    }
  }

  /** Take a permit without blocking the thread (main thread, async code). */
  async acquireAsync(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    const deadline = deadlineAfter(timeoutMs);
    for (;;) {
      if (this.tryAcquire()) return true;
      if ((await waitAsyncUntil(this.word, 0, 0, deadline)) === 'timed-out') return this.tryAcquire();
    }
  }

  /** Give back `n` permits (default 1) and wake up to `n` sleepers. */
  release(n = 1): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`release(n) needs an integer n >= 1, got ${n}`);
    Atomics.add(this.word, 0, n);
    // Wake everyone: each re-checks with tryAcquire(), the ones without a permit sleep again.
    Atomics.notify(this.word, 0);
  }

  /** Free permits right now (a snapshot). */
  available(): number {
    return Atomics.load(this.word, 0);
  }
}
