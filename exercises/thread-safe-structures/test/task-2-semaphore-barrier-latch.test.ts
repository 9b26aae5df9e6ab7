import { expectNoLeaks } from '@course/test-support';
import { describe, expect, it } from 'vitest';
import { Barrier } from '../src/barrier';
import { CountdownLatch } from '../src/countdown-latch';
import { Semaphore } from '../src/semaphore';
import { newGate } from './fixtures/gate';
import { loopTurns, runScenario } from './fixtures/harness';

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

  it('Barrier.arriveAndWait fails with a clear message when a party never arrives', async () => {
    const barrier = new Barrier(2);
    expect(await runScenario<string>(2, 'lonelyBarrier', { barrier: barrier.buffer, timeoutMs: 50 })).toMatch(
      /1 of 2/,
    );
  });
});
