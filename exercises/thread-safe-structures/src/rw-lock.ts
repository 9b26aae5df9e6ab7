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

  /** A lock in `buffer` at `byteOffset` (a fresh, free one by default). */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(ReadWriteLock.BYTES), byteOffset = 0) {
    throw new Error(
      `Not implemented yet: new ReadWriteLock(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 4)`,
    );
  }

  /** The same lock, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): ReadWriteLock {
    throw new Error(
      `Not implemented yet: ReadWriteLock.from(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 4)`,
    );
  }

  /** Take a read lock if no writer holds it or waits for it; never waits. */
  tryReadLock(): boolean {
    throw new Error('Not implemented yet: ReadWriteLock.tryReadLock() (Task 4)');
  }

  /** Take a read lock, sleeping while a writer holds or waits for it; false after `timeoutMs`. */
  readLock(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    throw new Error(`Not implemented yet: ReadWriteLock.readLock(${timeoutMs}) (Task 4)`);
  }

  /** Release a read lock; the last reader out wakes the waiting writers. */
  readUnlock(): void {
    throw new Error('Not implemented yet: ReadWriteLock.readUnlock() (Task 4)');
  }

  /** Take the write lock if nobody holds the lock; never waits. */
  tryWriteLock(): boolean {
    throw new Error('Not implemented yet: ReadWriteLock.tryWriteLock() (Task 4)');
  }

  /** Take the write lock, sleeping until readers and writer are gone; false after `timeoutMs`. */
  writeLock(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    throw new Error(`Not implemented yet: ReadWriteLock.writeLock(${timeoutMs}) (Task 4)`);
  }

  /** Release the write lock and wake everyone waiting. Throws unless this thread holds it. */
  writeUnlock(): void {
    throw new Error('Not implemented yet: ReadWriteLock.writeUnlock() (Task 4)');
  }

  /** A snapshot for diagnostics: readers inside, writers waiting, whether a writer holds it. */
  snapshot(): { readers: number; waitingWriters: number; writer: boolean } {
    throw new Error('Not implemented yet: ReadWriteLock.snapshot() (Task 4)');
  }
}
