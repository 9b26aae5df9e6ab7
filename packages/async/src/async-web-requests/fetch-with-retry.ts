import { setTimeout as sleep } from 'node:timers/promises';
import { type FetchedText, fetchText } from './fetch-with-timeout';
import {
  backoffDelay,
  isNetworkError,
  isRetryableStatus,
  isTimeout,
  parseRetryAfter,
  type RetryPolicy,
} from './retry-policy';

export interface RetryOptions {
  policy: RetryPolicy;
  timeoutMs: number;
  signal?: AbortSignal;
  init?: RequestInit;
  /** Source of jitter; pass a seeded one in tests. */
  random?: () => number;
}

export interface RetriedFetch extends FetchedText {
  attempts: number;
  /** The wait before each retry, in ms, and why. */
  waits: Array<{ ms: number; reason: string }>;
}

/**
 * Fetch with retries: on a retryable status (408, 429, 5xx) or a network error or timeout, wait and
 * try again, up to `policy.retries` times. A `Retry-After` header (429/503) is honoured in place of
 * the backoff. Other statuses (200, 404…) return at once; after the last retry the last response is
 * returned, or the last error thrown. The outer `signal` stops both requests and waits.
 *
 * Warning: only retry requests that are safe to repeat (GET, or idempotent writes): a POST that
 * timed out may already have happened.
 *
 * @example
 * const r = await fetchWithRetry(url, { policy: { retries: 3, baseMs: 100, maxMs: 2_000 }, timeoutMs: 5_000 });
 * r.attempts; // 1 if the first try worked
 */
export async function fetchWithRetry(url: string, options: RetryOptions): Promise<RetriedFetch> {
  const { policy, signal, random } = options;
  const waits: RetriedFetch['waits'] = [];
  for (let attempt = 1; ; attempt++) {
    let waitMs: number;
    let reason: string;
    try {
      const res = await fetchText(url, { timeoutMs: options.timeoutMs, signal, init: options.init });
      if (!isRetryableStatus(res.status) || attempt > policy.retries)
        return { ...res, attempts: attempt, waits };
      const retryAfter =
        res.status === 429 || res.status === 503
          ? parseRetryAfter(res.headers.get('retry-after'))
          : undefined;
      if (retryAfter !== undefined) {
        waitMs = Math.min(retryAfter, policy.maxRetryAfterMs ?? 30_000);
        reason = `${res.status} Retry-After`;
      } else {
        waitMs = backoffDelay(attempt, policy, random);
        reason = `${res.status}`;
      }
    } catch (err) {
      // The caller's own abort is final; a per-request timeout or a dropped connection is transient.
      if (signal?.aborted || !(isNetworkError(err) || isTimeout(err)) || attempt > policy.retries) throw err;
      waitMs = backoffDelay(attempt, policy, random);
      reason = isTimeout(err) ? 'timeout' : 'network error';
    }
    waits.push({ ms: waitMs, reason });
    await sleep(waitMs, undefined, { signal });
  }
}
