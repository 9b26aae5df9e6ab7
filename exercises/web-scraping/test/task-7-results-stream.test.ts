import { deferred, withTimeout } from '@course/runtime';
import { NO_FEATURES } from '@course/web-fixture';
import { describe, expect, it } from 'vitest';
import { crawl } from '../src/crawl';
import { createChannel } from '../src/page-channel';
import type { CrawlSummary, Page } from '../src/types';
import { collect, expectCleanedUp, pathOf, snapshot, useSites } from './helpers/site';

const settle = () => new Promise<void>((r) => setImmediate(r));

describe('Task 7: Results as a stream, and a summary', () => {
  const sites = useSites();

  describe('createChannel', () => {
    it('delivers values in the order pushed, and a consumer that asks first waits for the value', async () => {
      const channel = createChannel<number>();
      const it = channel[Symbol.asyncIterator]();
      channel.push(1);
      expect(await it.next()).toEqual({ value: 1, done: false });
      const waiting = it.next();
      channel.push(2);
      channel.push(3);
      expect(await waiting).toEqual({ value: 2, done: false });
      channel.close();
      expect(await it.next()).toEqual({ value: 3, done: false });
      expect(await it.next()).toEqual({ value: undefined, done: true });
    });

    it('delivers the values pushed before an error, then the error', async () => {
      const channel = createChannel<string>();
      channel.push('a');
      channel.fail(new Error('broken'));
      const got: string[] = [];
      await expect(
        (async () => {
          for await (const v of channel) got.push(v);
        })(),
      ).rejects.toThrow('broken');
      expect(got).toEqual(['a']);
    });

    it('calls onCancel when the consumer leaves early, and waits for it before the loop is left', async () => {
      const cancelled = deferred<void>();
      const events: string[] = [];
      const channel = createChannel<number>(async () => {
        events.push('cancel started');
        await cancelled.promise;
        events.push('cancel done');
      });
      channel.push(1);
      channel.push(2);
      const loop = (async () => {
        for await (const v of channel) {
          events.push(`got ${v}`);
          break;
        }
        events.push('loop left');
      })();
      await settle();
      expect(events).toEqual(['got 1', 'cancel started']);
      cancelled.resolve();
      await loop;
      expect(events).toEqual(['got 1', 'cancel started', 'cancel done', 'loop left']);
    });

    it('ignores values pushed after it was closed', async () => {
      const channel = createChannel<number>();
      channel.close();
      channel.push(1);
      const got: number[] = [];
      for await (const v of channel) got.push(v);
      expect(got).toEqual([]);
    });
  });

  describe('crawl', () => {
    it('does nothing until it is iterated', async () => {
      const site = await sites.start({ seed: 1, pages: 10 });
      const run = crawl(site.url, { maxDepth: 1 });
      await settle();
      expect(site.counters.total).toBe(0);
      await collect(run);
      expect(site.counters.total).toBeGreaterThan(0);
    });

    it('hands over pages as they complete, while slower requests are still open', async () => {
      // /page/2 never answers (until its 20 s timeout): a crawler that collects everything before
      // yielding would hold every page back until then.
      const site = await sites.start({
        seed: 1,
        pages: 7,
        features: NO_FEATURES,
        faults: [{ path: '/page/2', hang: true }],
      });
      const run = crawl(site.url, { timeoutMs: 20_000, retries: 0, concurrency: 4 });
      const it = run[Symbol.asyncIterator]();
      const got: Page[] = [];
      while (got.length < 3) {
        const next = await withTimeout(it.next(), 5_000, `page ${got.length + 1} while /page/2 hangs`);
        if (next.done) break;
        got.push(next.value);
      }
      expect(got).toHaveLength(3);
      expect(got.map((p) => pathOf(p.url))).not.toContain('/page/2');
      const hanging = site.counters.log.find((r) => r.path === '/page/2');
      expect(hanging?.outcome, '/page/2 is still open at the server').toBe('pending');
      let over = false;
      void run.summary.then(() => {
        over = true;
      });
      await settle();
      expect(over, 'the summary settled while a request was still open').toBe(false);
      await withTimeout(it.return!(), 2_000, 'leaving the iteration');
      expect((await withTimeout(run.summary, 2_000, 'the summary')).cancelled).toBe(true);
    });

    it('summarises the crawl: pages, failures by reason, retries, requests and time', async () => {
      const site = await sites.start({
        seed: 2,
        pages: 20,
        features: { ...NO_FEATURES, resources: true },
        faults: [
          { path: '/page/9', status: 404 },
          { path: '/page/*', status: 500, failFirst: 1 },
        ],
      });
      const started = performance.now();
      const { pages, summary } = await collect(
        crawl(site.url, { backoffMs: 1, maxBackoffMs: 2, maxDepth: 50, maxPages: 1_000, random: () => 0.5 }),
      );
      const wall = performance.now() - started;
      expect(summary.pages).toBe(pages.length);
      expect(summary.failuresByReason).toEqual({ 'not-html': 3, 'http-404': 1 });
      const total = Object.values(summary.failuresByReason).reduce((a, b) => a + b, 0);
      expect(total).toBe(summary.failures.length);
      expect(summary.retries).toBe(site.counters.status(500));
      expect(summary.requests).toBe(site.counters.total);
      expect(summary.elapsedMs).toBeGreaterThan(0);
      expect(summary.elapsedMs).toBeLessThanOrEqual(wall + 1);
      expect(summary.cancelled).toBe(false);
      expect(Object.keys(summary.skipped).sort()).toEqual([
        'disallowed',
        'invalid-url',
        'off-origin',
        'over-max-pages',
        'too-deep',
        'unsupported-scheme',
      ]);
    });

    it('stops the crawl and closes everything when the consumer leaves its loop early', async () => {
      const site = await sites.start({ seed: 3, pages: 60, latencyMs: 20, features: NO_FEATURES });
      const before = snapshot();
      const run = crawl(site.url, { concurrency: 4, maxPages: 1_000, maxDepth: 50 });
      let seen = 0;
      for await (const _page of run) {
        if (++seen === 5) break;
      }
      const summary: CrawlSummary = await withTimeout(run.summary, 2_000, 'the summary after break');
      expect(summary.cancelled).toBe(true);
      expect(summary.pages).toBe(5);
      // Requests cut off before they reached the server count as made, so at least what it saw.
      expect(summary.requests).toBeGreaterThanOrEqual(site.counters.total);
      await expectCleanedUp(site, before);
      const afterwards = site.counters.total;
      // Nothing was left scheduled: a few more event-loop turns bring no new request.
      for (let i = 0; i < 5; i++) await settle();
      expect(site.counters.total).toBe(afterwards);
    });

    it('can be iterated only once', async () => {
      const site = await sites.start({ seed: 1, pages: 5 });
      const run = crawl(site.url, { maxDepth: 0 });
      await collect(run);
      expect(() => run[Symbol.asyncIterator]()).toThrow(/once/);
    });
  });
});
