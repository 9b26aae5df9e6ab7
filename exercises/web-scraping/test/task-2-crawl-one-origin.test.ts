import { NO_FEATURES } from '@course/web-fixture';
import { describe, expect, it } from 'vitest';
import { crawl } from '../src/crawl';
import { isSameOrigin, normalizeUrl } from '../src/normalize-url';
import { offLoopbackAttempts } from './helpers/loopback-only';
import { collect, pathOf, useSites } from './helpers/site';

describe('Task 2: Crawl one origin, each URL once', () => {
  const sites = useSites();

  describe('normalizeUrl', () => {
    const base = 'http://127.0.0.1:8080/dir/index.html';
    it.each([
      ['resolves a relative link against the base', 'page/2', base, 'http://127.0.0.1:8080/dir/page/2'],
      ['resolves dot segments', '../a/./b/../c', base, 'http://127.0.0.1:8080/a/c'],
      ['lowercases scheme and host', 'HTTP://Example.COM/A', undefined, 'http://example.com/A'],
      ['drops the default http port', 'http://example.com:80/x', undefined, 'http://example.com/x'],
      ['drops the default https port', 'https://example.com:443/x', undefined, 'https://example.com/x'],
      ['keeps a non-default port', 'http://127.0.0.1:8080', undefined, 'http://127.0.0.1:8080/'],
      ['drops the fragment', '/p#section-2', base, 'http://127.0.0.1:8080/p'],
      [
        'turns a bare fragment into the page itself',
        '#top',
        'http://127.0.0.1:8080/a?x=1#y',
        'http://127.0.0.1:8080/a?x=1',
      ],
      ['drops an empty query', '/p?', base, 'http://127.0.0.1:8080/p'],
      ['keeps a query as it is, order included', '/p?b=2&a=1', base, 'http://127.0.0.1:8080/p?b=2&a=1'],
      [
        'decodes escaped unreserved characters and upper-cases the rest',
        '/%7Euser/%2fx?q=%41%2c',
        base,
        'http://127.0.0.1:8080/~user/%2Fx?q=A%2C',
      ],
      ['leaves a trailing slash alone', '/docs/', base, 'http://127.0.0.1:8080/docs/'],
      ['leaves a missing trailing slash alone', '/docs', base, 'http://127.0.0.1:8080/docs'],
      ['trims the spaces around an href', '  /page/3  ', base, 'http://127.0.0.1:8080/page/3'],
    ])('%s', (_, href, from, expected) => {
      expect(normalizeUrl(href, from)).toBe(expected);
    });

    it.each([
      ['mailto:', 'mailto:team@example.com'],
      ['javascript:', 'javascript:void(0)'],
      ['ftp:', 'ftp://127.0.0.1/file'],
      ['data:', 'data:text/html,<p>hi</p>'],
      ['an href that is no URL', 'http://exa mple.com/'],
    ])('gives null for %s, which is not crawlable', (_, href) => {
      expect(normalizeUrl(href, base)).toBeNull();
    });
  });

  describe('isSameOrigin', () => {
    it('compares scheme, host and port, nothing else', () => {
      expect(isSameOrigin('http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b?c#d')).toBe(true);
      expect(isSameOrigin('http://127.0.0.1:8080/a', 'http://127.0.0.1:9/a')).toBe(false);
      expect(isSameOrigin('http://127.0.0.1:8080/a', 'https://127.0.0.1:8080/a')).toBe(false);
      expect(isSameOrigin('http://127.0.0.1:8080/a', 'http://localhost:8080/a')).toBe(false);
      expect(isSameOrigin('http://example.com/a', 'http://example.com:80/b')).toBe(true);
    });
  });

  describe('crawl', () => {
    it('rejects bad input with a clear error, before making any request', async () => {
      const site = await sites.start({ seed: 1, pages: 10 });
      const bad: Array<[string, () => unknown, RegExp]> = [
        ['a start URL that is not a URL', () => crawl('not a url'), /not a url/],
        ['an ftp: start URL', () => crawl('ftp://127.0.0.1/'), /ftp/],
        ['a mailto: start URL', () => crawl('mailto:someone@example.com'), /mailto/],
        ['a negative maxPages', () => crawl(site.url, { maxPages: -1 }), /maxPages.*-1/],
        ['a negative maxDepth', () => crawl(site.url, { maxDepth: -1 }), /maxDepth.*-1/],
        ['a zero concurrency', () => crawl(site.url, { concurrency: 0 }), /concurrency.*0/],
        ['a fractional concurrency', () => crawl(site.url, { concurrency: 1.5 }), /concurrency.*1\.5/],
        ['a negative timeout', () => crawl(site.url, { timeoutMs: -5 }), /timeoutMs.*-5/],
        ['a negative retry count', () => crawl(site.url, { retries: -1 }), /retries.*-1/],
        ['a NaN delay', () => crawl(site.url, { delayMs: Number.NaN }), /delayMs.*NaN/],
        ['a misspelt option', () => crawl(site.url, { concurency: 4 } as never), /concurency/],
      ];
      for (const [what, call, message] of bad) {
        expect(call, `crawl with ${what} should throw at once`).toThrow(message);
      }
      expect(site.counters.total, 'requests made for bad input').toBe(0);
    });

    it('fetches every page reachable within maxDepth exactly once, and nothing else', async () => {
      // oversizeBytes under the default maxBytes: here /big is just a page.
      const site = await sites.start({ seed: 3, pages: 40, oversizeBytes: 100_000 });
      // One at a time, a FIFO frontier is a breadth-first search: exactly the ground truth.
      const { pages, summary } = await collect(
        crawl(site.url, { concurrency: 1, maxDepth: 3, maxPages: 1_000 }),
      );
      const truth = site.groundTruth({ maxDepth: 3 });

      expect(pages.map((p) => p.url).sort()).toEqual(truth.pages);
      for (const page of pages) expect(page.depth, `depth of ${page.url}`).toBe(truth.depth[page.url]);
      const twice = [...site.counters.byPath].filter(([, n]) => n > 1);
      expect(twice, 'paths requested more than once').toEqual([]);
      expect(summary.pages).toBe(pages.length);
    });

    it('never leaves the origin: other hosts, other ports and mailto: links are counted, not fetched', async () => {
      const site = await sites.start({ seed: 3, pages: 40, oversizeBytes: 100_000 });
      const { pages, summary } = await collect(
        crawl(site.url, { concurrency: 4, maxDepth: 3, maxPages: 1_000 }),
      );
      expect(offLoopbackAttempts(), 'connections attempted to hosts other than 127.0.0.1').toEqual([]);
      for (const page of pages) expect(page.url.startsWith(`${site.origin}/`), page.url).toBe(true);
      expect(summary.skipped['off-origin']).toBeGreaterThan(0);
      expect(summary.skipped['unsupported-scheme']).toBeGreaterThan(0);
      // The site's mailto: link and its "another port" link are in the ground truth's external list.
      const truth = site.groundTruth({ maxDepth: 3 });
      expect(truth.external.some((u) => u.startsWith('mailto:'))).toBe(true);
    });

    it('stops taking URLs after maxPages', async () => {
      const site = await sites.start({ seed: 4, pages: 40, features: NO_FEATURES });
      const { pages, summary } = await collect(
        crawl(site.url, { concurrency: 3, maxPages: 10, maxDepth: 50 }),
      );
      expect(pages).toHaveLength(10);
      const fetched = site.counters.paths().filter((p) => p !== '/robots.txt');
      expect(fetched).toHaveLength(10);
      expect(summary.skipped['over-max-pages']).toBeGreaterThan(0);
    });

    it('with maxDepth 0 fetches the start page only', async () => {
      const site = await sites.start({ seed: 1, pages: 20 });
      const { pages, summary } = await collect(crawl(site.url, { maxDepth: 0 }));
      expect(pages.map((p) => [pathOf(p.url), p.depth])).toEqual([['/', 0]]);
      expect(site.counters.paths()).toEqual(['/', '/robots.txt']);
      expect(summary.skipped['too-deep']).toBeGreaterThan(0);
    });

    it('escapes the endless calendar and the redirect loop', async () => {
      const site = await sites.start({
        seed: 2,
        pages: 10,
        features: {
          traps: true,
          redirects: false,
          resources: false,
          oddities: false,
          external: false,
          disallowed: false,
        },
      });
      const { pages, summary } = await collect(
        crawl(site.url, { concurrency: 4, maxDepth: 6, maxPages: 1_000 }),
      );
      for (const page of pages) expect(page.depth, page.url).toBeLessThanOrEqual(6);
      const calendar = site.counters.paths().filter((p) => p.startsWith('/calendar/'));
      // From /calendar/2024/01 at depth 1, months spread both ways, one more each step: 1 + 2 + 2 + 2 + 2 + 2.
      expect(calendar.length).toBeLessThanOrEqual(11);
      expect(summary.failures.filter((f) => f.reason === 'redirect-loop').map((f) => pathOf(f.url))).toEqual([
        '/loop/a',
      ]);
      expect(site.counters.requestsTo('/loop/a')).toBe(1);
      expect(site.counters.requestsTo('/loop/b')).toBe(1);
    });

    it('follows a same-origin redirect and reports the page under its final URL', async () => {
      const site = await sites.start({ seed: 1, pages: 10 });
      const { pages, summary } = await collect(crawl(site.urlFor('/old/3'), { maxDepth: 0 }));
      expect(pages).toHaveLength(1);
      expect(pages[0]).toMatchObject({
        url: site.urlFor('/page/3'),
        redirectedFrom: site.urlFor('/old/3'),
        depth: 0,
      });
      expect(summary.redirects).toBe(1);
    });
  });
});
