import { expectNoLeaks, repeatWithSeeds } from '@course/test-support';
import { describe, expect, it } from 'vitest';
import { AsyncBoundedQueue } from '../src/async-bounded-queue';
import { AsyncMutex } from '../src/async-mutex';
import { loopTurns } from './fixtures/harness';

/**
 * `tasks` async tasks each do read → await → write on one shared balance, optionally under `mutex`.
 * Returns the final balance (tasks when nothing was lost) and the most tasks inside at once.
 */
async function depositAll(tasks: number, yieldPoint: () => Promise<void>, mutex?: AsyncMutex) {
  const account = { balance: 0, inside: 0, maxInside: 0 };
  const deposit = async () => {
    account.inside++;
    account.maxInside = Math.max(account.maxInside, account.inside);
    const read = account.balance;
    await yieldPoint(); // the await between read and write: other tasks run here
    account.balance = read + 1;
    account.inside--;
  };
  await Promise.all(Array.from({ length: tasks }, () => (mutex ? mutex.runExclusive(deposit) : deposit())));
  return account;
}

describe('Task 6: Async mutex and async bounded queue', () => {
  expectNoLeaks();

  it('AsyncMutex: 20 read-await-write tasks lose no update, where the same code without it does (seeded)', async () => {
    let lostWithout = 0;
    await repeatWithSeeds(
      async ({ yieldPoint }) => {
        const unguarded = await depositAll(20, yieldPoint);
        lostWithout += 20 - unguarded.balance;
        const guarded = await depositAll(20, yieldPoint, new AsyncMutex());
        expect(guarded.balance, 'deposits that survived under the mutex').toBe(20);
        expect(guarded.maxInside, 'tasks inside the critical section at once').toBe(1);
      },
      { seeds: 10 },
    );
    // The hazard is real on one thread: without the mutex, updates were lost.
    expect(lostWithout).toBeGreaterThan(0);
  });

  it('AsyncMutex: waiters get the lock first come, first served, and release() twice throws', async () => {
    const mutex = new AsyncMutex();
    const release = await mutex.lock();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) =>
      mutex.lock().then((release) => {
        order.push(n);
        release();
      }),
    );
    await loopTurns(3);
    expect(order, 'nobody gets in while the lock is held').toEqual([]);
    release();
    expect(() => release()).toThrow(/twice/);
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    expect(mutex.isLocked()).toBe(false);
  });

  it('AsyncMutex: a task that calls lock() just as the holder releases waits behind the task already in line (no barging)', async () => {
    // The window is the moment between release() and the next waiter taking over. A release that
    // frees the lock and wakes the waiter a microtask later lets a newcomer in first (or lets both
    // in). The newcomer arrives 0, 1, 2 and 3 microtasks after release(): always inside that window.
    for (const hops of [0, 1, 2, 3]) {
      const mutex = new AsyncMutex();
      const release = await mutex.lock();
      const order: string[] = [];
      let inside = 0;
      let mostInside = 0;
      const holder = (who: string) => (unlock: () => void) => {
        inside++;
        mostInside = Math.max(mostInside, inside);
        order.push(who);
        // Leave on a later turn, so that a second task let in meanwhile is seen inside too.
        return loopTurns(1).then(() => {
          inside--;
          unlock();
        });
      };
      const waiter = mutex.lock(5_000).then(holder('waiter'));
      release();
      for (let i = 0; i < hops; i++) await Promise.resolve();
      const newcomer = mutex.lock(5_000).then(holder('newcomer'));
      await Promise.all([waiter, newcomer]);
      expect(
        order,
        `a newcomer calling lock() ${hops} microtask(s) after release() must queue behind the waiter (first come, first served): it barged ahead`,
      ).toEqual(['waiter', 'newcomer']);
      expect(mostInside, 'tasks holding the async mutex at once').toBe(1);
      expect(mutex.isLocked()).toBe(false);
    }
  });

  it('AsyncMutex: lock(timeoutMs) rejects in time, and the lock is not later handed to the one who gave up', async () => {
    const mutex = new AsyncMutex();
    const release = await mutex.lock();
    await expect(mutex.lock(20)).rejects.toThrow(/20 ms/);
    const next = mutex.lock(5_000);
    release();
    const releaseNext = await next;
    expect(mutex.isLocked()).toBe(true);
    releaseNext();
    expect(mutex.isLocked(), 'nobody holds it now: the timed-out waiter left the line').toBe(false);
  });

  it('AsyncBoundedQueue: 3 producers and 2 consumers with seeded yields move every item once, in order per producer', async () => {
    await repeatWithSeeds(
      async ({ random, yieldPoint }) => {
        const queue = new AsyncBoundedQueue<[number, number]>(1 + random.int(4));
        const count = 50;
        let maxSize = 0;
        const producers = [0, 1, 2].map(async (p) => {
          for (let seq = 0; seq < count; seq++) {
            await yieldPoint();
            expect(await queue.push([p, seq], 5_000)).toBe('ok');
            maxSize = Math.max(maxSize, queue.size());
          }
        });
        const consumers = [0, 1].map(async () => {
          const got: Array<[number, number]> = [];
          for await (const item of queue) {
            got.push(item);
            await yieldPoint();
          }
          return got;
        });
        await Promise.all(producers);
        queue.close();
        const results = await Promise.all(consumers);
        expect(maxSize, 'the queue never holds more than its capacity').toBeLessThanOrEqual(queue.capacity);
        for (const got of results) {
          for (const p of [0, 1, 2]) {
            const seqs = got.filter(([q]) => q === p).map(([, s]) => s);
            expect(seqs, `producer ${p}'s items as one consumer saw them`).toEqual(
              [...seqs].sort((a, b) => a - b),
            );
          }
        }
        const all = results
          .flat()
          .map(([p, s]) => p * count + s)
          .sort((a, b) => a - b);
        expect(all, 'every item exactly once').toEqual(Array.from({ length: 3 * count }, (_, i) => i));
      },
      { seeds: 10 },
    );
  });

  it('AsyncBoundedQueue: push waits while full, pop waits while empty, both time out, and close() wakes all', async () => {
    const queue = new AsyncBoundedQueue<string>(1);
    expect(await queue.pop(10)).toEqual({ status: 'timeout' });
    expect(await queue.push('a')).toBe('ok');
    expect(await queue.push('b', 10)).toBe('timeout');
    let pushed = false;
    const blockedPush = queue.push('c').then((status) => {
      pushed = true;
      return status;
    });
    await loopTurns(3);
    expect(pushed, 'push went through on a full queue').toBe(false);
    expect(await queue.pop()).toEqual({ status: 'ok', value: 'a' });
    expect(await blockedPush).toBe('ok');
    expect(await queue.pop()).toEqual({ status: 'ok', value: 'c' });

    const blockedPops = [queue.pop(5_000), queue.pop(5_000)];
    const anotherPush = new AsyncBoundedQueue<string>(1);
    await anotherPush.push('x');
    const blockedOnFull = anotherPush.push('y', 5_000);
    await loopTurns(3);
    queue.close();
    anotherPush.close();
    expect(await Promise.all(blockedPops)).toEqual([{ status: 'closed' }, { status: 'closed' }]);
    expect(await blockedOnFull).toBe('closed');
    expect(await queue.push('late')).toBe('closed');
    expect(await anotherPush.pop(), 'items pushed before close() are still delivered').toEqual({
      status: 'ok',
      value: 'x',
    });
    expect(await anotherPush.pop()).toEqual({ status: 'closed' });
  });
});
