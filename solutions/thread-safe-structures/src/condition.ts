import type { Mutex } from './mutex';
import { assertMayBlock, deadlineAfter, int32View, waitBlocking } from './waiting';

/**
 * A condition variable: sleep until another thread says "something changed", used together with a
 * Mutex that protects the shared state the condition is about.
 *
 * Always wait in a loop that re-checks the predicate: a wake-up means "look again", not "it is true"
 * (another thread may have got there first, and wake-ups can be spurious).
 *
 * @example
 * // consumer (worker)                          // producer (worker)
 * mutex.lock();                                 mutex.lock();
 * while (count() === 0) notEmpty.wait(mutex);   add(item); notEmpty.notifyOne();
 * take(); mutex.unlock();                       mutex.unlock();
 */
export class Condition {
  /** Bytes one condition occupies: a sequence number bumped by every notify. */
  static readonly BYTES = 4;

  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;
  private readonly word: Int32Array;

  /** A condition in `buffer` at `byteOffset` (a fresh one by default). */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(Condition.BYTES), byteOffset = 0) {
    this.buffer = buffer;
    this.byteOffset = byteOffset;
    this.word = int32View(buffer, byteOffset, 1, 'Condition');
  }

  /** The same condition, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): Condition {
    return new Condition(buffer, byteOffset);
  }

  /**
   * Release `mutex`, sleep until notified (or `timeoutMs` passes), then re-take `mutex`.
   * The caller must hold `mutex`. Returns false on timeout. Workers only.
   */
  wait(mutex: Mutex, timeoutMs = Number.POSITIVE_INFINITY): boolean {
    assertMayBlock('Condition.wait');
    const deadline = deadlineAfter(timeoutMs);
    // Read the sequence WHILE STILL HOLDING the mutex. A notify that happens after we unlock (but
    // before we sleep) bumps it, so Atomics.wait returns 'not-equal' at once: no lost wake-up.
    // Reading it after unlock() would open exactly that window.
    const seq = Atomics.load(this.word, 0);
    mutex.unlock();
    const outcome = waitBlocking(this.word, 0, seq, deadline);
    mutex.lock(); // always re-acquire: the caller's finally { unlock() } expects to hold it
    return outcome !== 'timed-out';
  }

  /** Wake one waiter (if any). Call it after changing the state, usually while holding the mutex. */
  notifyOne(): void {
    Atomics.add(this.word, 0, 1);
    Atomics.notify(this.word, 0, 1);
  }

  /** Wake every waiter. */
  notifyAll(): void {
    Atomics.add(this.word, 0, 1);
    Atomics.notify(this.word, 0);
  }
}
