import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay, parseRetryAfter } from './backoff';
import { FetchError } from './errors';
import { type FetchedResponse, type FetchPageOptions, fetchPage } from './fetch-page';
import type { Pacer } from './pacer';

/** Options of `fetchWithRetries`: those of `fetchPage`, plus the retry policy. */
export interface RetryOptions extends FetchPageOptions {
  /** Extra attempts after the first. */
  retries: number;
  backoffMs: number;
  maxBackoffMs: number;
  /** Do not wait for a `Retry-After` longer than this: return the 429/503 answer instead. */
  maxRetryAfterMs: number;
  random: () => number;
  /** Waited on before EVERY attempt (politeness delay); optional. */
  pacer?: Pacer;
  /** Called before each retry, with the attempt about to be made (2, 3...) and the wait. */
  onRetry?: (info: { url: string; attempt: number; waitMs: number; why: string }) => void;
  /** Called for each request sent (retries included). */
  onRequest?: () => void;
}

/** The last answer, and how many requests it took. */
export interface RetriedResponse {
  response: FetchedResponse;
  attempts: number;
}

/** 5xx may be a passing overload or a restart; 429 is "slow down". Other statuses will not change. */
function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Task 4. `fetchPage` with retries: after a 5xx, a 429, a timeout or a network error, wait and try
 * again, at most `retries` more times.
 *
 * - The wait is `backoffDelay(retry, ...)`; when the answer carries `Retry-After`, the wait is what
 *   it asks for (honouring it is the polite thing and the server's explicit instruction) — unless
 *   that is over `maxRetryAfterMs`, then the answer is returned as it is, without waiting.
 * - Resolves with the last answer (which may still be a 5xx when the retries ran out) and the
 *   number of attempts; rejects with the last `FetchError` (its `attempts` set) when no attempt got
 *   an answer. `too-large` and `not-html` are not retried: the same request gets the same body.
 * - Waits are aborted by `signal` (rejecting with its reason), so a cancelled crawl does not sit in
 *   a backoff timer.
 *
 * @example
 * const { response, attempts } = await fetchWithRetries(url, {
 *   timeoutMs: 5_000, retries: 3, backoffMs: 100, maxBackoffMs: 5_000, maxRetryAfterMs: 30_000, random: Math.random,
 * });
 */
export async function fetchWithRetries(url: string, options: RetryOptions): Promise<RetriedResponse> {
  const { retries, signal } = options;
  for (let attempt = 1; ; attempt++) {
    await options.pacer?.wait(signal);
    options.onRequest?.();
    let waitMs: number;
    let why: string;
    try {
      const response = await fetchPage(url, options);
      if (!isRetryableStatus(response.status) || attempt > retries) return { response, attempts: attempt };
      const asked = parseRetryAfter(response.retryAfter, Date.now());
      if (asked !== undefined && asked > options.maxRetryAfterMs) return { response, attempts: attempt };
      waitMs =
        asked ??
        backoffDelay(attempt - 1, { baseMs: options.backoffMs, maxMs: options.maxBackoffMs }, options.random);
      why = `HTTP ${response.status}`;
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (!(err instanceof FetchError)) throw err;
      err.attempts = attempt;
      const transient = err.reason === 'timeout' || err.reason === 'network';
      if (!transient || attempt > retries) throw err;
      waitMs = backoffDelay(
        attempt - 1,
        { baseMs: options.backoffMs, maxMs: options.maxBackoffMs },
        options.random,
      );
      why = err.reason;
    }
    options.onRetry?.({ url, attempt: attempt + 1, waitMs, why });
    // timers/promises' sleep clears its timer when the signal aborts: no timer outlives a cancel.
    await sleep(waitMs, undefined, signal ? { signal } : {}).catch((err) => {
      throw signal?.aborted ? signal.reason : err;
    });
  }
}
