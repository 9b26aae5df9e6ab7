import { setMaxListeners } from 'node:events';
import { Agent } from 'node:http';
import { CrawlRecord } from './crawl-record';
import { FetchError } from './errors';
import { fetchWithRetries, type RetryOptions } from './fetch-with-retries';
import { createLimiter } from './limiter';
import { loadRobots } from './load-robots';
import { isSameOrigin, normalizeUrl } from './normalize-url';
import { resolveOptions } from './options';
import { createPacer } from './pacer';
import { createChannel } from './page-channel';
import { parsePage } from './parse-page';
import { ALLOW_ALL, type RobotsRules } from './robots';
import type { Crawl, CrawlOptions, CrawlSummary, Page } from './types';

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
  const opts = resolveOptions(start, options);
  let resolveSummary!: (s: CrawlSummary) => void;
  const summaryPromise = new Promise<CrawlSummary>((r) => {
    resolveSummary = r;
  });

  // One controller for both ways to stop: the caller's signal, and the consumer leaving early.
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  // Every request and every wait listens to this one signal: with many in flight that is more than
  // Node's default of 10 listeners, which is by design here, not a leak (each one is removed when
  // its request or wait ends).
  setMaxListeners(4 * opts.concurrency + 16, signal);
  let finished: Promise<void> | undefined;
  const channel = createChannel<Page>(async () => {
    stop.abort(new DOMException('The consumer stopped iterating', 'AbortError'));
    await finished;
  });

  const record = new CrawlRecord();
  const seen = new Set<string>(); // every URL taken (visited or queued): the "each URL once" rule
  let taken = 0;
  const skip = record.skip.bind(record);
  const fail = record.fail.bind(record);

  async function run(): Promise<void> {
    // A keep-alive pool sized to the concurrency: connections are reused instead of a TCP
    // handshake per page, and destroyed in `finally` so no idle socket outlives the crawl.
    const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
    const limiter = createLimiter(opts.concurrency);
    const pacer = createPacer(opts.delayMs);
    const retryOptions: RetryOptions = {
      timeoutMs: opts.timeoutMs,
      maxBytes: opts.maxBytes,
      signal,
      agent,
      userAgent: opts.userAgent,
      retries: opts.retries,
      backoffMs: opts.backoffMs,
      maxBackoffMs: opts.maxBackoffMs,
      maxRetryAfterMs: opts.maxRetryAfterMs,
      random: opts.random,
      pacer,
      onRequest: () => record.requests++,
      onRetry: () => record.retries++,
    };

    // Visits in flight or queued; the crawl is over when it drops to 0 (or it is cancelled).
    let pending = 0;
    let idle!: () => void;
    const allDone = new Promise<void>((r) => {
      idle = r;
    });
    const onAbort = () => limiter.clear(signal.reason); // queued visits never start
    signal.addEventListener('abort', onAbort, { once: true });

    let rules: RobotsRules = ALLOW_ALL;

    const take = (url: string, depth: number) => {
      if (signal.aborted) return;
      if (taken >= opts.maxPages) return skip('over-max-pages', url);
      seen.add(url);
      taken++;
      pending++;
      limiter
        .run(() => visit(url, depth))
        .catch((err) => {
          // Aborted: reported once, by run(). Anything else is a bug in a visit: record it, never drop it.
          if (!signal.aborted) fail(url, 'error', String(err), 1);
        })
        .finally(() => {
          if (--pending === 0) idle();
        });
    };

    /** Where a link goes: followed (taken), or counted as skipped with the reason. */
    const consider = (link: string, from: string, depth: number) => {
      const url = normalizeUrl(link, from);
      if (url === null) return skip('unsupported-scheme', link);
      if (seen.has(url)) return;
      // Depth first: the links of a page at maxDepth are not followed, whatever they are.
      if (depth > opts.maxDepth) return skip('too-deep', url);
      if (!isSameOrigin(url, opts.start)) return skip('off-origin', url);
      if (!rules.isAllowed(pathOf(url))) return skip('disallowed', url);
      take(url, depth);
    };

    const visit = async (url: string, depth: number) => {
      let current = url;
      const chain = [url];
      for (;;) {
        let response: Awaited<ReturnType<typeof fetchWithRetries>>['response'];
        let attempts: number;
        try {
          ({ response, attempts } = await fetchWithRetries(current, { ...retryOptions, htmlOnly: true }));
        } catch (err) {
          if (signal.aborted) throw signal.reason;
          if (err instanceof FetchError) return fail(current, err.reason, err.message, err.attempts);
          return fail(current, 'error', String(err), 1);
        }
        const { status } = response;
        if (status >= 300 && status < 400 && response.location !== undefined) {
          record.redirects++;
          const target = normalizeUrl(response.location, current);
          if (target === null) return skip('unsupported-scheme', response.location);
          if (!isSameOrigin(target, opts.start)) return skip('off-origin', target);
          if (!rules.isAllowed(pathOf(target))) return skip('disallowed', target);
          if (chain.includes(target)) {
            return fail(
              url,
              'redirect-loop',
              `redirects go round: ${[...chain, target].join(' -> ')}`,
              chain.length,
            );
          }
          if (chain.length > opts.maxRedirects) {
            return fail(
              url,
              'too-many-redirects',
              `more than ${opts.maxRedirects} redirects from ${url}`,
              chain.length,
            );
          }
          // Already taken elsewhere: it is (or will be) collected there, with its own depth.
          if (seen.has(target)) return;
          seen.add(target);
          chain.push(target);
          current = target;
          continue; // a redirect adds no depth
        }
        if (status < 200 || status >= 300) {
          const detail = attempts > 1 ? `HTTP ${status} after ${attempts} attempts` : `HTTP ${status}`;
          return fail(current, `http-${status}`, detail, attempts);
        }
        const parsed = parsePage(response.body, current);
        const page: Page = { url: current, depth, status, title: parsed.title, links: parsed.links };
        if (current !== url) page.redirectedFrom = url;
        // Schedule the links before handing the page over: the crawl keeps going while the
        // consumer looks at it.
        for (const href of parsed.invalidHrefs) skip('invalid-url', href);
        for (const link of parsed.links) consider(link, current, depth + 1);
        record.pages++;
        channel.push(page);
        return;
      }
    };

    try {
      signal.throwIfAborted();
      if (opts.obeyRobots) rules = await loadRobots(opts.start, opts.userAgent, retryOptions, record);
      // The start URL obeys robots.txt too (and with an unreachable robots.txt, nothing is allowed).
      if (rules.isAllowed(pathOf(opts.start))) take(opts.start, 0);
      else skip('disallowed', opts.start);
      if (pending === 0) idle(); // nothing was taken: nothing will ever call idle()
      await Promise.race([allDone, aborted(signal)]);
      signal.throwIfAborted();
    } finally {
      signal.removeEventListener('abort', onAbort);
      // On abort, in-flight visits reject promptly (their requests and timers listen to `signal`);
      // wait for them so that nothing is still running when the summary says "over".
      if (pending > 0) await allDone;
      agent.destroy();
      resolveSummary(record.summary(signal.aborted));
    }
  }

  let started = false;
  return {
    summary: summaryPromise,
    [Symbol.asyncIterator]() {
      if (started) throw new Error('crawl: a crawl can be iterated only once');
      started = true;
      finished = run().then(
        () => channel.close(),
        (err) => channel.fail(err),
      );
      return channel[Symbol.asyncIterator]();
    },
  };
}

/** Resolves never; rejects when the signal aborts. Lets `run` stop waiting for idleness on cancel. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}
