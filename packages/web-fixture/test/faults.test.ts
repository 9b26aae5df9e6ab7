import { describe, expect, it } from 'vitest';
import { decide, type FaultRule, validateFaults } from '../src/faults';

const site = { seed: 7, latencyMs: 0, jitterMs: 0 };

describe('decide', () => {
  it('fails exactly the first k requests of a failFirst schedule, then succeeds', () => {
    const rules: FaultRule[] = [{ path: '/flaky', status: 503, failFirst: 2 }];
    const outcomes = [0, 1, 2, 3].map((n) => decide(rules, site, '/flaky', n).failure?.kind ?? 'ok');
    expect(outcomes).toEqual(['status', 'status', 'ok', 'ok']);
  });

  it('draws rate-based failures from the seed, so the same seed fails the same requests', () => {
    const rules: FaultRule[] = [{ path: '/page/*', status: 500, rate: 0.3 }];
    const run = (seed: number) =>
      Array.from(
        { length: 200 },
        (_, n) => decide(rules, { ...site, seed }, '/page/1', n).failure !== undefined,
      );
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const failures = run(7).filter(Boolean).length;
    expect(failures).toBeGreaterThan(30); // 30 % of 200 = 60; a wide band, the draw is fixed anyway
    expect(failures).toBeLessThan(90);
  });

  it('matches exact paths, prefixes, "*" and regular expressions, first rule first', () => {
    const rules: FaultRule[] = [
      { path: '/a', status: 500 },
      { path: /^\/b\?x=/, status: 501 },
      { path: '/c/*', status: 502 },
      { path: '*', latencyMs: 5 },
    ];
    const status = (p: string) => {
      const f = decide(rules, site, p, 0).failure;
      return f?.kind === 'status' ? f.status : 'ok';
    };
    expect([status('/a'), status('/a/b'), status('/b?x=1'), status('/c/d'), status('/d')]).toEqual([
      500,
      'ok',
      501,
      502,
      'ok',
    ]);
    expect(decide(rules, site, '/d', 0).delayMs).toBe(5);
  });

  it('keeps jitter within [latency, latency + jitter] and deterministic per request number', () => {
    const s = { seed: 1, latencyMs: 10, jitterMs: 20 };
    const delays = Array.from({ length: 100 }, (_, n) => decide([], s, '/x', n).delayMs);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...delays)).toBeLessThanOrEqual(30);
    expect(new Set(delays).size).toBeGreaterThan(50);
    expect(decide([], s, '/x', 3).delayMs).toBe(delays[3]);
  });

  it('sends Retry-After with a 429', () => {
    expect(decide([{ path: '/r', status: 429, retryAfter: 2 }], site, '/r', 0).failure).toEqual({
      kind: 'status',
      status: 429,
      retryAfter: 2,
    });
  });
});

describe('validateFaults', () => {
  it.each([
    [{ path: 'page', status: 500 }, /must start with "\/"/],
    [{ path: '/x', rate: 2, status: 500 }, /rate must be in \[0, 1\]/],
    [{ path: '/x', failFirst: 1 }, /need a failure/],
    [{ path: '/x', status: 500, reset: true }, /choose one of/],
    [{ path: '/x', latencyMs: -1 }, /latencyMs must be a number >= 0/],
    [{ path: '/x', status: 99 }, /HTTP status code/],
  ] as Array<[FaultRule, RegExp]>)('rejects %j with a clear message', (rule, message) => {
    expect(() => validateFaults([rule])).toThrow(message);
  });
});
