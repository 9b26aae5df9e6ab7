import { captureNarrator, countPrimes, liveHandles } from '@course/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExperimentResults, runExperiments } from '../src/job-queue/run-experiments';
import { noRedis, redisUrl } from './redis-context';

// The lesson's experiments run once, as the lesson runs them (quick size), and every claim it
// narrates is asserted below on the figures it returned. Each experiment starts real worker
// processes, so running them once keeps the suite within its time budget on two busy cores.
describe.skipIf(noRedis)('job-queue experiments', () => {
  let results: ExperimentResults;
  let text: string;
  let claims: ReturnType<ReturnType<typeof captureNarrator>['claims']>;
  beforeAll(async () => {
    const out = captureNarrator();
    results = await runExperiments(redisUrl, { quick: true }, out);
    text = out.text();
    claims = out.claims();
  }, 180_000);

  afterAll(() => {
    expect(liveHandles()).toEqual([]);
  });

  describe('distributeCount', () => {
    it('merges the results of worker processes into the same count as one process computes', () => {
      const d = results.distribute;
      expect(d.expected).toBe(countPrimes(0, 200_000));
      expect(d.merged).toBe(d.expected);
      expect(d.completed).toBe(d.jobs);
      expect(d.failed).toBe(0);
      expect(d.leftBehind).toBe(0);
      expect(Object.values(d.byWorker).reduce((a, b) => a + b, 0)).toBe(d.jobs);
    });
  });

  describe('retryWithBackoff', () => {
    it('retries a failing job with exponential backoff until it succeeds', () => {
      const r = results.retries;
      expect(r.recovered.state).toBe('completed');
      expect(r.recovered.primes).toBe(countPrimes(0, 1000));
      expect(r.attemptStarts).toHaveLength(3);
      // Lower bounds only: a busy machine may retry later, never earlier than the backoff.
      expect(r.gaps[0]).toBeGreaterThanOrEqual(r.delayMs);
      expect(r.gaps[1]).toBeGreaterThanOrEqual(2 * r.delayMs);
    });

    it('keeps a job that fails every attempt in the failed set with its reason', () => {
      const r = results.retries;
      expect(r.exhausted.state).toBe('failed');
      expect(r.exhausted.attemptsMade).toBe(2);
      expect(r.exhausted.failedReason).toMatch(/attempt 2 failed/);
    });
  });

  describe('crashMidJob', () => {
    it('runs a SIGKILLed worker’s job again on another worker after the stall interval', () => {
      const c = results.crash;
      expect(c.stalledReported).toBe(true);
      expect(c.recoveredBy).toBeDefined();
      expect(c.recoveredBy).not.toBe(c.killedWorker);
      expect(c.completed).toBe(c.jobs);
      expect(c.leftBehind).toBe(0);
      // Not at once: the dead worker's lock outlives it (renewed every lockMs/2) and the survivor
      // has to start and run its stalled check. A loose bound; the structural proof is 'stalled'.
      expect(c.recoveryMs).toBeGreaterThanOrEqual(c.lockMs / 4);
    });

    it('delivers the crashed job twice and the ledger counts it once', () => {
      const c = results.crash;
      expect(c.crashedJobDeliveries).toBe(2);
      expect(c.duplicates).toBe(1);
      expect(c.naiveTotal).toBeGreaterThan(c.expected);
      expect(c.ledgerTotal).toBe(c.expected);
    });
  });

  describe('rateLimited', () => {
    it('starts at most max jobs per window across two worker processes', () => {
      const l = results.rate;
      expect(l.workers).toBe(2);
      expect(l.completed).toBe(l.jobs);
      // 12 jobs at 4 per 300 ms need two more windows after the first: the last starts >= 600 ms in.
      expect(l.spanMs).toBeGreaterThanOrEqual(l.minSpanMs);
      expect(l.inFirstWindow).toBeGreaterThan(0);
      expect(l.inFirstWindow).toBeLessThanOrEqual(l.max);
    });
  });

  describe('progressEvents', () => {
    it('reports progress to the producer in order, before completion', () => {
      const p = results.progress;
      expect(p.progress).toEqual([20, 40, 60, 80, 100]);
      expect(p.sequence.at(-1)).toBe('completed');
      expect(p.primes).toBe(countPrimes(0, 50_000));
    });
  });

  describe('gracefulShutdown', () => {
    it('finishes the active job on SIGTERM, exits 0 and leaves the rest queued for another worker', () => {
      const g = results.shutdown;
      expect(g.exit).toEqual({ code: 0, signal: null });
      expect(g.closedWhileActive).toBe(true);
      expect(g.activeJobState).toBe('completed');
      expect(g.waitingAfterExit).toBe(g.jobs - 1);
      expect(g.completed).toBe(g.jobs);
    });
  });

  describe('the narration', () => {
    it('states each claim as holding, on the figures asserted above', () => {
      expect(claims.map((c) => c.evidence.verdict)).toEqual(Array(6).fill('holds'));
      expect(text).toMatch(/Merged 40\/40 results/);
      expect(text).toMatch(/retried later, not at once/);
      expect(text).toMatch(/that job’s result delivered: 2 times/);
      expect(text).toMatch(/the limit lives in Redis/);
      expect(text).toMatch(/crossed processes in order/);
      expect(text).toMatch(/No job lost/);
      expect(text).not.toMatch(/did not hold|not judged/);
    });
  });
});
