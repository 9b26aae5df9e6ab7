import type { Mutex } from './mutex';

/**
 * A condition variable in one Int32 slot (a sequence number): wait for a state change made by
 * another thread, without spinning, and without missing it.
 *
 * `wait(mutex)` reads the sequence, releases the mutex, sleeps until the sequence changes, then
 * re-takes the mutex. Reading the sequence *before* unlocking closes the lost-wakeup hazard: a
 * notify that lands between the unlock and the sleep changes the sequence, so `Atomics.wait` returns
 * at once instead of sleeping forever. Always wait in a loop re-checking the state (wake-ups can be
 * spurious, and another thread may have taken the item first).
 *
 * @example
 * mutex.lock();
 * while (Atomics.load(cells, READY) === 0) ready.wait(mutex);
 * mutex.unlock();
 */
export class Condition {
  constructor(
    private readonly cells: Int32Array,
    private readonly index: number,
  ) {}

  /** Call with `mutex` held; returns with it held again. */
  wait(mutex: Mutex, timeoutMs = Number.POSITIVE_INFINITY): void {
    const seq = Atomics.load(this.cells, this.index);
    mutex.unlock();
    Atomics.wait(this.cells, this.index, seq, timeoutMs);
    mutex.lock();
  }

  notifyOne(): void {
    Atomics.add(this.cells, this.index, 1);
    Atomics.notify(this.cells, this.index, 1);
  }

  notifyAll(): void {
    Atomics.add(this.cells, this.index, 1);
    Atomics.notify(this.cells, this.index);
  }
}
