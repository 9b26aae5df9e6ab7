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
    throw new Error('Not implemented yet: RingQueue.bytesFor');
  }

  /** A new, empty queue in a fresh SharedArrayBuffer (or in `buffer` at `byteOffset`). */
  static create(capacity: number, recordInts: number, buffer?: SharedArrayBuffer, byteOffset = 0): RingQueue {
    throw new Error('Not implemented yet: RingQueue.create');
  }

  /** The same queue, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): RingQueue {
    throw new Error('Not implemented yet: RingQueue.from');
  }

  /** Attach to a queue made by `RingQueue.create` in `buffer` at `byteOffset`. */
  constructor(buffer: SharedArrayBuffer, byteOffset = 0) {
    throw new Error('Not implemented yet: RingQueue constructor');
  }

  /**
   * Append `record` (exactly `recordInts` integers), sleeping while the queue is full.
   * 'timeout' after `timeoutMs`, 'closed' once the queue is closed. Workers only.
   */
  push(record: ArrayLike<number>, timeoutMs = Number.POSITIVE_INFINITY): QueueStatus {
    throw new Error('Not implemented yet: RingQueue.push');
  }

  /**
   * Take the oldest record into `into` (an Int32Array of `recordInts`), sleeping while empty.
   * 'closed' once the queue is closed AND drained (records pushed before close() are still
   * delivered); 'timeout' after `timeoutMs`. Workers only.
   */
  pop(into: Int32Array, timeoutMs = Number.POSITIVE_INFINITY): QueueStatus {
    throw new Error('Not implemented yet: RingQueue.pop');
  }

  /**
   * Close the queue and wake every sleeper: pushes return 'closed' from now on, pops drain what is
   * left and then return 'closed'. Takes the mutex (so no sleeper can miss it); workers only.
   */
  close(): void {
    throw new Error('Not implemented yet: RingQueue.close');
  }

  /** close() for the main thread: waits for the mutex with Atomics.waitAsync. */
  async closeAsync(timeoutMs = 5_000): Promise<void> {
    throw new Error('Not implemented yet: RingQueue.closeAsync');
  }

  /** Records stored right now (a snapshot). */
  size(): number {
    throw new Error('Not implemented yet: RingQueue.size');
  }

  /** Whether close() has been called. */
  isClosed(): boolean {
    throw new Error('Not implemented yet: RingQueue.isClosed');
  }

  private markClosed(): void {
    throw new Error('Not implemented yet: RingQueue.markClosed');
  }
}
