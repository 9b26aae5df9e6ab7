import { int32View } from './waiting';

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
  private readonly word: Int32Array;

  /** A counter in `buffer` at `byteOffset` (a fresh zeroed buffer by default). */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(AtomicCounter.BYTES), byteOffset = 0) {
    this.buffer = buffer;
    this.byteOffset = byteOffset;
    this.word = int32View(buffer, byteOffset, 1, 'AtomicCounter');
  }

  /** The same counter, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): AtomicCounter {
    return new AtomicCounter(buffer, byteOffset);
  }

  /** Add `by` (default 1) and return the value after the addition. */
  increment(by = 1): number {
    // Atomics.add returns the value BEFORE the addition: one indivisible read-modify-write.
    return Atomics.add(this.word, 0, by) + by;
  }

  /** Subtract `by` (default 1) and return the value after the subtraction. */
  decrement(by = 1): number {
    return Atomics.sub(this.word, 0, by) - by;
  }

  /** The current value. */
  get(): number {
    return Atomics.load(this.word, 0);
  }

  /** Set the value to `next` only if it still is `expected`; true if it was set. */
  compareAndSet(expected: number, next: number): boolean {
    // compareExchange returns what it found: equal to `expected` exactly when the swap happened.
    return Atomics.compareExchange(this.word, 0, expected, next) === expected;
  }
}
