import { assertMayBlock, deadlineAfter, int32View, waitAsyncUntil, waitBlocking } from './waiting';

/**
 * A one-shot gate: opens when `countDown()` has been called `count` times ("all workers are ready",
 * "all results are in"). Waiting after it opened returns at once.
 *
 * @example
 * const ready = new CountdownLatch(4);        // main thread
 * // each of 4 workers: CountdownLatch.from(buf).countDown();
 * await ready.waitAsync(5_000);               // main thread, event loop still turning
 */
export class CountdownLatch {
  /** Bytes one latch occupies: the remaining count. */
  static readonly BYTES = 4;

  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;
  private readonly word: Int32Array;

  /** A new latch that opens after `count` countDown() calls; with a buffer, the existing one in it. */
  constructor(count: number, buffer?: SharedArrayBuffer, byteOffset = 0) {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`count must be an integer >= 0, got ${count}`);
    this.buffer = buffer ?? new SharedArrayBuffer(CountdownLatch.BYTES);
    this.byteOffset = byteOffset;
    this.word = int32View(this.buffer, byteOffset, 1, 'CountdownLatch');
    if (!buffer) Atomics.store(this.word, 0, count);
  }

  /** The same latch, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): CountdownLatch {
    return new CountdownLatch(0, buffer, byteOffset);
  }

  /** Count one arrival; the last one opens the latch and wakes every waiter. */
  countDown(): void {
    for (;;) {
      const left = Atomics.load(this.word, 0);
      if (left === 0) throw new Error('CountdownLatch.countDown() called more times than its count');
      Atomics.store(this.word, 0, left - 1);
      if (left === 1) Atomics.notify(this.word, 0); // no count: wake them all
      return;
    }
  }

  /** Sleep until the latch is open; false if `timeoutMs` passed first. Workers only. */
  wait(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    assertMayBlock('CountdownLatch.wait');
    const deadline = deadlineAfter(timeoutMs);
    for (let left = Atomics.load(this.word, 0); left > 0; left = Atomics.load(this.word, 0)) {
      // Wait on the exact value seen: any countDown since then changes it and the wait returns.
      if (waitBlocking(this.word, 0, left, deadline) === 'timed-out') return Atomics.load(this.word, 0) === 0;
    }
    return true;
  }

  /** Wait for the latch without blocking the thread; resolves false on timeout. */
  async waitAsync(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    const deadline = deadlineAfter(timeoutMs);
    for (let left = Atomics.load(this.word, 0); left > 0; left = Atomics.load(this.word, 0)) {
      if ((await waitAsyncUntil(this.word, 0, left, deadline)) === 'timed-out')
        return Atomics.load(this.word, 0) === 0;
    }
    return true;
  }

  /** How many countDown() calls are still missing (a snapshot). */
  remaining(): number {
    return Atomics.load(this.word, 0);
  }
}
