/**
 * A 32-bit counter in shared memory that any number of threads can change at once without losing
 * an update.
 *
 * The hazard it removes is the lost update: `x = load(); store(x + 1)` on two threads can both read
 * 5 and both write 6. `Atomics.add` does the read-modify-write as one indivisible step.
 *
 * Re-create it in another worker from the same buffer: `AtomicCounter.from(counter.buffer)`.
 *
 * @example
 * const counter = new AtomicCounter();
 * startWorker(file, { workerData: counter.buffer }); // in the worker: AtomicCounter.from(workerData)
 * counter.increment(); // 1
 */
export class AtomicCounter {
  /** Bytes one counter occupies in a SharedArrayBuffer. */
  static readonly BYTES = 4;

  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;

  /** A counter in `buffer` at `byteOffset` (a fresh zeroed buffer by default). */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(AtomicCounter.BYTES), byteOffset = 0) {
    throw new Error(
      `Not implemented yet: new AtomicCounter(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 1)`,
    );
  }

  /** The same counter, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): AtomicCounter {
    throw new Error(
      `Not implemented yet: AtomicCounter.from(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 1)`,
    );
  }

  /** Add `by` (default 1) and return the value after the addition. */
  increment(by = 1): number {
    throw new Error(`Not implemented yet: AtomicCounter.increment(${by}) (Task 1)`);
  }

  /** Subtract `by` (default 1) and return the value after the subtraction. */
  decrement(by = 1): number {
    throw new Error(`Not implemented yet: AtomicCounter.decrement(${by}) (Task 1)`);
  }

  /** The current value. */
  get(): number {
    throw new Error('Not implemented yet: AtomicCounter.get() (Task 1)');
  }

  /** Set the value to `next` only if it still is `expected`; true if it was set. */
  compareAndSet(expected: number, next: number): boolean {
    throw new Error(`Not implemented yet: AtomicCounter.compareAndSet(${expected}, ${next}) (Task 1)`);
  }
}
