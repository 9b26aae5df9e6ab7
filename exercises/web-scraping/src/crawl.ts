import type { Crawl, CrawlOptions } from './types';

/**
 * Tasks 2-7. Crawl one origin from `start`: fetch each same-origin URL once (after
 * `normalizeUrl`), at most `concurrency` requests at a time, obeying robots.txt, retrying
 * transient failures, until no URL is left or `maxPages` URLs were taken.
 *
 * - Bad input throws here, synchronously, before any request (`resolveOptions`).
 * - Nothing happens until the result is iterated. Pages arrive as they complete, not in crawl
 *   order. Iterate once.
 * - `signal` aborting makes the iteration reject with `signal.reason`; leaving the `for await`
 *   early stops the crawl too. Either way, every request, timer and socket is closed before the
 *   iteration ends, and `summary.cancelled` is true.
 * - Every URL that was requested ends as exactly one of: a page, a failure (`summary.failures`), or a
 *   redirect (`summary.redirects`). Every link not followed is counted in `summary.skipped`.
 *
 * @example
 * const run = crawl('http://127.0.0.1:8080/', { concurrency: 8, maxDepth: 3 });
 * for await (const page of run) console.log(page.depth, page.url, page.title);
 * const summary = await run.summary; // { pages, failures, retries, elapsedMs, ... }
 */
export function crawl(start: string, options: CrawlOptions = {}): Crawl {
  throw new Error(
    `Not implemented yet: crawl(${start}, ${Object.keys(options).join(', ') || 'no options'}) (Tasks 2-7)`,
  );
}
