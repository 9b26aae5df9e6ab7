import { liveHandles } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { findLostUpdates } from '../src/synchronization';
import { AsyncMutex } from '../src/synchronization/async-mutex';
import { withdrawTwice } from '../src/synchronization/async-race';
import { sharedCounter } from '../src/synchronization/lost-update';
import { asyncWaitOnMain, blockingWaitOnMain } from '../src/synchronization/main-thread-wait';
import {
  boundedBySemaphore,
  meetAtBarrier,
  twoLocks,
  waitForCondition,
} from '../src/synchronization/primitives';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('a shared counter incremented by several workers', () => {
  it('never ends above the expected count, and loses updates in at least one of several runs with plain ++', async () => {
    const { runs, observed } = await findLostUpdates({ workers: 4, iterations: 2_000_000, attempts: 10 });
    for (const r of runs) expect(r.final).toBeLessThanOrEqual(r.expected);
    expect(observed).toBe(true);
  });

  it('loses no update with Atomics.add', async () => {
    const r = await sharedCounter({ workers: 4, iterations: 500_000, mode: 'atomic' });
    expect(r.final).toBe(r.expected);
  });

  it('loses no update with ++ under the Atomics.wait/notify Mutex', async () => {
    const r = await sharedCounter({ workers: 4, iterations: 50_000, mode: 'mutex' });
    expect(r.final).toBe(r.expected);
  });
});

describe('waiting on the main thread', () => {
  it('lets Atomics.wait run on the main thread but blocks the loop: the waking timer fires only after it timed out', async () => {
    const blocking = await blockingWaitOnMain(100);
    expect(blocking.result).toBe('timed-out');
    expect(blocking.events).toEqual(['Atomics.wait returned timed-out', 'timer fired']);
    expect(blocking.ms).toBeGreaterThanOrEqual(90);
  });

  it('keeps the loop running with Atomics.waitAsync: the timer fires and wakes it', async () => {
    const async = await asyncWaitOnMain(10_000);
    expect(async.result).toBe('ok');
    expect(async.events).toEqual(['timer fired', 'Atomics.waitAsync resolved ok']);
  });
});

describe('the Atomics-based primitives', () => {
  it('a semaphore of 2 never lets more than 2 workers in at once, and every entry happens', async () => {
    const r = await boundedBySemaphore({ workers: 4, permits: 2, rounds: 30 });
    expect(r.maxInside).toBeGreaterThanOrEqual(1);
    expect(r.maxInside).toBeLessThanOrEqual(2);
    expect(r.entries).toBe(4 * 30);
    expect(r.permitsLeft).toBe(2);
  });

  it('a barrier releases nobody until all parties arrived, round after round', async () => {
    const r = await meetAtBarrier({ parties: 3, rounds: 4 });
    expect(r.seen).toEqual([
      [3, 6, 9, 12],
      [3, 6, 9, 12],
      [3, 6, 9, 12],
    ]);
  });

  it('a condition variable delivers the state change whichever side starts first', async () => {
    for (const waiterFirst of [true, false]) {
      const r = await waitForCondition({ waiterFirst });
      expect(r).toEqual({ waiterFirst, waiterSaw: 42, setterSaw: 42 });
    }
  });
});

describe('two locks', () => {
  it('deadlock when taken in opposite orders: a lock timeout detects it in every round', async () => {
    const r = await twoLocks({ ordered: false, rounds: 2, timeoutMs: 100 });
    expect(r.timedOut).toBeGreaterThanOrEqual(2);
    expect(r.completed).toBeLessThanOrEqual(2);
  });

  it('never deadlock when both take them in one global order', async () => {
    const r = await twoLocks({ ordered: true, rounds: 2_000, timeoutMs: 20_000 });
    expect(r).toEqual({ ordered: true, completed: 4_000, timedOut: 0 });
  });
});

describe('a race across await on one thread', () => {
  it('loses a withdrawal when both read before either writes', async () => {
    const r = await withdrawTwice({ start: 100, amount: 30, locked: false });
    expect(r.succeeded).toBe(2);
    expect(r.final).toBe(70);
    expect(r.expected).toBe(40);
  });

  it('is fixed by running each read-modify-write under an AsyncMutex', async () => {
    const r = await withdrawTwice({ start: 100, amount: 30, locked: true });
    expect(r).toMatchObject({ succeeded: 2, final: 40, expected: 40 });
  });

  it('an AsyncMutex keeps going after a task that rejects', async () => {
    const lock = new AsyncMutex();
    const failed = lock.run(() => Promise.reject(new Error('first fails')));
    const next = lock.run(async () => 'second runs');
    await expect(failed).rejects.toThrow('first fails');
    await expect(next).resolves.toBe('second runs');
  });
});
