import { countPrimes, liveHandles } from '@course/runtime';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CrashResult, crashMidJob } from '../src/job-queue/crash-recovery';
import { gracefulShutdown } from '../src/job-queue/graceful-shutdown';
import { progressEvents } from '../src/job-queue/progress';
import { rateLimited } from '../src/job-queue/rate-limit';
import { type RetryResult, retryWithBackoff } from '../src/job-queue/retries';
import { noRedis, redisUrl } from './redis-context';

afterEach(() => {
  expect(liveHandles()).toEqual([]);
});

describe.skipIf(noRedis)('retryWithBackoff', () => {
  // One run, two claims: each run starts worker processes, and the suite has a time budget.
  let r: RetryResult;
  beforeAll(async () => {
    r = await retryWithBackoff(redisUrl, { delayMs: 150 });
  });

  it('retries a failing job with exponential backoff until it succeeds', () => {
    expect(r.recovered.state).toBe('completed');
    expect(r.recovered.primes).toBe(countPrimes(0, 1000));
    expect(r.attemptStarts).toHaveLength(3);
    // Lower bounds only: a busy machine may retry later, never earlier than the backoff.
    expect(r.gaps[0]).toBeGreaterThanOrEqual(150);
    expect(r.gaps[1]).toBeGreaterThanOrEqual(300);
  });

  it('keeps a job that fails every attempt in the failed set with its reason', () => {
    expect(r.exhausted.state).toBe('failed');
    expect(r.exhausted.attemptsMade).toBe(2);
    expect(r.exhausted.failedReason).toMatch(/attempt 2 failed/);
  });
});

describe.skipIf(noRedis)('crashMidJob', () => {
  let r: CrashResult;
  beforeAll(async () => {
    r = await crashMidJob(redisUrl, { lockMs: 1000, stalledMs: 500 });
  });

  it('runs a SIGKILLed worker’s job again on another worker after the stall interval', () => {
    expect(r.stalledReported).toBe(true);
    expect(r.recoveredBy).toBeDefined();
    expect(r.recoveredBy).not.toBe(r.killedWorker);
    expect(r.completed).toBe(r.jobs);
    expect(r.leftBehind).toBe(0);
    // It waited for the dead worker's lock to expire: not sooner than about one lock duration.
    expect(r.recoveryMs).toBeGreaterThanOrEqual(r.lockMs * 0.5);
  });

  it('delivers the crashed job twice and the ledger counts it once', () => {
    expect(r.crashedJobDeliveries).toBe(2);
    expect(r.duplicates).toBe(1);
    expect(r.naiveTotal).toBeGreaterThan(r.expected);
    expect(r.ledgerTotal).toBe(r.expected);
  });
});

describe.skipIf(noRedis)('rateLimited', () => {
  it('starts at most max jobs per window across two worker processes', async () => {
    const r = await rateLimited(redisUrl, { max: 4, durationMs: 300, jobs: 12, workers: 2 });
    expect(r.completed).toBe(12);
    // 12 jobs at 4 per 300 ms need two more windows after the first: the last starts >= 600 ms in.
    expect(r.spanMs).toBeGreaterThanOrEqual(r.minSpanMs);
    expect(r.inFirstWindow).toBeGreaterThan(0);
    expect(r.inFirstWindow).toBeLessThanOrEqual(r.max);
  });
});

describe.skipIf(noRedis)('progressEvents', () => {
  it('reports progress to the producer in order, before completion', async () => {
    const r = await progressEvents(redisUrl, { chunks: 5 });
    expect(r.progress).toEqual([20, 40, 60, 80, 100]);
    expect(r.sequence.at(-1)).toBe('completed');
    expect(r.primes).toBe(countPrimes(0, 50_000));
  });
});

describe.skipIf(noRedis)('gracefulShutdown', () => {
  it('finishes the active job on SIGTERM, exits 0 and leaves the rest queued for another worker', async () => {
    const r = await gracefulShutdown(redisUrl);
    expect(r.exit).toEqual({ code: 0, signal: null });
    expect(r.closedWhileActive).toBe(true);
    expect(r.activeJobState).toBe('completed');
    expect(r.waitingAfterExit).toBe(r.jobs - 1);
    expect(r.completed).toBe(r.jobs);
  });
});
