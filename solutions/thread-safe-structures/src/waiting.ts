import { isMainThread, threadId } from 'node:worker_threads';

/**
 * Given code (not a task): the two ways to sleep on a word of shared memory, with a deadline.
 *
 * - `waitBlocking` uses `Atomics.wait`: the calling thread sleeps in the kernel until another thread
 *   calls `Atomics.notify` on the same word, the word no longer holds `expected`, or time runs out.
 *   Node lets the main thread call it too, but then the event loop is frozen for as long as it
 *   sleeps (no timers, no I/O, no messages from the very workers that would wake it: deadlock).
 *   So every blocking method calls `assertMayBlock()` first.
 * - `waitAsyncUntil` uses `Atomics.waitAsync`: the same wake-up rules, but it returns a promise and
 *   the event loop keeps turning meanwhile. This is what the main thread (and any async code) uses.
 */

/** What a wait ended with, as `Atomics.wait` reports it. */
export type WaitOutcome = 'ok' | 'not-equal' | 'timed-out';

/** Milliseconds since some fixed point; only differences matter. */
export function now(): number {
  return performance.now();
}

/** The absolute deadline for a relative timeout (`Infinity` waits forever). */
export function deadlineAfter(timeoutMs: number = Number.POSITIVE_INFINITY): number {
  if (Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(`timeoutMs must be a number >= 0 (or Infinity), got ${timeoutMs}`);
  }
  // No clock read for "forever": a lock's fast path should not pay for performance.now().
  return timeoutMs === Number.POSITIVE_INFINITY ? timeoutMs : now() + timeoutMs;
}

/** Milliseconds left until `deadline`, never negative. */
export function remaining(deadline: number): number {
  return deadline === Number.POSITIVE_INFINITY ? deadline : Math.max(0, deadline - now());
}

/**
 * This thread's id as stored in shared memory: `threadId + 1`, so that 0 can mean "nobody".
 * (The main thread's `threadId` is 0.)
 */
export function selfId(): number {
  return threadId + 1;
}

/**
 * Throw unless this thread may block. Blocking the main thread freezes its event loop.
 *
 * @example
 * assertMayBlock('Mutex.lock'); // in a worker: fine; on the main thread: throws, use lockAsync()
 */
export function assertMayBlock(what: string): void {
  if (isMainThread) {
    throw new Error(
      `${what} blocks the calling thread with Atomics.wait; on the main thread that freezes the event loop ` +
        '(timers, I/O and messages from workers all stop). Call it from a worker, or use the async variant.',
    );
  }
}

/**
 * Sleep while `view[index] === expected`, at most until `deadline` (see deadlineAfter).
 *
 * @example
 * waitBlocking(state, 0, LOCKED, deadlineAfter(100)); // 'ok' | 'not-equal' | 'timed-out'
 */
export function waitBlocking(
  view: Int32Array,
  index: number,
  expected: number,
  deadline: number,
): WaitOutcome {
  const ms = remaining(deadline);
  if (ms === 0) return 'timed-out';
  return Atomics.wait(view, index, expected, ms);
}

/**
 * The event-loop-friendly twin of waitBlocking: resolves instead of blocking.
 *
 * @example
 * await waitAsyncUntil(state, 0, LOCKED, deadlineAfter(100));
 */
export async function waitAsyncUntil(
  view: Int32Array,
  index: number,
  expected: number,
  deadline: number,
): Promise<WaitOutcome> {
  const ms = remaining(deadline);
  if (ms === 0) return 'timed-out';
  const result = Atomics.waitAsync(view, index, expected, ms);
  return result.async ? await result.value : result.value;
}

/**
 * A view of `ints` 32-bit words at `byteOffset` of `buffer`, with a clear error when it does not fit.
 *
 * @example
 * const words = int32View(sab, 0, 2, 'Mutex');
 */
export function int32View(
  buffer: SharedArrayBuffer,
  byteOffset: number,
  ints: number,
  what: string,
): Int32Array {
  if (!(buffer instanceof SharedArrayBuffer)) {
    throw new TypeError(
      `${what} needs a SharedArrayBuffer (an ArrayBuffer would be copied, not shared, between threads)`,
    );
  }
  if (byteOffset % 4 !== 0) throw new RangeError(`${what}: byteOffset ${byteOffset} is not a multiple of 4`);
  if (byteOffset + ints * 4 > buffer.byteLength) {
    throw new RangeError(
      `${what} needs ${ints * 4} bytes at offset ${byteOffset}, but the buffer has ${buffer.byteLength}`,
    );
  }
  return new Int32Array(buffer, byteOffset, ints);
}
