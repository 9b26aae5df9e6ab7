import type { Mutex } from './mutex';

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

  /** A condition in `buffer` at `byteOffset` (a fresh one by default). */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(Condition.BYTES), byteOffset = 0) {
    throw new Error(
      `Not implemented yet: new Condition(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 3)`,
    );
  }

  /** The same condition, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): Condition {
    throw new Error(
      `Not implemented yet: Condition.from(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 3)`,
    );
  }

  /**
   * Release `mutex`, sleep until notified (or `timeoutMs` passes), then re-take `mutex`.
   * The caller must hold `mutex`. Returns false on timeout. Workers only.
   */
  wait(mutex: Mutex, timeoutMs = Number.POSITIVE_INFINITY): boolean {
    throw new Error(
      `Not implemented yet: Condition.wait(${Object.prototype.toString.call(mutex).slice(8, -1)}, ${timeoutMs}) (Task 3)`,
    );
  }

  /** Wake one waiter (if any). Call it after changing the state, usually while holding the mutex. */
  notifyOne(): void {
    throw new Error('Not implemented yet: Condition.notifyOne() (Task 3)');
  }

  /** Wake every waiter. */
  notifyAll(): void {
    throw new Error('Not implemented yet: Condition.notifyAll() (Task 3)');
  }
}
