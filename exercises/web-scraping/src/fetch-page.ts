import type { Agent } from 'node:http';

/** Options of `fetchPage`. */
export interface FetchPageOptions {
  /** Budget for the whole exchange, headers and body. Required: a request without one can wait forever. */
  timeoutMs: number;
  /** Abort the request from outside (the crawl's cancellation). Rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Bodies larger than this many bytes are not read: `FetchError` with reason `too-large`. Default 1 MiB. */
  maxBytes?: number;
  /** Require HTML: a 2xx answer of another Content-Type fails with `not-html` and its body is not read. */
  htmlOnly?: boolean;
  /** Reuse connections through this agent (the crawl's keep-alive pool). Default: a fresh connection, closed after the answer. */
  agent?: Agent;
  /** The `User-Agent` header. Default `course-crawler`. */
  userAgent?: string;
}

/** One HTTP answer, whatever its status: an HTTP error status is an answer, not an exception. */
export interface FetchedResponse {
  url: string;
  status: number;
  /** The `Content-Type` header, `''` if absent. */
  contentType: string;
  /** The `Location` header of a redirect, as sent (maybe relative). */
  location?: string;
  /** The `Retry-After` header, as sent. */
  retryAfter?: string;
  /** The body decoded as UTF-8 (`''` for a redirect or a body that was not read). */
  body: string;
}

/** `text/html` or XHTML, whatever the parameters (`; charset=utf-8`) and case. */
export function isHtmlContentType(contentType: string): boolean {
  throw new Error(`Not implemented yet: isHtmlContentType(${JSON.stringify(contentType)}) (Task 1)`);
}

/**
 * Task 1. GET one URL with a deadline and return the answer.
 *
 * - Resolves with the status, content type and body for ANY status (200, 301, 404, 500...). Redirects
 *   are not followed: the crawler decides about them.
 * - Rejects with `FetchError('timeout')` when the whole exchange (headers and body) takes longer
 *   than `timeoutMs`, `FetchError('network')` when the connection fails or breaks,
 *   `FetchError('too-large')` past `maxBytes`, `FetchError('not-html')` with `htmlOnly` and a 2xx
 *   answer that is not HTML; with `signal.reason` when `signal` aborts.
 * - Whatever happens, the request is finished or destroyed and its timer cleared before the promise
 *   settles: nothing is left running.
 *
 * @example
 * const res = await fetchPage('http://127.0.0.1:8080/', { timeoutMs: 5_000 });
 * res.status; // 200
 * parsePage(res.body, res.url).title;
 */
export function fetchPage(url: string, options: FetchPageOptions): Promise<FetchedResponse> {
  throw new Error(`Not implemented yet: fetchPage(${url}, timeoutMs ${options.timeoutMs}) (Task 1)`);
}
