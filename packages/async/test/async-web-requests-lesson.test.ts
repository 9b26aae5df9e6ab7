import { runLesson } from '@course/runtime';
import { expectNoLeaks } from '@course/test-support';
import { type Site, startSite } from '@course/web-fixture';
import { afterEach, describe, expect, it } from 'vitest';
import { lesson } from '../src/async-web-requests';
import { cancelDemo, compareConcurrency, retryDemo } from '../src/async-web-requests/demos';

// Registered first, so it runs after the afterEach below has closed the site (hooks run as a stack).
expectNoLeaks();
let site: Site | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

describe('the async-web-requests demos', () => {
  it('measure sequential at 1 in flight and bounded at no more than its bound', async () => {
    site = await startSite({ pages: 40, latencyMs: 5 });
    const urls = Array.from({ length: 24 }, (_, i) => site!.urlFor(`/page/${i + 1}`));
    const [seq, bounded, unbounded] = await compareConcurrency(site, urls, 4);
    expect(seq!.maxInFlight).toBe(1);
    expect(bounded!.maxInFlight).toBeLessThanOrEqual(4);
    expect([seq!.ok, bounded!.ok, unbounded!.ok]).toEqual([24, 24, 24]);
  });

  it('count retries on both sides and cancel a batch before the queued requests are sent', async () => {
    site = await startSite({
      pages: 40,
      faults: [
        { path: '/page/1', status: 503, failFirst: 2 },
        { path: '/page/3*', hold: true },
      ],
    });
    const r = await retryDemo(site, '/page/1', 10);
    expect([r.status, r.attempts, r.serverSaw]).toEqual([200, 3, 3]);
    const urls = Array.from({ length: 10 }, (_, i) => site!.urlFor(`/page/${30 + i}`));
    const c = await cancelDemo(site, urls, 3, 3);
    expect(c).toEqual({ urls: 10, cancelled: 10, serverReceived: 3 });
  });
});

describe('the async-web-requests lesson', () => {
  it('runs quick and narrates every part', async () => {
    const lines: string[] = [];
    const code = await runLesson(lesson, { quick: true, stream: { write: (s: string) => lines.push(s) } });
    const text = lines.join('');
    expect(code, text).toBe(0);
    expect(text).toMatch(/TimeoutError after/);
    expect(text).toMatch(/3 attempts, final status 200; the server counted 3/);
    expect(text).toMatch(/20 outcomes cancelled; the server received 4/);
  });
});
