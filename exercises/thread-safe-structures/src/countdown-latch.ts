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

  /** A new latch that opens after `count` countDown() calls; with a buffer, the existing one in it. */
  constructor(count: number, buffer?: SharedArrayBuffer, byteOffset = 0) {
    throw new Error(
      `Not implemented yet: new CountdownLatch(${count}, ${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 2)`,
    );
  }

  /** The same latch, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): CountdownLatch {
    throw new Error(
      `Not implemented yet: CountdownLatch.from(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 2)`,
    );
  }

  /** Count one arrival; the last one opens the latch and wakes every waiter. */
  countDown(): void {
    throw new Error('Not implemented yet: CountdownLatch.countDown() (Task 2)');
  }

  /** Sleep until the latch is open; false if `timeoutMs` passed first. Workers only. */
  wait(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    throw new Error(`Not implemented yet: CountdownLatch.wait(${timeoutMs}) (Task 2)`);
  }

  /** Wait for the latch without blocking the thread; resolves false on timeout. */
  async waitAsync(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    throw new Error(`Not implemented yet: CountdownLatch.waitAsync(${timeoutMs}) (Task 2)`);
  }

  /** How many countDown() calls are still missing (a snapshot). */
  remaining(): number {
    throw new Error('Not implemented yet: CountdownLatch.remaining() (Task 2)');
  }
}
