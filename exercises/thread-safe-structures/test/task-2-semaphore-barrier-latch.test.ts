import { expectNoLeaks, explore } from '@course/test-support';
import { describe, expect, it } from 'vitest';
import { Barrier } from '../src/barrier';
import { CountdownLatch } from '../src/countdown-latch';
import { Semaphore } from '../src/semaphore';
import { newGate } from './fixtures/gate';
import { EXPLORATION, EXPLORE_WORKER, loopTurns, runScenario } from './fixtures/harness';

describe('Task 2: Semaphore, Barrier and countdown latch', () => {
  expectNoLeaks();

  it('Semaphore(3): 5 workers x 3,000+ acquire/release never have more than 3 holders inside', async () => {
    const semaphore = new Semaphore(3);
    const shared = new SharedArrayBuffer(8);
    const gate = newGate();
    await Promise.all(
      Array.from({ length: 5 }, () =>
        runScenario(2, 'hammerSemaphore', {
          semaphore: semaphore.buffer,
          shared,
          iterations: 3_000,
          gate,
          parties: 5,
        }),
      ),
    );
    const [inside, maxInside] = new Int32Array(shared);
    expect(maxInside, 'most holders inside at once').toBeLessThanOrEqual(3);
    expect(inside).toBe(0);
    expect(semaphore.available(), 'every permit came back').toBe(3);
  });

  it('Semaphore: hands out exactly its permits, then tryAcquire fails until a release', async () => {
    const semaphore = new Semaphore(2);
    expect(semaphore.tryAcquire()).toBe(true);
    expect(await semaphore.acquireAsync(1_000)).toBe(true);
    expect(semaphore.tryAcquire(), 'a third permit out of two').toBe(false);
    semaphore.release();
    expect(Semaphore.from(semaphore.buffer).tryAcquire()).toBe(true);
    semaphore.release(2);
    expect(semaphore.available()).toBe(2);
  });

  it('Semaphore.acquire(timeoutMs) in a worker returns false when no permit is released in time', async () => {
    const semaphore = new Semaphore(0);
    const { got, waitedMs } = await runScenario<{ got: boolean; waitedMs: number }>(2, 'acquireWithTimeout', {
      semaphore: semaphore.buffer,
      timeoutMs: 60,
    });
    expect(got).toBe(false);
    expect(waitedMs).toBeGreaterThanOrEqual(55);
  });

  it('Semaphore.acquireAsync waits for a release from a worker while the event loop keeps turning', async () => {
    const semaphore = new Semaphore(0);
    let turns = 0;
    let settled = false;
    const acquired = semaphore.acquireAsync(5_000).finally(() => {
      settled = true;
    });
    for (; turns < 10 && !settled; turns++) await loopTurns(1);
    expect(settled, 'acquireAsync settled before any permit existed').toBe(false);
    await runScenario(2, 'release', { semaphore: semaphore.buffer, n: 1 });
    expect(await acquired).toBe(true);
    expect(turns).toBe(10);
    expect(semaphore.available()).toBe(0);
  });

  it('CountdownLatch: waitAsync resolves only once all 3 workers have counted down', async () => {
    const latch = new CountdownLatch(3);
    await Promise.all([
      runScenario(2, 'countDown', { latch: latch.buffer }),
      runScenario(2, 'countDown', { latch: latch.buffer }),
    ]);
    expect(latch.remaining()).toBe(1);
    expect(await latch.waitAsync(30), 'the latch opened with one count missing').toBe(false);
    const waiter = runScenario<boolean>(2, 'awaitLatch', { latch: latch.buffer, timeoutMs: 5_000 });
    await runScenario(2, 'countDown', { latch: latch.buffer });
    expect(await latch.waitAsync(5_000)).toBe(true);
    expect(await waiter, 'a worker blocked in wait() was woken').toBe(true);
    expect(() => latch.countDown()).toThrow(/more times than its count|already/i);
  });

  it('Barrier: 4 workers x 30 rounds; nobody leaves a round before everyone arrived, and the barrier is reusable', async () => {
    const parties = 4;
    const rounds = 30;
    const barrier = new Barrier(parties);
    const arrivals = new SharedArrayBuffer(rounds * 4);
    const results = await Promise.all(
      Array.from({ length: parties }, () =>
        runScenario<{ early: number[]; indexes: number[] }>(2, 'barrierRounds', {
          barrier: barrier.buffer,
          arrivals,
          rounds,
          parties,
        }),
      ),
    );
    expect(
      results.flatMap((r) => r.early),
      'rounds someone left early',
    ).toEqual([]);
    for (let r = 0; r < rounds; r++) {
      const indexes = results.map((res) => res.indexes[r]).sort();
      expect(indexes, `arrival indexes of round ${r}`).toEqual([0, 1, 2, 3]);
    }
  });

  // Explored: the same small scenario under many interleavings, each forced step by step by the
  // explorer (@course/test-support explore), not left to the machine. A race whose window is a few
  // instructions wide shows up in the first schedules that put another thread inside that window.
  it('CountdownLatch, explored: 2 threads counting down and 1 waiting open the latch in every interleaving', async () => {
    await explore({
      name: 'latch',
      worker: EXPLORE_WORKER,
      participants: [
        { name: 'counter 1', scenario: 'countDown' },
        { name: 'counter 2', scenario: 'countDown' },
        { name: 'waiter', scenario: 'awaitLatch' },
      ],
      setup: () => ({ latch: new CountdownLatch(2).buffer }),
      check: ({ shared, results }) => {
        expect(CountdownLatch.from(shared.latch as SharedArrayBuffer).remaining(), 'count left').toBe(0);
        expect(results[2], 'wait() of the waiter').toBe(true);
      },
      hint: 'countDown() must take one off the count in one atomic step (Atomics.sub or a compareExchange loop): two threads that both read the count and then both write it lose one countDown.',
      ...EXPLORATION,
    });
  });

  it('Semaphore, explored: release(2) wakes both threads asleep in acquire(), in every interleaving', async () => {
    await explore({
      name: 'semaphore-release-n',
      worker: EXPLORE_WORKER,
      participants: [
        { name: 'acquirer 1', scenario: 'acquire' },
        { name: 'acquirer 2', scenario: 'acquire' },
        { name: 'releaser', scenario: 'release', args: { n: 2 } },
      ],
      setup: () => ({ semaphore: new Semaphore(0).buffer }),
      check: ({ shared, results }) => {
        expect(results.slice(0, 2), 'acquire() results').toEqual([true, true]);
        expect(Semaphore.from(shared.semaphore as SharedArrayBuffer).available(), 'permits left').toBe(0);
      },
      hint: 'release(n) gives back n permits, so it must wake up to n sleepers (Atomics.notify(word, index, n)); waking one leaves the others asleep next to free permits.',
      ...EXPLORATION,
    });
  });

  it('Barrier, explored: 2 parties x 2 rounds always get through, in every interleaving', async () => {
    await explore({
      name: 'barrier',
      worker: EXPLORE_WORKER,
      participants: [
        { name: 'party 1', scenario: 'barrierRounds', args: { rounds: 2 } },
        { name: 'party 2', scenario: 'barrierRounds', args: { rounds: 2 } },
      ],
      setup: () => ({ barrier: new Barrier(2).buffer }),
      check: ({ results }) => {
        const [a, b] = results as number[][];
        for (let r = 0; r < 2; r++) {
          expect([a?.[r], b?.[r]].sort(), `arrival indexes of round ${r}`).toEqual([0, 1]);
        }
      },
      hint: 'read the round BEFORE arriving: once you have arrived, the last party may open the barrier and start the next round before you read it, and you then wait for a round that needs you to arrive again.',
      ...EXPLORATION,
    });
  });

  it('Barrier.arriveAndWait fails with a clear message when a party never arrives', async () => {
    const barrier = new Barrier(2);
    expect(await runScenario<string>(2, 'lonelyBarrier', { barrier: barrier.buffer, timeoutMs: 50 })).toMatch(
      /1 of 2/,
    );
  });
});
