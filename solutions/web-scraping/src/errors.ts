/** Given, not a task: the one error type a failed request throws. */

/** Why a request produced no usable HTTP answer. */
export type FetchErrorReason = 'timeout' | 'network' | 'too-large' | 'not-html';

/**
 * A request that failed without an HTTP status worth reporting: no answer in time, a broken
 * connection, a body over the size limit, or content that is not HTML when HTML was required.
 * An HTTP error status (404, 500...) is NOT a FetchError: it is an answer, returned normally.
 *
 * @example
 * try { await fetchPage(url, { timeoutMs: 500 }); }
 * catch (err) { if (err instanceof FetchError && err.reason === 'timeout') retryLater(); }
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  /** Requests made before giving up (set by `fetchWithRetries`). */
  attempts = 1;

  constructor(
    readonly reason: FetchErrorReason,
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${url}: ${message}`, options);
  }
}

/** True for the error an AbortSignal rejects with (a DOMException or Error named `AbortError`). */
export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}
