import { describe, expect, it } from 'vitest';
import { planBatches } from '../src/job-queue/batch-job';
import { ResultLedger } from '../src/job-queue/result-ledger';
import { parseWorkerConfig } from '../src/job-queue/worker-config';

describe('ResultLedger', () => {
  it('counts a result delivered twice once, and reports the duplicate', () => {
    const ledger = new ResultLedger<number>();
    expect(ledger.record('a', 3)).toBe(true);
    expect(ledger.record('b', 4)).toBe(true);
    expect(ledger.record('a', 3)).toBe(false);
    expect(ledger.total((n) => n)).toBe(7);
    expect(ledger.deliveries).toBe(3);
    expect(ledger.duplicates).toBe(1);
  });
});

describe('planBatches', () => {
  it('covers the whole range with deterministic job ids', () => {
    const jobs = planBatches('r1', 1000, 3);
    expect(jobs.map((j) => j.opts.jobId)).toEqual(['r1-0-334', 'r1-334-668', 'r1-668-1000']);
    expect(planBatches('r1', 1000, 3)).toEqual(jobs);
  });

  it('rejects a run id that cannot be part of a job id', () => {
    expect(() => planBatches('a:b', 10, 1)).toThrow(/run id "a:b"/);
  });
});

describe('parseWorkerConfig', () => {
  it('reads the worker settings from the environment', () => {
    const c = parseWorkerConfig({
      REDIS_URL: 'redis://127.0.0.1:7000',
      QUEUE: 'q',
      CONCURRENCY: '4',
      RATE_MAX: '5',
      RATE_MS: '250',
    });
    expect(c).toMatchObject({
      queue: 'q',
      concurrency: 4,
      rateLimit: { max: 5, durationMs: 250 },
      lockMs: 30_000,
    });
    expect(c.connection).toMatchObject({ host: '127.0.0.1', port: 7000 });
  });

  it('names a missing REDIS_URL and a bad number', () => {
    expect(() => parseWorkerConfig({})).toThrow(/REDIS_URL is not set/);
    expect(() => parseWorkerConfig({ REDIS_URL: 'redis://127.0.0.1', CONCURRENCY: 'two' })).toThrow(
      /CONCURRENCY="two"/,
    );
  });
});
