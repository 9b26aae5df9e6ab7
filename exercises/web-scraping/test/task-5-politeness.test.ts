import { withTimeout } from '@course/runtime';
import { isDisallowed, NO_FEATURES } from '@course/web-fixture';
import { describe, expect, it } from 'vitest';
import { crawl } from '../src/crawl';
import { createPacer } from '../src/pacer';
import { parseRobots } from '../src/robots';
import { collect, useSites } from './helpers/site';

const ME = 'course-crawler';

describe('Task 5: Politeness', () => {
  const sites = useSites();

  describe('parseRobots', () => {
    it('disallows by path prefix, in the group for every agent', () => {
      const rules = parseRobots('User-agent: *\nDisallow: /private/\nDisallow: /admin', ME);
      expect(rules.isAllowed('/private/3')).toBe(false);
      expect(rules.isAllowed('/admin')).toBe(false);
      expect(rules.isAllowed('/admin/users?x=1')).toBe(false);
      expect(rules.isAllowed('/private')).toBe(true);
      expect(rules.isAllowed('/page/1')).toBe(true);
    });

    it('lets the longest matching rule win, and Allow win a tie', () => {
      const rules = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a/b\nAllow: /t\nDisallow: /t', ME);
      expect(rules.isAllowed('/a/b/c')).toBe(true);
      expect(rules.isAllowed('/a/x')).toBe(false);
      expect(rules.isAllowed('/t/1')).toBe(true);
    });

    it('understands * and a final $', () => {
      const rules = parseRobots('User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=', ME);
      expect(rules.isAllowed('/docs/guide.pdf')).toBe(false);
      expect(rules.isAllowed('/docs/guide.pdf?download=1')).toBe(true);
      expect(rules.isAllowed('/search?lang=en&q=1')).toBe(false);
      expect(rules.isAllowed('/search?lang=en')).toBe(true);
    });

    it('obeys the group naming this crawler instead of the * group', () => {
      const text =
        'User-agent: *\nDisallow: /\n\nUser-agent: other-bot\nUser-agent: Course\nDisallow: /only-not-for-course\n';
      const mine = parseRobots(text, ME);
      expect(mine.isAllowed('/page/1')).toBe(true);
      expect(mine.isAllowed('/only-not-for-course')).toBe(false);
      expect(parseRobots(text, 'someone-else').isAllowed('/page/1')).toBe(false);
    });

    it('ignores comments, case and CRLF line ends; an empty Disallow or file allows everything', () => {
      const rules = parseRobots('# hello\r\nUSER-AGENT: *\r\ndisallow: /x # not /x/y only\r\n', ME);
      expect(rules.isAllowed('/x/y')).toBe(false);
      expect(parseRobots('User-agent: *\nDisallow:\n', ME).isAllowed('/anything')).toBe(true);
      expect(parseRobots('', ME).isAllowed('/anything')).toBe(true);
    });
  });

  describe('createPacer', () => {
    it('with no delay never waits', async () => {
      const pacer = createPacer(0);
      await withTimeout(
        Promise.all(Array.from({ length: 100 }, () => pacer.wait())),
        1_000,
        '100 waits with no delay',
      );
    });

    it('lets callers through at least delayMs apart, even after the event loop was held up', async () => {
      const delayMs = 30;
      const pacer = createPacer(delayMs);
      const passed: number[] = [];
      const waits = Array.from({ length: 4 }, () => pacer.wait().then(() => passed.push(performance.now())));
      await waits[0];
      // Hold the event loop for several delays: the waiters behind are all overdue now. A pacer
      // that spaces from scheduled times lets them through in one burst.
      const until = performance.now() + 4 * delayMs;
      while (performance.now() < until) {}
      await withTimeout(Promise.all(waits), 2_000, 'the four waits');
      const gaps = passed.slice(1).map((t, i) => t - passed[i]!);
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(delayMs - 1);
    });

    it('stops waiting when the signal aborts, with the signal’s reason', async () => {
      const pacer = createPacer(60_000);
      await pacer.wait(); // takes the first slot: the next one is a minute away
      const controller = new AbortController();
      const waiting = pacer.wait(controller.signal).catch((e: unknown) => e);
      controller.abort(new Error('stop'));
      expect(await withTimeout(waiting, 1_000, 'an aborted pacer wait to end')).toMatchObject({
        message: 'stop',
      });
    });
  });

  describe('crawl', () => {
    it('fetches robots.txt once, before anything else, and never a disallowed path', async () => {
      const site = await sites.start({ seed: 3, pages: 40, oversizeBytes: 100_000 });
      const { summary } = await collect(crawl(site.url, { concurrency: 1, maxDepth: 3, maxPages: 1_000 }));
      expect(site.counters.log[0]?.path).toBe('/robots.txt');
      expect(site.counters.requestsTo('/robots.txt')).toBe(1);
      expect(site.counters.paths().filter(isDisallowed), 'disallowed paths requested').toEqual([]);
      expect(summary.skipped.disallowed).toBe(site.groundTruth({ maxDepth: 3 }).disallowed.length);
    });

    it('treats a missing robots.txt (404) as "everything allowed"', async () => {
      const site = await sites.start({ seed: 3, pages: 20, faults: [{ path: '/robots.txt', status: 404 }] });
      await collect(crawl(site.url, { maxDepth: 1, maxPages: 1_000 }));
      expect(site.counters.requestsTo('/private/1')).toBe(1);
      expect(site.counters.requestsTo('/admin')).toBe(1);
    });

    it('crawls nothing when robots.txt cannot be fetched (5xx), and says why', async () => {
      const site = await sites.start({ seed: 3, pages: 20, faults: [{ path: '/robots.txt', status: 503 }] });
      const { pages, summary } = await collect(
        crawl(site.url, { retries: 1, backoffMs: 1, maxBackoffMs: 1 }),
      );
      expect(pages).toEqual([]);
      expect(summary.failures).toEqual([
        expect.objectContaining({ url: site.urlFor('/robots.txt'), reason: 'robots-unavailable' }),
      ]);
      expect(site.counters.paths()).toEqual(['/robots.txt']);
    });

    it('with obeyRobots false, does not ask for robots.txt', async () => {
      const site = await sites.start({ seed: 3, pages: 20 });
      await collect(crawl(site.url, { obeyRobots: false, maxDepth: 1, maxPages: 1_000 }));
      expect(site.counters.requestsTo('/robots.txt')).toBe(0);
      expect(site.counters.requestsTo('/private/1')).toBe(1);
    });

    it('spaces the starts of requests at least delayMs apart, whatever the concurrency', async () => {
      const site = await sites.start({ seed: 3, pages: 12, features: NO_FEATURES });
      const delayMs = 80;
      await collect(crawl(site.url, { delayMs, concurrency: 4, maxPages: 12, maxDepth: 50 }));
      const starts = site.counters.log.map((r) => r.startedAt).sort((a, b) => a - b);
      expect(starts.length).toBeGreaterThan(8);
      // The server notes a request when its event loop gets to it, a little after the client sent
      // it, and that lag varies on a busy machine: two starts may look closer than delayMs. Three
      // starts within one delayMs would need the lag to vary by more than delayMs, so that is the
      // check; a crawler without the delay starts 4 requests within a millisecond.
      for (let i = 0; i + 2 < starts.length; i++) {
        expect(starts[i + 2]! - starts[i]!, `starts ${i} to ${i + 2}`).toBeGreaterThanOrEqual(delayMs);
      }
      expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual((starts.length - 2) * delayMs);
    });
  });
});
