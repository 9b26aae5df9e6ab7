import { countPrimes, liveHandles } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { distributeCount } from '../src/job-queue/distribute';
import { noRedis, redisUrl } from './redis-context';

describe.skipIf(noRedis)('distributeCount', () => {
  afterEach(() => {
    expect(liveHandles()).toEqual([]);
  });

  it('merges the results of worker processes into the same count as one process computes', async () => {
    const r = await distributeCount(redisUrl, {
      limit: 60_000,
      batches: 24,
      workers: 2,
      concurrency: 2,
      timeoutMs: 30_000,
    });
    expect(r.expected).toBe(countPrimes(0, 60_000));
    expect(r.merged).toBe(r.expected);
    expect(r.completed).toBe(24);
    expect(r.failed).toBe(0);
    expect(r.leftBehind).toBe(0);
    expect(Object.values(r.byWorker).reduce((a, b) => a + b, 0)).toBe(24);
  });
});
