import { seededRandom } from '@course/test-support';
import { NO_FEATURES } from '@course/web-fixture';
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../src/backoff';
import { crawl } from '../src/crawl';
import type { CrawlOptions } from '../src/types';
import { collect, eventually, pathOf, useSites } from './helpers/site';

/** Quick retries, seeded jitter: the same run every time. */
const FAST: CrawlOptions = { backoffMs: 1, maxBackoffMs: 5, maxDepth: 50, maxPages: 1_000, concurrency: 4 };
const fast = (seed: number, extra: CrawlOptions = {}): CrawlOptions => ({
  ...FAST,
  random: seededRandom(seed).next,
  ...extra,
});

describe('Task 4: Faults', () => {
  const sites = useSites();

  describe('backoffDelay', () => {
    const limits = { baseMs: 100, maxMs: 5_000 };
    it('doubles the ceiling with each retry, and jitters between half the ceiling and all of it', () => {
      expect(backoffDelay(0, limits, () => 0)).toBe(50);
      expect(backoffDelay(0, limits, () => 0.5)).toBe(75);
      expect(backoffDelay(3, limits, () => 0)).toBe(400);
      expect(backoffDelay(3, limits, () => 0.5)).toBe(600);
      const lows = [0, 1, 2, 3, 4, 5].map((k) => backoffDelay(k, limits, () => 0));
      expect(lows).toEqual([50, 100, 200, 400, 800, 1600]);
    });

    it('never waits longer than maxMs, however many retries', () => {
      expect(backoffDelay(10, limits, () => 0)).toBe(2_500);
      expect(backoffDelay(10, limits, () => 0.999999)).toBeLessThanOrEqual(5_000);
      expect(backoffDelay(2_000, limits, () => 0.5)).toBe(3_750);
    });

    it('rejects a negative or fractional retry number', () => {
      expect(() => backoffDelay(-1, limits, () => 0)).toThrow(RangeError);
      expect(() => backoffDelay(0.5, limits, () => 0)).toThrow(RangeError);
    });
  });

  describe('parseRetryAfter', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    it('reads delay-seconds and HTTP dates', () => {
      expect(parseRetryAfter('2', now)).toBe(2_000);
      expect(parseRetryAfter(' 0 ', now)).toBe(0);
      expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', now)).toBe(10_000);
      expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
    });
    it('gives undefined for a missing or unreadable header', () => {
      for (const bad of [undefined, '', 'soon', '-5', '1.5'])
        expect(parseRetryAfter(bad, now), String(bad)).toBeUndefined();
    });
  });

  describe('crawl', () => {
    it('retries 500s and still gets every page', async () => {
      const site = await sites.start({
        seed: 6,
        pages: 30,
        features: NO_FEATURES,
        faults: [{ path: '/page/*', status: 500, failFirst: 2 }],
      });
      const { pages, summary } = await collect(crawl(site.url, fast(1, { retries: 3 })));
      // Every page of the site (its print views, /page/<n>?view=print, included).
      expect(pages.map((p) => p.url).sort()).toEqual(site.groundTruth({ maxDepth: 50 }).pages);
      expect(summary.failures).toEqual([]);
      expect(site.counters.requestsTo('/page/7')).toBe(3);
      const faulty = site.counters.paths().filter((p) => p.startsWith('/page/')).length;
      expect(summary.retries).toBe(2 * faulty);
      expect(site.counters.status(500)).toBe(2 * faulty);
    });

    it('retries after a dropped connection', async () => {
      const site = await sites.start({
        seed: 6,
        pages: 20,
        features: NO_FEATURES,
        faults: [{ path: '/page/*', reset: true, failFirst: 1 }],
      });
      const { pages, summary } = await collect(crawl(site.url, fast(2)));
      expect(pages.map((p) => p.url).sort()).toEqual(site.groundTruth({ maxDepth: 50 }).pages);
      expect(summary.retries).toBe(site.counters.paths().filter((p) => p.startsWith('/page/')).length);
    });

    it('gives up after the retry limit and records the URL, the reason and the attempts', async () => {
      const site = await sites.start({
        seed: 6,
        pages: 20,
        features: NO_FEATURES,
        faults: [{ path: '/page/5', status: 503 }],
      });
      const { pages, summary } = await collect(crawl(site.url, fast(3, { retries: 2 })));
      expect(pages.map((p) => p.url)).not.toContain(site.urlFor('/page/5'));
      expect(summary.failures).toEqual([
        expect.objectContaining({ url: site.urlFor('/page/5'), reason: 'http-503', attempts: 3 }),
      ]);
      expect(site.counters.requestsTo('/page/5')).toBe(3);
    });

    it('does not retry a 404: it will not change', async () => {
      const site = await sites.start({
        seed: 6,
        pages: 20,
        features: NO_FEATURES,
        faults: [{ path: '/page/6', status: 404 }],
      });
      const { summary } = await collect(crawl(site.url, fast(4)));
      expect(summary.failures).toEqual([
        expect.objectContaining({ url: site.urlFor('/page/6'), reason: 'http-404', attempts: 1 }),
      ]);
      expect(site.counters.requestsTo('/page/6')).toBe(1);
    });

    it('waits as long as Retry-After asks before retrying a 429', async () => {
      const site = await sites.start({
        seed: 6,
        pages: 5,
        features: NO_FEATURES,
        faults: [{ path: '/page/2', status: 429, retryAfter: 1, failFirst: 1 }],
      });
      const { pages } = await collect(crawl(site.url, fast(5)));
      expect(pages.map((p) => pathOf(p.url))).toContain('/page/2');
      const [first, second] = site.counters.log.filter((r) => r.path === '/page/2');
      expect(second, 'a retry of /page/2').toBeDefined();
      // The server's own clock: the retry arrived about 1 s after the 429 went out (a timer may
      // fire a few ms early on a busy event loop; the backoff alone would have been 1-5 ms).
      expect(second!.startedAt - first!.endedAt!).toBeGreaterThanOrEqual(900);
    });

    it('gives up at once on a Retry-After longer than maxRetryAfterMs', async () => {
      const site = await sites.start({
        seed: 6,
        pages: 5,
        features: NO_FEATURES,
        faults: [{ path: '/page/2', status: 429, retryAfter: 3_600 }],
      });
      const { summary } = await collect(crawl(site.url, fast(6, { maxRetryAfterMs: 2_000 })));
      expect(summary.failures).toEqual([
        expect.objectContaining({ url: site.urlFor('/page/2'), reason: 'http-429', attempts: 1 }),
      ]);
    });

    it('times out a page that never answers, retries it, then records a timeout', async () => {
      const site = await sites.start({
        seed: 6,
        pages: 10,
        features: NO_FEATURES,
        faults: [{ path: '/page/3', hang: true }],
      });
      const { summary } = await collect(crawl(site.url, fast(7, { timeoutMs: 150, retries: 1 })));
      expect(summary.failures).toEqual([
        expect.objectContaining({ url: site.urlFor('/page/3'), reason: 'timeout', attempts: 2 }),
      ]);
      await eventually(
        () => site.counters.aborted === 2,
        'the server to see both hanging requests abandoned',
      );
    });

    it('gives up on an endless body: the timeout covers the body, not just the headers', async () => {
      const site = await sites.start({
        seed: 6,
        pages: 10,
        features: NO_FEATURES,
        faults: [{ path: '/page/4', slowBody: { chunks: 500, intervalMs: 20 } }],
      });
      const { summary } = await collect(crawl(site.url, fast(8, { timeoutMs: 300, retries: 0 })));
      expect(summary.failures).toEqual([
        expect.objectContaining({ url: site.urlFor('/page/4'), reason: 'timeout' }),
      ]);
    });

    it('stops reading an oversized body at maxBytes', async () => {
      const site = await sites.start({ seed: 6, pages: 10, oversizeBytes: 8 * 1024 * 1024 });
      const { summary } = await collect(
        crawl(site.urlFor('/big'), fast(9, { maxBytes: 64 * 1024, maxDepth: 0 })),
      );
      expect(summary.failures).toEqual([
        expect.objectContaining({ url: site.urlFor('/big'), reason: 'too-large' }),
      ]);
      // The client hung up instead of downloading 8 MiB: the server could not finish its answer.
      await eventually(
        () => site.counters.aborted === 1,
        'the server to see the oversized download abandoned',
      );
    });

    it('skips non-HTML answers without following links out of them, and records each one', async () => {
      const site = await sites.start({
        seed: 6,
        pages: 10,
        oversizeBytes: 100_000,
        features: { ...NO_FEATURES, resources: true, oddities: true },
      });
      const { pages, summary } = await collect(crawl(site.url, fast(10)));
      const notHtml = summary.failures.filter((f) => f.reason === 'not-html').map((f) => f.url);
      const truth = site.groundTruth({ maxDepth: 50 });
      expect(notHtml.sort()).toEqual(truth.resources);
      expect(site.counters.requestsTo('/from-a-text-file')).toBe(0);
      // Bytes labelled text/html are parsed (and survived): a page with nothing in it.
      expect(pages.map((p) => p.url)).toContain(site.urlFor('/download/data.bin'));
    });

    it('loses no page: every URL requested ends as a page, a failure or a redirect', async () => {
      const site = await sites.start({
        seed: 9,
        pages: 60,
        oversizeBytes: 100_000,
        features: { traps: false },
        // One page in five fails once (500), one in ten drops the connection once.
        faults: [
          { path: /^\/page\/\d*[05]$/, status: 500, failFirst: 1 },
          { path: /^\/page\/\d*[3]$/, reset: true, failFirst: 1 },
        ],
      });
      const { pages, summary } = await collect(
        crawl(site.url, fast(11, { concurrency: 6, maxDepth: Number.POSITIVE_INFINITY })),
      );
      const truth = site.groundTruth({ maxDepth: Number.POSITIVE_INFINITY });
      expect(pages.map((p) => p.url).sort()).toEqual(truth.pages);
      expect(
        summary.failures
          .filter((f) => f.reason === 'not-html')
          .map((f) => f.url)
          .sort(),
      ).toEqual(truth.resources);
      const requested = site.counters.paths().filter((p) => p !== '/robots.txt');
      expect(requested.length).toBe(pages.length + summary.failures.length + summary.redirects);
      expect(summary.retries).toBe(site.counters.total - site.counters.paths().length);
    });
  });
});
