import { liveHandles } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { countWaves } from '../src/async-io/pbkdf2-waves';
import { poolExperiment } from '../src/async-io/threadpool';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('countWaves', () => {
  it('starts a new wave where the gap exceeds half the first completion time', () => {
    expect(countWaves([])).toBe(0);
    expect(countWaves([100, 104, 110, 112])).toBe(1);
    expect(countWaves([100, 104, 198, 203])).toBe(2);
    expect(countWaves([50, 52, 101, 103, 150, 151, 201, 204])).toBe(4);
  });
});

describe('poolExperiment', () => {
  it.each([2, 4, 8])(
    'makes a file read queued behind 8 pbkdf2 jobs wait for at least 9 - UV_THREADPOOL_SIZE of them (size %i)',
    async (threads) => {
      const r = await poolExperiment(threads, 8, 30);
      expect(r.threadpoolSize).toBe(String(threads));
      expect(r.completions).toHaveLength(8);
      // fs and crypto share one FIFO pool: the read's open() gets a thread only after 8 - threads + 1 jobs end.
      expect(r.jobsBeforeRead).toBeGreaterThanOrEqual(8 - threads + 1);
    },
  );

  it('lets the read through at once when the pool has one thread more than there are jobs', async () => {
    const full = await poolExperiment(4, 4, 60);
    const spare = await poolExperiment(5, 4, 60);
    expect(full.jobsBeforeRead).toBeGreaterThanOrEqual(1);
    // A free thread serves the read (a few ms of work) while the 60 ms jobs are still hashing.
    expect(spare.jobsBeforeRead).toBe(0);
  });
});
