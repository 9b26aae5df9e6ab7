// Suggested layout (32-bit words): a Mutex (2 words) and two Conditions (1 word each) at the start
// of the same buffer, then head, count, closed, capacity, recordInts, then the slots. Any layout
// works as long as RingQueue.from(buffer) in another worker finds everything again.

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

  /** Bytes a queue of `capacity` records of `recordInts` ints needs. */
  static bytesFor(capacity: number, recordInts: number): number {
    throw new Error(`Not implemented yet: RingQueue.bytesFor(${capacity}, ${recordInts}) (Task 5)`);
  }

  /** A new, empty queue in a fresh SharedArrayBuffer (or in `buffer` at `byteOffset`). */
  static create(capacity: number, recordInts: number, buffer?: SharedArrayBuffer, byteOffset = 0): RingQueue {
    throw new Error(
      `Not implemented yet: RingQueue.create(${capacity}, ${recordInts}, ${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 5)`,
    );
  }

  /** The same queue, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): RingQueue {
    throw new Error(
      `Not implemented yet: RingQueue.from(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 5)`,
    );
  }

  /** Attach to a queue made by `RingQueue.create` in `buffer` at `byteOffset`. */
  constructor(buffer: SharedArrayBuffer, byteOffset = 0) {
    throw new Error(
      `Not implemented yet: new RingQueue(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 5)`,
    );
  }

  /**
   * Append `record` (exactly `recordInts` integers), sleeping while the queue is full.
   * 'timeout' after `timeoutMs`, 'closed' once the queue is closed. Workers only.
   */
  push(record: ArrayLike<number>, timeoutMs = Number.POSITIVE_INFINITY): QueueStatus {
    throw new Error(
      `Not implemented yet: RingQueue.push(${Object.prototype.toString.call(record).slice(8, -1)}, ${timeoutMs}) (Task 5)`,
    );
  }

  /**
   * Take the oldest record into `into` (an Int32Array of `recordInts`), sleeping while empty.
   * 'closed' once the queue is closed AND drained (records pushed before close() are still
   * delivered); 'timeout' after `timeoutMs`. Workers only.
   */
  pop(into: Int32Array, timeoutMs = Number.POSITIVE_INFINITY): QueueStatus {
    throw new Error(
      `Not implemented yet: RingQueue.pop(${Object.prototype.toString.call(into).slice(8, -1)}, ${timeoutMs}) (Task 5)`,
    );
  }

  /**
   * Close the queue and wake every sleeper: pushes return 'closed' from now on, pops drain what is
   * left and then return 'closed'. Takes the mutex (so no sleeper can miss it); workers only.
   */
  close(): void {
    throw new Error('Not implemented yet: RingQueue.close() (Task 5)');
  }

  /** close() for the main thread: waits for the mutex with Atomics.waitAsync. */
  async closeAsync(timeoutMs = 5_000): Promise<void> {
    throw new Error(`Not implemented yet: RingQueue.closeAsync(${timeoutMs}) (Task 5)`);
  }

  /** Records stored right now (a snapshot). */
  size(): number {
    throw new Error('Not implemented yet: RingQueue.size() (Task 5)');
  }

  /** Whether close() has been called. */
  isClosed(): boolean {
    throw new Error('Not implemented yet: RingQueue.isClosed() (Task 5)');
  }
}
