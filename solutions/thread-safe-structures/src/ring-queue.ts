import { Condition } from './condition';
import { Mutex } from './mutex';
import { deadlineAfter, int32View, remaining } from './waiting';

// Header layout, in 32-bit words. The Mutex and the two Conditions live inside the same buffer, so
// `RingQueue.from(buffer)` in any worker sees the very same lock and the very same sleepers.
const MUTEX = 0; // 2 words
const NOT_EMPTY = 2;
const NOT_FULL = 3;
const HEAD = 4; // slot of the oldest record
const COUNT = 5; // records stored
const CLOSED = 6;
const CAPACITY = 7;
const RECORD_INTS = 8;
const POP_WAITERS = 9;
const PUSH_WAITERS = 10;
const HEADER_INTS = 16;

/** What a push or pop ended with. */
export type QueueStatus = 'ok' | 'timeout' | 'closed';

/**
 * A bounded multi-producer multi-consumer queue of fixed-size records (`recordInts` 32-bit
 * integers each) in a SharedArrayBuffer: a ring of `capacity` slots guarded by a Mutex, with
 * "not empty" and "not full" Conditions for the sleepers.
 *
 * Records are copied in and out (no allocation per item), so it moves millions of small records per
 * second between workers, where one postMessage per item costs a structured clone and a wake-up.
 *
 * Blocking methods are for workers (they sleep with Atomics.wait); the main thread creates the queue,
 * hands `queue.buffer` to workers, and may `closeAsync()` it.
 *
 * @example
 * const q = RingQueue.create(1024, 2);           // 1024 slots of 2 ints; pass q.buffer to workers
 * const queue = RingQueue.from(workerData);      // producer worker
 * queue.push([producerId, seq]);                  // 'ok' | 'timeout' | 'closed'
 * const rec = new Int32Array(2);                 // consumer worker
 * while (queue.pop(rec) === 'ok') use(rec);       // until closed and drained
 */
export class RingQueue {
  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;
  readonly capacity: number;
  readonly recordInts: number;
  private readonly header: Int32Array;
  private readonly slots: Int32Array;
  private readonly mutex: Mutex;
  private readonly notEmpty: Condition;
  private readonly notFull: Condition;

  /** Bytes a queue of `capacity` records of `recordInts` ints needs. */
  static bytesFor(capacity: number, recordInts: number): number {
    return (HEADER_INTS + capacity * recordInts) * 4;
  }

  /** A new, empty queue in a fresh SharedArrayBuffer (or in `buffer` at `byteOffset`). */
  static create(capacity: number, recordInts: number, buffer?: SharedArrayBuffer, byteOffset = 0): RingQueue {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
    if (!Number.isInteger(recordInts) || recordInts < 1)
      throw new RangeError(`recordInts must be an integer >= 1, got ${recordInts}`);
    const sab = buffer ?? new SharedArrayBuffer(RingQueue.bytesFor(capacity, recordInts));
    const header = int32View(sab, byteOffset, HEADER_INTS, 'RingQueue');
    header.fill(0);
    Atomics.store(header, CAPACITY, capacity);
    Atomics.store(header, RECORD_INTS, recordInts);
    return new RingQueue(sab, byteOffset);
  }

  /** The same queue, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): RingQueue {
    return new RingQueue(buffer, byteOffset);
  }

  /** Attach to a queue made by `RingQueue.create` in `buffer` at `byteOffset`. */
  constructor(buffer: SharedArrayBuffer, byteOffset = 0) {
    this.buffer = buffer;
    this.byteOffset = byteOffset;
    this.header = int32View(buffer, byteOffset, HEADER_INTS, 'RingQueue');
    this.capacity = Atomics.load(this.header, CAPACITY);
    this.recordInts = Atomics.load(this.header, RECORD_INTS);
    if (this.capacity < 1 || this.recordInts < 1) {
      throw new Error(
        `No RingQueue at byte ${byteOffset} of this buffer (capacity ${this.capacity}); make one with RingQueue.create`,
      );
    }
    this.slots = int32View(
      buffer,
      byteOffset + HEADER_INTS * 4,
      this.capacity * this.recordInts,
      'RingQueue slots',
    );
    this.mutex = new Mutex(buffer, byteOffset + MUTEX * 4);
    this.notEmpty = new Condition(buffer, byteOffset + NOT_EMPTY * 4);
    this.notFull = new Condition(buffer, byteOffset + NOT_FULL * 4);
  }

  /**
   * Append `record` (exactly `recordInts` integers), sleeping while the queue is full.
   * 'timeout' after `timeoutMs`, 'closed' once the queue is closed. Workers only.
   */
  push(record: ArrayLike<number>, timeoutMs = Number.POSITIVE_INFINITY): QueueStatus {
    if (record.length !== this.recordInts) {
      throw new RangeError(`RingQueue.push: a record has ${this.recordInts} ints, got ${record.length}`);
    }
    const deadline = deadlineAfter(timeoutMs);
    if (!this.mutex.lock(remaining(deadline))) return 'timeout';
    try {
      const h = this.header;
      // A loop, not an if: after a wake-up another producer may have filled the slot first.
      while (h[COUNT] === this.capacity && !h[CLOSED]) {
        Atomics.add(h, PUSH_WAITERS, 1);
        const notified = this.notFull.wait(this.mutex, remaining(deadline));
        Atomics.sub(h, PUSH_WAITERS, 1);
        if (!notified && h[COUNT] === this.capacity && !h[CLOSED]) return 'timeout';
      }
      if (h[CLOSED]) return 'closed';
      const slot = ((h[HEAD] as number) + (h[COUNT] as number)) % this.capacity;
      this.slots.set(record, slot * this.recordInts);
      Atomics.add(h, COUNT, 1);
      // Only pay for a notify when someone sleeps (the counters are only changed under the mutex).
      if (h[POP_WAITERS]) this.notEmpty.notifyOne();
      return 'ok';
    } finally {
      this.mutex.unlock();
    }
  }

  /**
   * Take the oldest record into `into` (an Int32Array of `recordInts`), sleeping while empty.
   * 'closed' once the queue is closed AND drained (records pushed before close() are still
   * delivered); 'timeout' after `timeoutMs`. Workers only.
   */
  pop(into: Int32Array, timeoutMs = Number.POSITIVE_INFINITY): QueueStatus {
    if (into.length !== this.recordInts) {
      throw new RangeError(`RingQueue.pop: \`into\` must hold ${this.recordInts} ints, got ${into.length}`);
    }
    const deadline = deadlineAfter(timeoutMs);
    if (!this.mutex.lock(remaining(deadline))) return 'timeout';
    try {
      const h = this.header;
      while (h[COUNT] === 0 && !h[CLOSED]) {
        Atomics.add(h, POP_WAITERS, 1);
        const notified = this.notEmpty.wait(this.mutex, remaining(deadline));
        Atomics.sub(h, POP_WAITERS, 1);
        if (!notified && h[COUNT] === 0 && !h[CLOSED]) return 'timeout';
      }
      if (h[COUNT] === 0) return 'closed';
      const head = h[HEAD] as number;
      const start = head * this.recordInts;
      // A plain copy: `into.set(slots.subarray(...))` would allocate a view per item.
      for (let k = 0; k < this.recordInts; k++) into[k] = this.slots[start + k] as number;
      h[HEAD] = (head + 1) % this.capacity;
      Atomics.sub(h, COUNT, 1);
      if (h[PUSH_WAITERS]) this.notFull.notifyOne();
      return 'ok';
    } finally {
      this.mutex.unlock();
    }
  }

  /**
   * Close the queue and wake every sleeper: pushes return 'closed' from now on, pops drain what is
   * left and then return 'closed'. Takes the mutex (so no sleeper can miss it); workers only.
   */
  close(): void {
    this.mutex.lock();
    try {
      this.markClosed();
    } finally {
      this.mutex.unlock();
    }
  }

  /** close() for the main thread: waits for the mutex with Atomics.waitAsync. */
  async closeAsync(timeoutMs = 5_000): Promise<void> {
    if (!(await this.mutex.lockAsync(timeoutMs))) {
      throw new Error(
        `RingQueue.closeAsync: the queue's mutex stayed locked for ${timeoutMs} ms (a worker died holding it?)`,
      );
    }
    try {
      this.markClosed();
    } finally {
      this.mutex.unlock();
    }
  }

  /** Records stored right now (a snapshot). */
  size(): number {
    return Atomics.load(this.header, COUNT);
  }

  /** Whether close() has been called. */
  isClosed(): boolean {
    return Atomics.load(this.header, CLOSED) === 1;
  }

  private markClosed(): void {
    // Set under the mutex: a consumer that checked CLOSED and is about to sleep still holds the
    // mutex, so it either sees 1 or is already registered on the condition we bump next.
    this.header[CLOSED] = 1;
    this.notEmpty.notifyAll();
    this.notFull.notifyAll();
  }
}
