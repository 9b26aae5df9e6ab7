/** How to retry: exponential backoff with "full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015). */
export interface RetryPolicy {
  /** Retries after the first attempt (so attempts = retries + 1). */
  retries: number;
  /** Backoff cap of the first retry, in ms. */
  baseMs: number;
  /** No backoff longer than this, in ms. */
  maxMs: number;
  /** Growth per retry. Default 2. */
  factor?: number;
  /** `full`: a uniform draw in [0, cap] (spreads clients apart); `none`: exactly the cap. Default `full`. */
  jitter?: 'full' | 'none';
  /** Honour a server's Retry-After up to this many ms (longer ones are capped). Default 30 000. */
  maxRetryAfterMs?: number;
}

/**
 * The wait before retry number `retry` (1 = first retry): min(maxMs, baseMs × factor^(retry-1)),
 * then jittered. Jitter matters: without it, clients that failed together retry together and hit
 * the recovering server in synchronized waves (a thundering herd).
 *
 * @example
 * backoffDelay(3, { retries: 5, baseMs: 100, maxMs: 1_000, jitter: 'none' }); // 400
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * (policy.factor ?? 2) ** (retry - 1));
  return (policy.jitter ?? 'full') === 'full' ? random() * cap : cap;
}

/**
 * Parse a `Retry-After` header into ms: either delta-seconds (`"3"`) or an HTTP-date. Returns
 * undefined for a missing or malformed header (then the caller falls back to its own backoff).
 *
 * @example
 * parseRetryAfter('2'); // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:50 GMT')); // 10000
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Statuses worth retrying: the server says "not now", not "never" (4xx other than 408/429 are final). */
export function isRetryableStatus(status: number): boolean {
  return (
    status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504
  );
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/**
 * A transient network failure: `fetch` rejects with `TypeError: fetch failed` whose `cause` carries
 * the socket error code. An abort or timeout is NOT one of these (see isTimeout).
 */
export function isNetworkError(err: unknown): boolean {
  if (!(err instanceof TypeError)) return false;
  const cause = (err as TypeError & { cause?: { code?: string } }).cause;
  return cause?.code === undefined ? err.message === 'fetch failed' : NETWORK_CODES.has(cause.code);
}

/** `fetch` rejects with the signal's reason: a `TimeoutError` DOMException for AbortSignal.timeout. */
export function isTimeout(err: unknown): boolean {
  return err instanceof Error && err.name === 'TimeoutError';
}
