/**
 * The shapes the crawler's parts agree on. Given, not a task: read it first, it is the contract the
 * tests check.
 */

/** One HTML page the crawl fetched and parsed. */
export interface Page {
  /** The normalised URL that answered 200 (after redirects, if any). */
  url: string;
  /** Links followed from the start page to reach it (the start page is 0; redirects add nothing). */
  depth: number;
  /** The HTTP status of the answer (2xx). */
  status: number;
  /** The text of the page's `<title>`, whitespace collapsed; `''` when it has none. */
  title: string;
  /** Every `<a href>` on the page resolved to an absolute URL, in document order (see `parsePage`). */
  links: string[];
  /** The URL the crawl asked for when a redirect led here. */
  redirectedFrom?: string;
}

/**
 * Why a URL that was requested produced no page. `http-<status>` for an error status that was not
 * (or no longer) worth retrying, e.g. `http-404`, `http-500` after the last retry, `http-429`.
 */
export type FailureReason =
  | `http-${number}`
  | 'timeout'
  | 'network'
  | 'too-large'
  | 'not-html'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'robots-unavailable'
  | 'error';

/** A requested URL that produced no page, and why. Nothing is dropped silently: each one is here. */
export interface CrawlFailure {
  url: string;
  reason: FailureReason;
  /** A sentence for people, e.g. `HTTP 500 after 4 attempts` or `no response within 300 ms`. */
  detail: string;
  /** Requests made for this URL (1 + retries). */
  attempts: number;
}

/**
 * Why a link was not followed (counted once per distinct URL):
 * - `off-origin`: another scheme, host or port than the start URL;
 * - `unsupported-scheme`: not http(s) (`mailto:`, `javascript:`, `ftp:`...);
 * - `invalid-url`: an href that does not parse as a URL;
 * - `disallowed`: robots.txt forbids the path;
 * - `too-deep`: found on a page at `maxDepth`;
 * - `over-max-pages`: found after `maxPages` URLs were already taken.
 */
export type SkipReason =
  | 'off-origin'
  | 'unsupported-scheme'
  | 'invalid-url'
  | 'disallowed'
  | 'too-deep'
  | 'over-max-pages';

/** What the crawl did, once it is over (finished, cancelled or stopped by its consumer). */
export interface CrawlSummary {
  /** Pages handed to the consumer. */
  pages: number;
  /** Every requested URL that produced no page. */
  failures: CrawlFailure[];
  /** `failures` counted by reason, e.g. `{ 'http-404': 2, timeout: 1 }`. */
  failuresByReason: Record<string, number>;
  /** Links not followed, by reason. Every reason is present (0 when none). */
  skipped: Record<SkipReason, number>;
  /** Redirect answers followed or judged (each 3xx with a Location counts once). */
  redirects: number;
  /** Requests repeated after a 5xx, a 429, a timeout or a network error. */
  retries: number;
  /** HTTP requests made, robots.txt, redirects and retries included. */
  requests: number;
  /** Wall time from the first request to the end of the crawl. */
  elapsedMs: number;
  /** True when an AbortSignal or the consumer (leaving its `for await` early) stopped the crawl. */
  cancelled: boolean;
}

/**
 * A running crawl: iterate it with `for await` to receive pages as they complete; `summary` settles
 * when the crawl is over and everything it opened (sockets, timers) is closed. The crawl starts when
 * the iteration does: one that is never iterated makes no request, and its summary never settles.
 */
export interface Crawl extends AsyncIterable<Page> {
  readonly summary: Promise<CrawlSummary>;
}

/** Options of `crawl`. Every one is optional; `resolveOptions` documents the defaults. */
export interface CrawlOptions {
  /** Stop taking new URLs after this many (pages, failures and non-HTML alike; robots.txt, retries and redirect hops not counted). Default 100. */
  maxPages?: number;
  /** Follow links at most this many hops from the start page (0 = the start page only). Default 5. */
  maxDepth?: number;
  /** At most this many requests in flight at any moment. Default 4. */
  concurrency?: number;
  /** Budget of one request, headers AND body; then it is aborted. Default 10 000. */
  timeoutMs?: number;
  /** Give up on a body larger than this many bytes. Default 1 MiB. */
  maxBytes?: number;
  /** Extra attempts after a 5xx, 429, timeout or network error. Default 3. */
  retries?: number;
  /** Backoff before retry k (0-based) is about `backoffMs * 2^k`, with jitter, capped by `maxBackoffMs`. Defaults 100 and 5 000. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A `Retry-After` longer than this is not waited for: the URL fails instead. Default 30 000. */
  maxRetryAfterMs?: number;
  /** Politeness: at least this long between the starts of two requests to the origin. Default 0. */
  delayMs?: number;
  /** Redirect hops followed for one URL. Default 5. */
  maxRedirects?: number;
  /** Obey robots.txt. Default true. */
  obeyRobots?: boolean;
  /** Sent as `User-Agent` and matched against robots.txt groups. Default `course-crawler`. */
  userAgent?: string;
  /** Stops the crawl: iteration rejects with `signal.reason`, `summary.cancelled` is true. */
  signal?: AbortSignal;
  /** Source of randomness for backoff jitter, in [0, 1). Default `Math.random`; tests pass a seeded one. */
  random?: () => number;
}
