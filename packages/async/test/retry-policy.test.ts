import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  isNetworkError,
  isRetryableStatus,
  isTimeout,
  parseRetryAfter,
} from '../src/async-web-requests/retry-policy';

describe('backoffDelay', () => {
  const policy = { retries: 5, baseMs: 100, maxMs: 1_000 };

  it('doubles per retry up to the cap without jitter', () => {
    expect([1, 2, 3, 4, 5].map((r) => backoffDelay(r, { ...policy, jitter: 'none' }))).toEqual([
      100, 200, 400, 800, 1_000,
    ]);
  });

  it('draws full jitter uniformly in [0, cap]', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(9, policy, () => 0.999)).toBeCloseTo(999);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP-dates, and ignores malformed values', () => {
    expect(parseRetryAfter('3')).toBe(3_000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:50 GMT')),
    ).toBe(10_000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:29:00 GMT')),
    ).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('classifying failures', () => {
  it('retries 408, 429 and 5xx gateway/server errors, not other 4xx or 501', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 401, 404, 501].some(isRetryableStatus)).toBe(false);
  });

  it('recognises fetch network errors by their cause code, and timeouts by name', () => {
    const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    expect(isNetworkError(reset)).toBe(true);
    expect(
      isNetworkError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ERR_INVALID_URL' } })),
    ).toBe(false);
    expect(isNetworkError(new Error('fetch failed'))).toBe(false);
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect([isTimeout(timeout), isNetworkError(timeout)]).toEqual([true, false]);
  });
});
