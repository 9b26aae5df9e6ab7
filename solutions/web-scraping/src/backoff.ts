/**
 * Task 4. How long to wait before retry number `retry` (0 for the first retry): exponential backoff
 * with "equal jitter". The ceiling doubles each time, `d = min(maxMs, baseMs * 2^retry)`, and the
 * wait is `d/2 + random() * d/2`: never less than half the ceiling (the backoff still grows), never
 * the same for two clients (the jitter spreads out a crowd that failed together, instead of letting
 * it retry in lock-step and fail together again).
 *
 * @example
 * backoffDelay(0, { baseMs: 100, maxMs: 5_000 }, () => 0.5); // 75   (d = 100)
 * backoffDelay(3, { baseMs: 100, maxMs: 5_000 }, () => 0);   // 400  (d = 800)
 * backoffDelay(9, { baseMs: 100, maxMs: 5_000 }, () => 1);   // 5000 (capped)
 */
export function backoffDelay(
  retry: number,
  limits: { baseMs: number; maxMs: number },
  random: () => number,
): number {
  if (!Number.isInteger(retry) || retry < 0)
    throw new RangeError(`backoffDelay: retry must be an integer >= 0, got ${retry}`);
  // 2 ** retry overflows to Infinity for huge retry counts; min() keeps the cap.
  const ceiling = Math.min(limits.maxMs, limits.baseMs * 2 ** retry);
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Task 4. The wait a `Retry-After` header asks for, in ms: either delay-seconds (`"120"`) or an
 * HTTP date (`"Wed, 21 Oct 2015 07:28:00 GMT"`, RFC 9110 §10.2.3), relative to `nowMs`. A date in
 * the past means 0. A missing or unreadable header gives `undefined` (the caller falls back to its
 * own backoff).
 *
 * @example
 * parseRetryAfter('2', Date.now());                                        // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')); // 10000
 * parseRetryAfter('soon', Date.now());                                     // undefined
 */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only the date form may contain letters; Date.parse would also accept "1" or "-5" as years.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
