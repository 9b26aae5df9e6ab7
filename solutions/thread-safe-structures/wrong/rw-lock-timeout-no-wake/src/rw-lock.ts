import { assertMayBlock, deadlineAfter, int32View, selfId, waitBlocking } from './waiting';

// Everything lives in ONE word, changed only by compareExchange, so a thread that decides to sleep
// sleeps on exactly the state it looked at (any change makes Atomics.wait return): no lost wake-up.
//   bits  0-15  readers holding the lock
//   bits 16-29  writers waiting for it
//   bit   30    a writer holds it
const READERS = 0xffff;
const WAITING_ONE = 1 << 16;
const WAITING = 0x3fff << 16;
const WRITER = 1 << 30;
const STATE = 0;
const WRITER_ID = 1;

/**
 * A readers-writer lock in a SharedArrayBuffer: many readers at once, or one writer alone.
 *
 * Writers do not starve: once a writer is waiting, new readers queue behind it (readers already
 * inside finish, then the writer goes). Under a constant stream of writers, readers wait instead.
 *
 * @example
 * const rw = new ReadWriteLock();          // pass rw.buffer to workers
 * const lock = ReadWriteLock.from(workerData);
 * lock.readLock(); try { read(); } finally { lock.readUnlock(); }
 * lock.writeLock(); try { write(); } finally { lock.writeUnlock(); }
 */
export class ReadWriteLock {
  /** Bytes one lock occupies: the state word and the writer's thread id. */
  static readonly BYTES = 8;

  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;
  private readonly words: Int32Array;

  /** A lock in `buffer` at `byteOffset` (a fresh, free one by default). */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(ReadWriteLock.BYTES), byteOffset = 0) {
    this.buffer = buffer;
    this.byteOffset = byteOffset;
    this.words = int32View(buffer, byteOffset, 2, 'ReadWriteLock');
  }

  /** The same lock, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): ReadWriteLock {
    return new ReadWriteLock(buffer, byteOffset);
  }

  /** Take a read lock if no writer holds it or waits for it; never waits. */
  tryReadLock(): boolean {
    for (;;) {
      const s = Atomics.load(this.words, STATE);
      // A waiting writer blocks new readers: this is what keeps writers from starving.
      if (s & (WRITER | WAITING)) return false;
      if ((s & READERS) === READERS) throw new Error('ReadWriteLock: more than 65535 readers at once');
      if (Atomics.compareExchange(this.words, STATE, s, s + 1) === s) return true;
    }
  }

  /** Take a read lock, sleeping while a writer holds or waits for it; false after `timeoutMs`. */
  readLock(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    assertMayBlock('ReadWriteLock.readLock');
    const deadline = deadlineAfter(timeoutMs);
    for (;;) {
      if (this.tryReadLock()) return true;
      const s = Atomics.load(this.words, STATE);
      if (!(s & (WRITER | WAITING))) continue; // changed under us: try again
      if (waitBlocking(this.words, STATE, s, deadline) === 'timed-out') return this.tryReadLock();
    }
  }

  /** Release a read lock; the last reader out wakes the waiting writers. */
  readUnlock(): void {
    for (;;) {
      const s = Atomics.load(this.words, STATE);
      if ((s & READERS) === 0) throw new Error('ReadWriteLock.readUnlock() but no reader holds the lock');
      if (Atomics.compareExchange(this.words, STATE, s, s - 1) !== s) continue;
      if ((s & READERS) === 1 && s & WAITING) Atomics.notify(this.words, STATE);
      return;
    }
  }

  /** Take the write lock if nobody holds the lock; never waits. */
  tryWriteLock(): boolean {
    if (Atomics.compareExchange(this.words, STATE, 0, WRITER) !== 0) return false;
    Atomics.store(this.words, WRITER_ID, selfId());
    return true;
  }

  /** Take the write lock, sleeping until readers and writer are gone; false after `timeoutMs`. */
  writeLock(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    assertMayBlock('ReadWriteLock.writeLock');
    if (this.tryWriteLock()) return true;
    const deadline = deadlineAfter(timeoutMs);
    Atomics.add(this.words, STATE, WAITING_ONE); // from now on, new readers wait behind us
    for (;;) {
      const s = Atomics.load(this.words, STATE);
      if ((s & (WRITER | READERS)) === 0) {
        // Stop waiting and take it, in one step.
        if (Atomics.compareExchange(this.words, STATE, s, s - WAITING_ONE + WRITER) === s) break;
        continue;
      }
      if (waitBlocking(this.words, STATE, s, deadline) === 'timed-out') {
        const now = Atomics.load(this.words, STATE);
        if ((now & (WRITER | READERS)) === 0) continue; // free after all: take it
        Atomics.sub(this.words, STATE, WAITING_ONE);
        return false;
      }
    }
    Atomics.store(this.words, WRITER_ID, selfId());
    return true;
  }

  /** Release the write lock and wake everyone waiting. Throws unless this thread holds it. */
  writeUnlock(): void {
    const s = Atomics.load(this.words, STATE);
    const writer = Atomics.load(this.words, WRITER_ID);
    if (!(s & WRITER) || writer !== selfId()) {
      throw new Error(
        s & WRITER
          ? `ReadWriteLock.writeUnlock() on thread ${selfId() - 1}, but thread ${writer - 1} holds the write lock`
          : 'ReadWriteLock.writeUnlock() but no writer holds the lock',
      );
    }
    Atomics.store(this.words, WRITER_ID, 0);
    Atomics.sub(this.words, STATE, WRITER);
    Atomics.notify(this.words, STATE);
  }

  /** A snapshot for diagnostics: readers inside, writers waiting, whether a writer holds it. */
  snapshot(): { readers: number; waitingWriters: number; writer: boolean } {
    const s = Atomics.load(this.words, STATE);
    return { readers: s & READERS, waitingWriters: (s & WAITING) >>> 16, writer: (s & WRITER) !== 0 };
  }
}
