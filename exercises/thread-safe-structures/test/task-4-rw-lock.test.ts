import { expectNoLeaks, explore } from '@course/test-support';
import { describe, expect, it } from 'vitest';
import { ReadWriteLock } from '../src/rw-lock';
import { newGate } from './fixtures/gate';
import { EXPLORATION, EXPLORE_WORKER, loopTurns, runScenario, untilWord } from './fixtures/harness';

describe('Task 4: Readers-writer lock', () => {
  expectNoLeaks();

  it('lets 3 readers in at the same time', async () => {
    const lock = new ReadWriteLock();
    const shared = new SharedArrayBuffer(4);
    const readers = Array.from({ length: 3 }, () =>
      runScenario<string>(4, 'readersTogether', { lock: lock.buffer, shared, parties: 3 }),
    );
    expect(await Promise.all(readers)).toEqual(Array(3).fill('all readers inside at once'));
    expect(lock.tryWriteLock(), 'free again once the readers left').toBe(true);
    lock.writeUnlock();
  });

  it('2 writers and 2 readers x 3,000+ operations: a writer is always alone, readers never see half a write', async () => {
    const lock = new ReadWriteLock();
    const shared = new SharedArrayBuffer(5 * 4);
    const gate = newGate();
    const roles = ['writer', 'reader', 'writer', 'reader'] as const;
    await Promise.all(
      roles.map((role) =>
        runScenario(4, 'readersAndWriters', {
          lock: lock.buffer,
          shared,
          role,
          iterations: 3_000,
          gate,
          parties: roles.length,
        }),
      ),
    );
    const [readers, writers, violations, a, b] = new Int32Array(shared);
    expect(violations, 'times exclusion was broken').toBe(0);
    expect(a).toBe(b);
    expect(a).toBeGreaterThanOrEqual(6_000);
    expect([readers, writers]).toEqual([0, 0]);
  });

  it('writers do not starve: once a writer waits, new readers queue behind it', async () => {
    const lock = new ReadWriteLock();
    const signal = new Int32Array(new SharedArrayBuffer(8)); // [reader holds, release reader]
    const reader = runScenario<boolean>(4, 'holdRead', { lock: lock.buffer, signal: signal.buffer });
    await untilWord(signal, 0, (v) => v === 1, 'the first reader to take the lock');
    const writer = runScenario<boolean>(4, 'writeOnce', { lock: lock.buffer, timeoutMs: 15_000 });
    // Poll the lock's own snapshot until the writer is counted as waiting. The budget is time, not
    // event-loop turns: on a loaded one-core machine a worker may take longer to start than any
    // fixed number of turns (a cap of 50,000 turns failed the reference once in 42 runs).
    const deadline = performance.now() + 10_000;
    while (lock.snapshot().waitingWriters === 0) {
      if (performance.now() > deadline)
        throw new Error('The writer never showed up as waiting in snapshot().waitingWriters within 10 s');
      await loopTurns(1);
    }
    expect(lock.snapshot()).toEqual({ readers: 1, waitingWriters: 1, writer: false });
    expect(lock.tryReadLock(), 'a new reader got in ahead of a waiting writer: writers can starve').toBe(
      false,
    );
    Atomics.store(signal, 1, 1);
    Atomics.notify(signal, 1);
    expect(await reader, 'the reader was released by the test').toBe(true);
    expect(await writer, 'the waiting writer got the lock when the reader left').toBe(true);
    expect(lock.tryReadLock()).toBe(true);
    lock.readUnlock();
  });

  it('writeLock(timeoutMs) gives up while a reader holds the lock, and then lets readers in again', async () => {
    const lock = new ReadWriteLock();
    expect(lock.tryReadLock()).toBe(true);
    expect(await runScenario(4, 'writeOnce', { lock: lock.buffer, timeoutMs: 50 })).toBe(false);
    expect(lock.snapshot().waitingWriters, 'a writer that gave up is no longer waiting').toBe(0);
    expect(lock.tryReadLock(), 'readers are not blocked by a writer that gave up').toBe(true);
    lock.readUnlock();
    lock.readUnlock();
    expect(lock.tryWriteLock()).toBe(true);
    expect(lock.tryReadLock()).toBe(false);
    lock.writeUnlock();
  });

  it('explored: a writer that gives up wakes the reader queued behind it, in every interleaving', async () => {
    // A reader holds the lock for the whole run (taken in setup), so the writer can only time out;
    // the explorer lets it time out only once nothing else can run, i.e. once the second reader is
    // asleep behind it. That reader waits with no timeout: only the writer leaving can wake it.
    await explore({
      name: 'rw-lock-writer-gives-up',
      worker: EXPLORE_WORKER,
      participants: [
        { name: 'writer', scenario: 'writerGivesUp' },
        { name: 'reader', scenario: 'readThrough' },
      ],
      setup: () => {
        const lock = new ReadWriteLock();
        if (!lock.tryReadLock()) throw new Error('tryReadLock() failed on a fresh lock');
        return { lock: lock.buffer };
      },
      check: ({ results }) =>
        expect(results, '[writer got the lock, reader got the lock]').toEqual([false, true]),
      hint: 'a writer that times out stops blocking new readers; readers already asleep behind it waited only because of it and must be woken (Atomics.notify) when it leaves.',
      ...EXPLORATION,
    });
  });

  it('writeUnlock() by a thread that does not hold the write lock throws', async () => {
    const lock = new ReadWriteLock();
    expect(await runScenario<string>(4, 'writeUnlockNotHeld', { lock: lock.buffer })).toMatch(
      /no writer|not hold|does not hold/i,
    );
    expect(lock.tryWriteLock()).toBe(true);
    expect(await runScenario<string>(4, 'writeUnlockNotHeld', { lock: lock.buffer })).toMatch(/thread 0/);
    lock.writeUnlock();
    expect(() => lock.readUnlock()).toThrow(/no reader/);
  });
});
