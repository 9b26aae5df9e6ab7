import { request } from 'node:http';
import { expectNoLeaks } from '@course/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { type Site, type SiteOptions, startSite } from '../src/start-site';

// Registered first, so it runs after the afterEach below has closed the site (hooks run as a stack).
expectNoLeaks();
let site: Site | undefined;
async function start(options: SiteOptions = {}): Promise<Site> {
  site = await startSite(options);
  return site;
}
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** A GET on a fresh connection (no keep-alive), so no socket outlives the test. */
async function get(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, headers: { connection: 'close' } });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

describe('startSite', () => {
  it('listens on 127.0.0.1 on a free port and serves the home page with a title and links', async () => {
    const s = await start({ seed: 1, pages: 10 });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(s.url);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.body).toContain('<title>Home</title>');
    // Page 1 is linked in one of four seeded styles: relative, absolute path, absolute URL, with fragment.
    expect(home.body).toMatch(
      /<a href="(page\/1|\/page\/1(#section-\d)?|http:\/\/127\.0\.0\.1:\d+\/page\/1)">/,
    );
  });

  it('serves the same bytes for the same seed and different pages for another seed', async () => {
    const a = await start({ seed: 5, pages: 10 });
    const first = (await get(a.urlFor('/page/4'))).body;
    await a.close();
    const b = await start({ seed: 5, pages: 10 });
    expect((await get(b.urlFor('/page/4'))).body).toBe(first.replaceAll(a.origin, b.origin));
    await b.close();
    const c = await start({ seed: 6, pages: 10 });
    expect((await get(c.urlFor('/page/4'))).body).not.toBe(first.replaceAll(a.origin, c.origin));
  });

  it('serves robots.txt with the disallowed paths and a sitemap listing every page', async () => {
    const s = await start({ pages: 12 });
    const robots = await get(s.urlFor('/robots.txt'));
    expect(robots.body).toContain('Disallow: /private/');
    expect(robots.body).toContain(`Sitemap: ${s.origin}/sitemap.xml`);
    const sitemap = await get(s.urlFor('/sitemap.xml'));
    expect(sitemap.headers.get('content-type')).toBe('application/xml');
    expect([...sitemap.body.matchAll(/<loc>/g)]).toHaveLength(12);
  });

  it('serves non-HTML resources, an endless calendar, redirects and 404s', async () => {
    const s = await start({ pages: 5 });
    expect((await get(s.urlFor('/img/logo.png'))).headers.get('content-type')).toBe('image/png');
    expect((await get(s.urlFor('/docs/guide.pdf'))).body.startsWith('%PDF')).toBe(true);
    expect(JSON.parse((await get(s.urlFor('/api/stats.json'))).body)).toEqual({ seed: 1, pages: 5 });
    expect((await get(s.urlFor('/calendar/2999/12'))).body).toContain('href="/calendar/3000/01"');
    const moved = await fetch(s.urlFor('/old/1'), { redirect: 'manual', headers: { connection: 'close' } });
    expect([moved.status, moved.headers.get('location')]).toEqual([301, '/page/1']);
    await expect(fetch(s.urlFor('/loop/a'), { headers: { connection: 'close' } })).rejects.toThrow(
      /fetch failed/,
    );
    expect(s.counters.requestsTo('/loop/a')).toBeGreaterThan(5); // undici gives up after 20 hops
    expect((await get(s.urlFor('/page/5'))).status).toBe(404);
  });

  it('fails the first k requests of a failFirst schedule and counts each one', async () => {
    const s = await start({ faults: [{ path: '/page/3', status: 503, failFirst: 2 }] });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(s.urlFor('/page/3'))).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(s.counters.requestsTo('/page/3')).toBe(3);
    expect([s.counters.status(503), s.counters.status(200)]).toEqual([2, 1]);
    s.reset();
    expect((await get(s.urlFor('/page/3'))).status).toBe(503); // the schedule starts again after reset()
  });

  it('answers 429 with a Retry-After header', async () => {
    const s = await start({ faults: [{ path: '/api/stats.json', status: 429, retryAfter: 3 }] });
    const res = await get(s.urlFor('/api/stats.json'));
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '3']);
  });

  it('resets the connection when told to, which the client sees as a network error', async () => {
    const s = await start({ faults: [{ path: '/page/1', reset: true, failFirst: 1 }] });
    await expect(get(s.urlFor('/page/1'))).rejects.toThrow(/fetch failed/);
    expect((await get(s.urlFor('/page/1'))).status).toBe(200);
    expect(s.counters.resets).toBe(1);
  });

  it('counts the maximum number of requests in flight at once', async () => {
    const s = await start({ faults: [{ path: '/slow/*', hang: true }] });
    const controller = new AbortController();
    const pending = [1, 2, 3].map((i) =>
      fetch(s.urlFor(`/slow/${i}`), { signal: controller.signal }).catch((e: Error) => e.name),
    );
    await s.waitForRequests(3);
    expect([s.counters.inFlight, s.counters.maxInFlight]).toEqual([3, 3]);
    controller.abort();
    expect(await Promise.all(pending)).toEqual(['AbortError', 'AbortError', 'AbortError']);
    await s.close();
    expect([s.counters.inFlight, s.counters.maxInFlight, s.counters.aborted]).toEqual([0, 3, 3]);
  });

  it('parks held requests until release(), then answers them and holds no more', async () => {
    const s = await start({ faults: [{ path: '/page/*', hold: true }] });
    const first = [1, 2].map((i) => fetch(s.urlFor(`/page/${i}`)).then((r) => r.text().then(() => r.status)));
    await s.waitForRequests(2);
    expect([s.counters.inFlight, s.counters.status(200)]).toEqual([2, 0]);
    expect(s.release()).toBe(2);
    expect(await Promise.all(first)).toEqual([200, 200]);
    expect((await get(s.urlFor('/page/3'))).status).toBe(200); // gate stays open
  });

  it('applies latency before answering', async () => {
    const s = await start({ latencyMs: 60 });
    await get(s.url);
    const [r] = s.counters.log;
    expect(r!.endedAt! - r!.startedAt).toBeGreaterThanOrEqual(55); // timers never fire early (1 ms clock slack)
  });

  it('drips a slow body in pieces and streams an oversized page of the configured size', async () => {
    const s = await start({
      oversizeBytes: 300_000,
      faults: [{ path: '/page/1', slowBody: { chunks: 4, intervalMs: 30 } }],
    });
    const slow = await get(s.urlFor('/page/1'));
    expect(slow.body).toContain('</html>');
    const r = s.counters.log[0]!;
    expect(r.endedAt! - r.startedAt).toBeGreaterThanOrEqual(85);
    const big = await fetch(s.urlFor('/big'), { headers: { connection: 'close' } });
    expect((await big.arrayBuffer()).byteLength).toBe(300_000);
  });

  it('serves wrong content types when a fault says so, and malformed HTML at /broken', async () => {
    const s = await start({ faults: [{ path: '/page/2', contentType: 'application/octet-stream' }] });
    expect((await get(s.urlFor('/page/2'))).headers.get('content-type')).toBe('application/octet-stream');
    expect((await get(s.urlFor('/notes.txt'))).headers.get('content-type')).toMatch(/^text\/plain/);
    const broken = (await get(s.urlFor('/broken'))).body;
    expect(broken).toMatch(/<A HREF='\/page\/2'>/);
    expect(broken).not.toContain('</html>');
  });

  it('destroys idle keep-alive sockets on close(), so nothing keeps the process alive', async () => {
    const s = await start();
    // node:http with keepAlive: the socket stays open after the response, as undici's would.
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      request(s.url, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      })
        .on('error', reject)
        .end();
    });
    expect(s.counters.openConnections).toBe(1);
    const clientClosed = new Promise<void>((resolve) => {
      const sockets = Object.values(agent.freeSockets).flat();
      sockets[0]!.once('close', () => resolve());
    });
    await s.close();
    await clientClosed;
    expect(s.counters.openConnections).toBe(0);
    agent.destroy();
  });

  it('rejects bad options with a message naming the option', async () => {
    await expect(startSite({ pages: 0 })).rejects.toThrow(/"pages" must be an integer from 1/);
    await expect(startSite({ latencyMs: -5 })).rejects.toThrow(/latencyMs must be a number >= 0/);
    await expect(startSite({ faults: [{ path: 'x', status: 500 }] })).rejects.toThrow(/faults\[0\]/);
  });
});
