import { expectNoLeaks } from '@course/test-support';
import { type Site, type SiteOptions, startSite } from '@course/web-fixture';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchBatch } from '../src/async-web-requests/fetch-batch';
import { fetchWithRetry } from '../src/async-web-requests/fetch-with-retry';
import { fetchText } from '../src/async-web-requests/fetch-with-timeout';
import { sequentialRequests } from '../src/async-web-requests/keep-alive';

// Registered first, so it runs after the afterEach below has closed the site (hooks run as a stack).
expectNoLeaks();
let site: Site | undefined;
async function start(options: SiteOptions = {}): Promise<Site> {
  site = await startSite({ pages: 30, ...options });
  return site;
}
afterEach(async () => {
  // Destroys keep-alive sockets too: fetch (undici) would otherwise hold them open after the test.
  await site?.close();
  site = undefined;
});

const pages = (s: Site, n: number) => Array.from({ length: n }, (_, i) => s.urlFor(`/page/${i + 1}`));

describe('fetchBatch', () => {
  it('sends one request at a time when sequential', async () => {
    const s = await start();
    const outcomes = await fetchBatch(pages(s, 8), { concurrency: 1, timeoutMs: 10_000 });
    expect(outcomes.map((o) => o.status)).toEqual(Array(8).fill(200));
    expect(s.counters.maxInFlight).toBe(1);
  });

  it('keeps exactly `concurrency` requests in flight when bounded, never more', async () => {
    const s = await start({ faults: [{ path: '/page/*', hold: true }] });
    const batch = fetchBatch(pages(s, 12), { concurrency: 4, timeoutMs: 10_000 });
    await s.waitForRequests(4);
    // Held by the server, none can finish, so the limiter cannot have sent a fifth.
    expect([s.counters.total, s.counters.inFlight]).toEqual([4, 4]);
    s.release();
    const outcomes = await batch;
    expect(outcomes.map((o) => o.status)).toEqual(Array(12).fill(200));
    expect(s.counters.maxInFlight).toBe(4);
    expect(s.counters.total).toBe(12);
  });

  it('puts every request in flight at once when unbounded', async () => {
    const s = await start({ faults: [{ path: '/page/*', hold: true }] });
    const batch = fetchBatch(pages(s, 12), { concurrency: Number.POSITIVE_INFINITY, timeoutMs: 10_000 });
    await s.waitForRequests(12);
    expect(s.counters.inFlight).toBe(12);
    s.release();
    expect((await batch).every((o) => o.status === 200)).toBe(true);
  });

  it('cancels a whole batch: running requests abort and queued ones are never sent', async () => {
    const s = await start({ faults: [{ path: '/page/*', hold: true }] });
    const controller = new AbortController();
    const batch = fetchBatch(pages(s, 20), { concurrency: 4, timeoutMs: 10_000, signal: controller.signal });
    await s.waitForRequests(4);
    controller.abort();
    const outcomes = await batch;
    expect(outcomes.every((o) => o.error?.startsWith('AbortError'))).toBe(true);
    await s.close();
    expect(s.counters.total).toBe(4);
    expect(s.counters.aborted).toBe(4);
    expect(s.counters.status(200)).toBe(0);
  });

  it('records a failure per URL without stopping the rest', async () => {
    const s = await start({ faults: [{ path: '/page/2', status: 500 }] });
    const outcomes = await fetchBatch([...pages(s, 3), s.urlFor('/nowhere')], {
      concurrency: 2,
      timeoutMs: 10_000,
    });
    expect(outcomes.map((o) => o.status)).toEqual([200, 500, 200, 404]);
  });
});

describe('fetchText timeouts', () => {
  it('gives up on a server that never answers, with a TimeoutError, and the server sees the abort', async () => {
    const s = await start({ faults: [{ path: '/page/1', hang: true }] });
    const t0 = performance.now();
    const err = await fetchText(s.urlFor('/page/1'), { timeoutMs: 150 }).catch((e: Error) => e);
    expect((err as Error).name).toBe('TimeoutError');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    await s.close();
    expect([s.counters.requestsTo('/page/1'), s.counters.aborted]).toEqual([1, 1]);
  });

  it('also cuts off a body that arrives too slowly after fast headers', async () => {
    const s = await start({ faults: [{ path: '/page/1', slowBody: { chunks: 5, intervalMs: 200 } }] });
    const err = await fetchText(s.urlFor('/page/1'), { timeoutMs: 150 }).catch((e: Error) => e);
    expect((err as Error).name).toBe('TimeoutError');
  });
});

describe('fetchWithRetry', () => {
  const policy = { retries: 3, baseMs: 40, maxMs: 1_000, jitter: 'none' as const };

  it('retries a 503 until it succeeds, exactly as many times as it failed, spaced by the backoff', async () => {
    const s = await start({ faults: [{ path: '/page/3', status: 503, failFirst: 2 }] });
    const r = await fetchWithRetry(s.urlFor('/page/3'), { policy, timeoutMs: 5_000 });
    expect([r.status, r.attempts]).toEqual([200, 3]);
    expect(r.waits).toEqual([
      { ms: 40, reason: '503' },
      { ms: 80, reason: '503' },
    ]);
    expect(s.counters.requestsTo('/page/3')).toBe(3);
    const starts = s.counters.log.map((l) => l.startedAt);
    // Timers never fire early; 1 ms of slack for clock rounding.
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(39);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(79);
  });

  it('retries a reset connection (a network error) and a timeout', async () => {
    const s = await start({
      faults: [
        { path: '/page/1', reset: true, failFirst: 1 },
        { path: '/page/2', hang: true, failFirst: 1 },
      ],
    });
    const reset = await fetchWithRetry(s.urlFor('/page/1'), { policy, timeoutMs: 5_000 });
    expect([reset.status, reset.attempts, reset.waits[0]?.reason]).toEqual([200, 2, 'network error']);
    const hung = await fetchWithRetry(s.urlFor('/page/2'), { policy, timeoutMs: 200 });
    expect([hung.status, hung.attempts, hung.waits[0]?.reason]).toEqual([200, 2, 'timeout']);
    expect([s.counters.requestsTo('/page/1'), s.counters.requestsTo('/page/2')]).toEqual([2, 2]);
  });

  it('does not retry a 404, and returns the last 500 once the retries are spent', async () => {
    const s = await start({ faults: [{ path: '/page/4', status: 500 }] });
    const missing = await fetchWithRetry(s.urlFor('/nope'), { policy, timeoutMs: 5_000 });
    expect([missing.status, missing.attempts]).toEqual([404, 1]);
    const broken = await fetchWithRetry(s.urlFor('/page/4'), {
      policy: { ...policy, retries: 2 },
      timeoutMs: 5_000,
    });
    expect([broken.status, broken.attempts]).toEqual([500, 3]);
    expect(s.counters.requestsTo('/page/4')).toBe(3);
  });

  it('waits as long as a 429 Retry-After says instead of its own backoff', async () => {
    const s = await start({ faults: [{ path: '/page/5', status: 429, retryAfter: 1, failFirst: 1 }] });
    const r = await fetchWithRetry(s.urlFor('/page/5'), { policy, timeoutMs: 5_000 });
    expect([r.status, r.attempts]).toEqual([200, 2]);
    expect(r.waits).toEqual([{ ms: 1_000, reason: '429 Retry-After' }]);
    const [first, second] = s.counters.log;
    expect(second!.startedAt - first!.startedAt).toBeGreaterThanOrEqual(999);
  });

  it('stops retrying at once when the caller aborts', async () => {
    const s = await start({ faults: [{ path: '/page/6', status: 503 }] });
    const controller = new AbortController();
    const pending = fetchWithRetry(s.urlFor('/page/6'), {
      policy: { ...policy, baseMs: 10_000, maxMs: 10_000 },
      timeoutMs: 5_000,
      signal: controller.signal,
    });
    await s.waitForRequests(1);
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    expect(s.counters.requestsTo('/page/6')).toBe(1);
  });
});

describe('keep-alive', () => {
  it('reuses pooled connections for sequential requests, and opens one per request with connection: close', async () => {
    const s = await start();
    const reuse = await sequentialRequests(s, 20, true);
    const fresh = await sequentialRequests(s, 20, false);
    // undici returns a socket to its pool a moment after the body ends, so back-to-back requests
    // may alternate between two sockets; the point is "a few", not one per request.
    expect(reuse.connections).toBeLessThanOrEqual(3);
    expect(fresh.connections).toBe(20);
  });
});
