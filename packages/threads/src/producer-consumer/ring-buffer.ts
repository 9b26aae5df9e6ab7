import { Condition } from '../synchronization/condition';
import { Mutex } from '../synchronization/mutex';

/** Header slots before the items. */
const H = {
  mutex: 0,
  notEmpty: 1,
  notFull: 2,
  head: 3,
  tail: 4,
  count: 5,
  closed: 6,
  maxDepth: 7,
  /** Times a producer found the buffer full and had to sleep: backpressure at work. */
  fullWaits: 8,
  /** Producers still running; the last one to finish closes the buffer. */
  producersLeft: 9,
  size: 10,
} as const;

/**
 * A bounded FIFO of int32 items in a SharedArrayBuffer, for producer and consumer *workers*: `put`
 * sleeps while the buffer is full (backpressure: a fast producer is slowed to the consumers' pace
 * instead of filling memory), `take` sleeps while it is empty. One mutex guards head/tail/count; two
 * condition variables say "not empty" and "not full".
 *
 * Warning: `put`/`take` block their thread (Atomics.wait). Use them in workers, not on the main thread.
 *
 * @example
 * const sab = RingBuffer.allocate(64, 2); // room for 64 items, 2 producers
 * new RingBuffer(sab).put(7);             // in a producer worker
 * new RingBuffer(sab).take();             // in a consumer worker: 7, or undefined once closed and empty
 */
export class RingBuffer {
  private readonly cells: Int32Array;
  private readonly capacity: number;
  private readonly mutex: Mutex;
  private readonly notEmpty: Condition;
  private readonly notFull: Condition;

  static allocate(capacity: number, producers: number): SharedArrayBuffer {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`RingBuffer capacity must be a whole number >= 1, got ${capacity}`);
    const sab = new SharedArrayBuffer((H.size + capacity) * Int32Array.BYTES_PER_ELEMENT);
    Atomics.store(new Int32Array(sab), H.producersLeft, producers);
    return sab;
  }

  constructor(sab: SharedArrayBuffer) {
    this.cells = new Int32Array(sab);
    this.capacity = this.cells.length - H.size;
    this.mutex = new Mutex(this.cells, H.mutex);
    this.notEmpty = new Condition(this.cells, H.notEmpty);
    this.notFull = new Condition(this.cells, H.notFull);
  }

  put(item: number): void {
    const c = this.cells;
    this.mutex.lock();
    try {
      while (c[H.count] === this.capacity && c[H.closed] === 0) {
        Atomics.add(c, H.fullWaits, 1);
        Atomics.notify(c, H.fullWaits); // lets a watcher (the lesson) see a producer is held back
        this.notFull.wait(this.mutex);
      }
      if (c[H.closed] === 1) throw new Error('RingBuffer.put(): the buffer is closed');
      c[H.size + c[H.tail]!] = item;
      c[H.tail] = (c[H.tail]! + 1) % this.capacity;
      c[H.count]!++;
      if (c[H.count]! > c[H.maxDepth]!) c[H.maxDepth] = c[H.count]!;
      this.notEmpty.notifyOne();
    } finally {
      this.mutex.unlock();
    }
  }

  /** The next item, or `undefined` once the buffer is closed and drained (consumers then stop). */
  take(): number | undefined {
    const c = this.cells;
    this.mutex.lock();
    try {
      while (c[H.count] === 0 && c[H.closed] === 0) this.notEmpty.wait(this.mutex);
      if (c[H.count] === 0) return undefined; // closed and empty: nothing more will ever come
      const item = c[H.size + c[H.head]!]!;
      c[H.head] = (c[H.head]! + 1) % this.capacity;
      c[H.count]!--;
      this.notFull.notifyOne();
      return item;
    } finally {
      this.mutex.unlock();
    }
  }

  /** A producer is done; the last one closes the buffer so consumers finish after draining it. */
  producerDone(): void {
    if (Atomics.sub(this.cells, H.producersLeft, 1) === 1) this.close();
  }

  close(): void {
    this.mutex.lock();
    this.cells[H.closed] = 1;
    // Wake every sleeper: consumers drain what is left then stop; producers stop putting.
    this.notEmpty.notifyAll();
    this.notFull.notifyAll();
    this.mutex.unlock();
  }

  /** Read-only figures, safe from any thread (the main thread included: no waiting). */
  static stats(sab: SharedArrayBuffer) {
    const c = new Int32Array(sab);
    return {
      capacity: c.length - H.size,
      count: Atomics.load(c, H.count),
      maxDepth: Atomics.load(c, H.maxDepth),
      fullWaits: Atomics.load(c, H.fullWaits),
      closed: Atomics.load(c, H.closed) === 1,
    };
  }

  /** Slot index of the full-waits counter, for `Atomics.waitAsync` on the main thread. */
  static readonly FULL_WAITS_SLOT = H.fullWaits;
}
