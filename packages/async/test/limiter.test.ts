import { deferred } from '@course/runtime';
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../src/async-web-requests/limiter';

describe('createLimiter', () => {
  it('never runs more than `concurrency` functions at once and starts queued ones in FIFO order', async () => {
    const limit = createLimiter(2);
    const gates = Array.from({ length: 5 }, () => deferred<void>());
    const started: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const all = gates.map((g, i) =>
      limit(async () => {
        started.push(i);
        running++;
        maxRunning = Math.max(maxRunning, running);
        await g.promise;
        running--;
        return i;
      }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect([limit.active, limit.pending]).toEqual([2, 3]);
    for (const i of [1, 0, 3, 2, 4]) gates[i]!.resolve();
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4]);
    expect(maxRunning).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('releases the slot when a function throws, synchronously or not', async () => {
    const limit = createLimiter(1);
    await expect(
      limit(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(limit(() => Promise.reject(new Error('async')))).rejects.toThrow('async');
    expect(await limit(() => 'still works')).toBe('still works');
    expect(limit.active).toBe(0);
  });

  it('rejects queued calls on clearQueue and lets running ones finish', async () => {
    const limit = createLimiter(1);
    const gate = deferred<void>();
    const running = limit(() => gate.promise.then(() => 'done'));
    const queued = limit(() => 'never');
    expect(limit.clearQueue(new Error('cancelled'))).toBe(1);
    await expect(queued).rejects.toThrow('cancelled');
    gate.resolve();
    expect(await running).toBe('done');
  });

  it('rejects a concurrency that is not a positive integer', () => {
    expect(() => createLimiter(0)).toThrow(/integer >= 1/);
    expect(() => createLimiter(1.5)).toThrow(/got 1.5/);
  });
});
