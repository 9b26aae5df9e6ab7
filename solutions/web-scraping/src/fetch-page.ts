import { type Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { FetchError } from './errors';

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

const DEFAULT_MAX_BYTES = 1024 * 1024;

/** `text/html` or XHTML, whatever the parameters (`; charset=utf-8`) and case. */
export function isHtmlContentType(contentType: string): boolean {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml';
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
  const { timeoutMs, signal, agent, htmlOnly = false } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.reject(new TypeError(`fetchPage: ${url} is not an http(s) URL`));
  }
  if (signal?.aborted) return Promise.reject(signal.reason);

  return new Promise<FetchedResponse>((resolve, reject) => {
    let settled = false;
    // One exit for every path: clear the timer, drop the abort listener, destroy the request if it
    // is still open. Forgetting any of these is a leaked timer or socket.
    const finish = (error: unknown, value?: FetchedResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error !== undefined) {
        req.destroy();
        reject(error);
      } else resolve(value!);
    };
    const onAbort = () => finish(signal!.reason);
    const timer = setTimeout(
      () => finish(new FetchError('timeout', url, `no complete answer within ${timeoutMs} ms`)),
      timeoutMs,
    );

    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, {
      method: 'GET',
      // agent: false = a one-off connection that closes after the answer (no idle keep-alive socket
      // left behind); the crawl passes its own pool and destroys it at the end.
      agent: agent ?? false,
      headers: { 'user-agent': options.userAgent ?? 'course-crawler', accept: 'text/html,*/*;q=0.5' },
    });
    signal?.addEventListener('abort', onAbort, { once: true });

    req.on('error', (err) => finish(new FetchError('network', url, err.message, { cause: err })));
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers['content-type'] ?? '');
      const head = { url, status, contentType, body: '' } as FetchedResponse;
      if (res.headers.location !== undefined) head.location = res.headers.location;
      if (res.headers['retry-after'] !== undefined) head.retryAfter = String(res.headers['retry-after']);

      if (htmlOnly && status >= 200 && status < 300 && !isHtmlContentType(contentType)) {
        return finish(
          new FetchError('not-html', url, `Content-Type is "${contentType || 'missing'}", not HTML`),
        );
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        return finish(
          new FetchError(
            'too-large',
            url,
            `Content-Length ${declared} is over the limit of ${maxBytes} bytes`,
          ),
        );
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // An endless or huge body without Content-Length: stop reading at the limit, do not buffer it.
        if (size > maxBytes)
          finish(new FetchError('too-large', url, `body is over the limit of ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => finish(undefined, { ...head, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (err) => finish(new FetchError('network', url, err.message, { cause: err })));
      res.on('aborted', () =>
        finish(new FetchError('network', url, 'the server closed the connection mid-body')),
      );
    });
    req.end();
  });
}
