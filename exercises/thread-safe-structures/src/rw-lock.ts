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
    throw new Error('Not implemented yet: ReadWriteLock constructor');
  }

  /** The same lock, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): ReadWriteLock {
    throw new Error('Not implemented yet: ReadWriteLock.from');
  }

  /** Take a read lock if no writer holds it or waits for it; never waits. */
  tryReadLock(): boolean {
    throw new Error('Not implemented yet: ReadWriteLock.tryReadLock');
  }

  /** Take a read lock, sleeping while a writer holds or waits for it; false after `timeoutMs`. */
  readLock(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    throw new Error('Not implemented yet: ReadWriteLock.readLock');
  }

  /** Release a read lock; the last reader out wakes the waiting writers. */
  readUnlock(): void {
    throw new Error('Not implemented yet: ReadWriteLock.readUnlock');
  }

  /** Take the write lock if nobody holds the lock; never waits. */
  tryWriteLock(): boolean {
    throw new Error('Not implemented yet: ReadWriteLock.tryWriteLock');
  }

  /** Take the write lock, sleeping until readers and writer are gone; false after `timeoutMs`. */
  writeLock(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    throw new Error('Not implemented yet: ReadWriteLock.writeLock');
  }

  /** Release the write lock and wake everyone waiting. Throws unless this thread holds it. */
  writeUnlock(): void {
    throw new Error('Not implemented yet: ReadWriteLock.writeUnlock');
  }

  /** A snapshot for diagnostics: readers inside, writers waiting, whether a writer holds it. */
  snapshot(): { readers: number; waitingWriters: number; writer: boolean } {
    throw new Error('Not implemented yet: ReadWriteLock.snapshot');
  }
}
