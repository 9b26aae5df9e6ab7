import { expectNoLeaks } from '@course/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { groundTruth as groundTruthOf } from '../src/ground-truth';
import { NO_FEATURES } from '../src/resources';
import { createSiteModel } from '../src/site-model';
import { type Site, startSite } from '../src/start-site';
import { crawl, extractHrefs } from './crawl-for-test';

// Registered first, so it runs after the afterEach below has closed the site (hooks run as a stack).
expectNoLeaks();
let site: Site | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const ORIGIN = 'http://127.0.0.1:1';

describe('groundTruth', () => {
  it('agrees with what a plain crawler fetches over HTTP from the served pages', async () => {
    site = await startSite({ seed: 3, pages: 40, oversizeBytes: 100_000 });
    const truth = site.groundTruth({ maxDepth: 4 });
    const seen = await crawl(site.url, 4);
    expect(seen.pages).toEqual(truth.pages);
    expect(seen.resources).toEqual(truth.resources);
    // The crawler obeyed robots.txt: the server never saw a disallowed path.
    expect(site.counters.paths().filter((p) => p.startsWith('/private/') || p === '/admin')).toEqual([]);
  });

  it('reaches every page of a site without traps and nothing outside it', () => {
    const model = createSiteModel({ seed: 2, pages: 30, origin: ORIGIN, features: { traps: false } });
    const truth = groundTruthOf(model, {});
    const pagePaths = truth.pages.filter((u) => /\/(page\/\d+)?$/.test(u)).map((u) => new URL(u).pathname);
    expect(pagePaths.sort()).toEqual(model.pagePaths().sort());
    expect(truth.pages.every((u) => u.startsWith(`${ORIGIN}/`) && !u.includes('#'))).toBe(true);
    expect(truth.external).toContain('https://example.com/');
    expect(truth.external).toContain('mailto:webmaster@example.com');
    expect(truth.disallowed).toContain(`${ORIGIN}/private/1`);
  });

  it('with NO_FEATURES is plain pages only: no resource, redirect, broken link, external or disallowed link', () => {
    const model = createSiteModel({ seed: 2, pages: 30, origin: ORIGIN, features: NO_FEATURES });
    const truth = groundTruthOf(model, {});
    // Every HTML page is an ordinary page (some reached also as `?view=print`, a query is not a feature).
    const pagePaths = [...new Set(truth.pages.map((u) => new URL(u).pathname))];
    expect(pagePaths.sort()).toEqual(model.pagePaths().sort());
    expect(truth.resources).toEqual([]);
    expect(truth.redirects).toEqual([]);
    expect(truth.broken).toEqual([]);
    expect(truth.external).toEqual([]);
    expect(truth.disallowed).toEqual([]);
  });

  it('follows the calendar trap only as deep as the depth limit allows', () => {
    const model = createSiteModel({ seed: 1, pages: 5, origin: ORIGIN });
    const calendar = (d: number) =>
      groundTruthOf(model, { maxDepth: d }).pages.filter((u) => u.includes('/calendar/'));
    expect(calendar(1)).toEqual([`${ORIGIN}/calendar/2024/01`]);
    // Each month links to the next and the previous one: two new months per extra hop.
    expect(calendar(4)).toHaveLength(1 + 2 * 3);
    expect(() => groundTruthOf(model, {})).toThrow(/calendar is endless/);
  });

  it('reports the redirect loop as broken and the old address as a redirect', () => {
    const model = createSiteModel({ seed: 1, pages: 5, origin: ORIGIN });
    const truth = groundTruthOf(model, { maxDepth: 2 });
    expect(truth.broken).toContainEqual({ url: `${ORIGIN}/loop/a`, reason: 'redirect-loop' });
    expect(truth.redirects).toContainEqual({ from: `${ORIGIN}/old/1`, to: `${ORIGIN}/page/1` });
  });

  it('includes disallowed paths only when robots are ignored', () => {
    const model = createSiteModel({ seed: 1, pages: 5, origin: ORIGIN });
    const polite = groundTruthOf(model, { maxDepth: 3 });
    const rude = groundTruthOf(model, { maxDepth: 3, obeyRobots: false });
    expect(polite.pages.some((u) => u.includes('/private/'))).toBe(false);
    expect(rude.pages).toContain(`${ORIGIN}/private/1`);
    expect(rude.pages).toContain(`${ORIGIN}/admin`);
  });

  it('stops at maxPages HTML pages', () => {
    const model = createSiteModel({ seed: 1, pages: 50, origin: ORIGIN });
    expect(groundTruthOf(model, { maxPages: 7 }).pages).toHaveLength(7);
  });
});

describe('malformed page', () => {
  it('still yields its three links to a tolerant parser, and not the commented-out one', async () => {
    site = await startSite({ pages: 5 });
    const html = await (await fetch(site.urlFor('/broken'), { headers: { connection: 'close' } })).text();
    expect(extractHrefs(html)).toEqual(['/page/1', '/page/2', '/page/3']);
  });
});
