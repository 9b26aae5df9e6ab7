import { assertMayBlock, deadlineAfter, int32View, selfId, waitAsyncUntil, waitBlocking } from './waiting';

// The state word (Drepper, "Futexes Are Tricky", mutex #3): 0 free, 1 held, 2 held and someone may
// be asleep on it. Only an unlock that sees 2 pays for Atomics.notify.
const FREE = 0;
const HELD = 1;
const CONTENDED = 2;
const STATE = 0;
const HOLDER = 1;
const SPINS = 100;

/**
 * A mutual-exclusion lock in a SharedArrayBuffer, shared by every thread that has the buffer.
 *
 * Workers use `lock()`, which sleeps with `Atomics.wait`; the main thread uses `lockAsync()`, which
 * waits with `Atomics.waitAsync` so its event loop keeps turning. The holder's thread id is recorded,
 * and `unlock()` by any other thread throws (it would let two threads into the critical section).
 *
 * Warning: not re-entrant: locking it twice on one thread deadlocks (use a timeout to find out).
 * Async code on one thread shares one thread id, so there the holder check cannot tell tasks apart.
 *
 * @example
 * const mutex = new Mutex();                   // main thread; pass mutex.buffer to workers
 * const m = Mutex.from(workerData);             // in a worker
 * m.lock();
 * try { shared[0]++; } finally { m.unlock(); }
 */
export class Mutex {
  /** Bytes one mutex occupies: a state word and a holder word. */
  static readonly BYTES = 8;

  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;
  private readonly words: Int32Array;

  /** A mutex in `buffer` at `byteOffset` (a fresh, unlocked one by default). */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(Mutex.BYTES), byteOffset = 0) {
    this.buffer = buffer;
    this.byteOffset = byteOffset;
    this.words = int32View(buffer, byteOffset, 2, 'Mutex');
  }

  /** The same mutex, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): Mutex {
    return new Mutex(buffer, byteOffset);
  }

  /** Take the lock if it is free right now; never waits. */
  tryLock(): boolean {
    // The check and the act are ONE compareExchange: a load-then-store lets two threads both see FREE.
    if (Atomics.compareExchange(this.words, STATE, FREE, HELD) !== FREE) return false;
    Atomics.store(this.words, HOLDER, selfId());
    return true;
  }

  /**
   * Take the lock, sleeping (Atomics.wait) until it is free or `timeoutMs` has passed.
   * Returns false on timeout. Workers only: on the main thread it throws; use lockAsync().
   */
  lock(timeoutMs = Number.POSITIVE_INFINITY): boolean {
    assertMayBlock('Mutex.lock');
    let c = Atomics.compareExchange(this.words, STATE, FREE, HELD);
    // Critical sections are usually far shorter than a sleep + wake-up (a system call and a context
    // switch each): spin a little first. Bounded, so a holder that is descheduled costs us little.
    for (let spin = 0; c !== FREE && spin < SPINS; spin++) {
      if (Atomics.load(this.words, STATE) === FREE)
        c = Atomics.compareExchange(this.words, STATE, FREE, HELD);
    }
    if (c !== FREE) {
      const deadline = deadlineAfter(timeoutMs); // only now: the uncontended path reads no clock
      // Announce a sleeper (2) before sleeping, so the holder's unlock knows to notify.
      if (c !== CONTENDED) c = Atomics.exchange(this.words, STATE, CONTENDED);
      while (c !== FREE) {
        // Sleeps only while the word is still 2: an unlock in between makes this return at once.
        if (waitBlocking(this.words, STATE, CONTENDED, deadline) === 'timed-out') return false;
        c = Atomics.exchange(this.words, STATE, CONTENDED);
      }
    }
    Atomics.store(this.words, HOLDER, selfId());
    return true;
  }

  /**
   * Take the lock without blocking the thread: resolves true once held, false after `timeoutMs`.
   * The main thread's way to lock; its event loop keeps running while it waits.
   */
  async lockAsync(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    let c = Atomics.compareExchange(this.words, STATE, FREE, HELD);
    if (c !== FREE) {
      const deadline = deadlineAfter(timeoutMs);
      if (c !== CONTENDED) c = Atomics.exchange(this.words, STATE, CONTENDED);
      while (c !== FREE) {
        if ((await waitAsyncUntil(this.words, STATE, CONTENDED, deadline)) === 'timed-out') return false;
        c = Atomics.exchange(this.words, STATE, CONTENDED);
      }
    }
    Atomics.store(this.words, HOLDER, selfId());
    return true;
  }

  /** Release the lock. Throws if this thread does not hold it. */
  unlock(): void {
    const holder = Atomics.load(this.words, HOLDER);
    if (holder !== selfId()) {
      // Releasing someone else's lock would let a third thread in beside the real holder.
      throw new Error(
        holder === 0
          ? `Mutex.unlock() on thread ${selfId() - 1}, but the mutex is not locked`
          : `Mutex.unlock() on thread ${selfId() - 1}, but thread ${holder - 1} holds it`,
      );
    }
    Atomics.store(this.words, HOLDER, 0);
    // 1 -> 0: nobody sleeps, done. 2 -> 1: someone may sleep: free it and wake one.
    if (Atomics.sub(this.words, STATE, 1) !== HELD) {
      Atomics.store(this.words, STATE, FREE);
      Atomics.notify(this.words, STATE, 1);
    }
  }

  /** Whether some thread holds it (a snapshot: it may change the next instant). */
  isLocked(): boolean {
    return Atomics.load(this.words, STATE) !== FREE;
  }

  /** The thread id of the holder, or undefined when free (a snapshot, for diagnostics). */
  holderThreadId(): number | undefined {
    const holder = Atomics.load(this.words, HOLDER);
    return holder === 0 ? undefined : holder - 1;
  }
}
