import { withTimeout } from '@course/runtime';
import { describeLeaks, findLeaks, type ResourceCounts, resourceCounts } from '@course/test-support';
import { type Site, type SiteOptions, startSite } from '@course/web-fixture';
import { afterEach } from 'vitest';
import type { Crawl, CrawlSummary, Page } from '../../src/types';

/**
 * Start test sites that are closed after each test, even a failing one.
 *
 * @example
 * const sites = useSites();
 * it('...', async () => { const site = await sites.start({ pages: 20 }); ... });
 */
export function useSites(): { start(options?: SiteOptions): Promise<Site> } {
  const open: Site[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return {
    async start(options = {}) {
      const site = await startSite(options);
      open.push(site);
      return site;
    },
  };
}

/** Iterate a crawl to the end (within a budget) and return its pages and summary. */
export async function collect(
  run: Crawl,
  budgetMs = 15_000,
): Promise<{ pages: Page[]; summary: CrawlSummary }> {
  const pages: Page[] = [];
  await withTimeout(
    (async () => {
      for await (const page of run) pages.push(page);
    })(),
    budgetMs,
    'the crawl to finish',
  );
  const summary = await withTimeout(run.summary, 5_000, 'crawl.summary to settle after the iteration ended');
  return { pages, summary };
}

/**
 * Wait for a condition the code under test brings about on its own (a socket closing on a later
 * event-loop turn). Not a sleep to order events: a bounded poll for an effect, failing with `what`.
 */
export async function eventually(condition: () => boolean, what: string, budgetMs = 2_000): Promise<void> {
  const deadline = Date.now() + budgetMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Expected ${what} within ${budgetMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Take a snapshot of the event loop's resources: call it after starting the site, before crawling. */
export function snapshot(): ResourceCounts {
  return resourceCounts();
}

/**
 * Everything the crawl opened is closed, judged from both ends, BEFORE the site is closed (closing
 * the site would destroy a leaked socket and hide it): the server sees no open connection and no
 * request in flight, and no socket or timer outlived the crawl in this process.
 */
export async function expectCleanedUp(site: Site, before: ResourceCounts): Promise<void> {
  await eventually(
    () => site.counters.inFlight === 0,
    `no request in flight at the server (still ${site.counters.inFlight})`,
  );
  await eventually(
    () => site.counters.openConnections === 0,
    `every connection closed by the crawler (the server still has ${site.counters.openConnections} open: an idle keep-alive socket or an agent not destroyed)`,
  );
  const message = describeLeaks(await findLeaks(before, { graceMs: 1_000 }));
  if (message) throw new Error(message);
}

/** Path and query of an absolute URL. */
export function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}
