import { withTimeout } from '@course/runtime';
import { NO_FEATURES } from '@course/web-fixture';
import { describe, expect, it } from 'vitest';
import { crawl } from '../src/crawl';
import { collect, expectCleanedUp, snapshot, useSites } from './helpers/site';

describe('Task 6: Cancellation', () => {
  const sites = useSites();

  it('an already-aborted signal stops the crawl before any request', async () => {
    const site = await sites.start({ seed: 1, pages: 10 });
    const controller = new AbortController();
    controller.abort();
    const run = crawl(site.url, { signal: controller.signal });
    await expect(collect(run, 2_000)).rejects.toMatchObject({ name: 'AbortError' });
    expect(site.counters.total).toBe(0);
    expect((await run.summary).cancelled).toBe(true);
  });

  it('aborting mid-crawl ends the iteration promptly and abandons every request in flight', async () => {
    // Every page hangs: the crawl is stuck with `concurrency` requests open when we abort.
    const site = await sites.start({
      seed: 1,
      pages: 30,
      features: NO_FEATURES,
      faults: [{ path: '/page/*', hang: true }],
    });
    const before = snapshot();
    const controller = new AbortController();
    const run = crawl(site.url, { signal: controller.signal, concurrency: 3, timeoutMs: 60_000 });
    const done = collect(run, 10_000).catch((e: unknown) => e);
    await site.waitForRequests(2 + 3); // robots.txt, the home page, then 3 hanging pages
    controller.abort();
    const err = await withTimeout(done, 2_000, 'the crawl to stop after abort()');
    expect(err).toMatchObject({ name: 'AbortError' });
    const summary = await withTimeout(run.summary, 2_000, 'the summary after abort()');
    expect(summary.cancelled).toBe(true);
    expect(site.counters.total, 'requests made in all: none after the abort').toBe(5);
    await expectCleanedUp(site, before);
    expect(site.counters.aborted, 'hanging requests the crawler abandoned').toBe(3);
  });

  it('aborting during a backoff wait does not sit out the timer', async () => {
    const site = await sites.start({ seed: 1, pages: 10, faults: [{ path: '/', status: 503 }] });
    const before = snapshot();
    const controller = new AbortController();
    const run = crawl(site.url, {
      signal: controller.signal,
      retries: 5,
      backoffMs: 60_000,
      maxBackoffMs: 60_000,
    });
    const done = collect(run, 10_000).catch((e: unknown) => e);
    await site.waitForRequests(2); // robots.txt, then the first 503: the crawler now waits 30-60 s
    controller.abort();
    expect(await withTimeout(done, 2_000, 'the crawl to stop during a backoff wait')).toMatchObject({
      name: 'AbortError',
    });
    await expectCleanedUp(site, before);
  });

  it('aborting during a politeness delay does not sit it out either', async () => {
    const site = await sites.start({ seed: 1, pages: 10 });
    const before = snapshot();
    const controller = new AbortController();
    const run = crawl(site.url, { signal: controller.signal, delayMs: 60_000 });
    const done = collect(run, 10_000).catch((e: unknown) => e);
    await site.waitForRequests(1); // robots.txt; the home page may start only a minute later
    controller.abort();
    expect(await withTimeout(done, 2_000, 'the crawl to stop during a politeness delay')).toMatchObject({
      name: 'AbortError',
    });
    await expectCleanedUp(site, before);
  });

  it('rejects with the abort reason the caller gave', async () => {
    const site = await sites.start({
      seed: 1,
      pages: 10,
      features: NO_FEATURES,
      faults: [{ path: '/page/*', hang: true }],
    });
    const controller = new AbortController();
    const run = crawl(site.url, { signal: controller.signal, timeoutMs: 60_000 });
    const done = collect(run, 10_000).catch((e: unknown) => e);
    await site.waitForRequests(3);
    const reason = new Error('the user pressed stop');
    controller.abort(reason);
    expect(await withTimeout(done, 2_000, 'the crawl to stop')).toBe(reason);
  });
});
