import { join } from 'node:path';
import { liveHandles, startChild, withTimeout } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('site-child.ts', () => {
  it('serves the site from a child process, reports its counters, and exits on stop', async () => {
    const handle = startChild(join(__dirname, '..', 'src', 'site-child.ts'), { stdio: 'pipe' });
    try {
      const next = () =>
        withTimeout(
          new Promise<Record<string, unknown>>((r) => handle.child.once('message', r as never)),
          20_000,
          'a message from the site child',
        );
      handle.child.send({ seed: 2, pages: 5 });
      const { origin } = (await next()) as { origin: string };
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${origin}/page/1`, { headers: { connection: 'close' } });
      expect([res.status, (await res.text()).includes('<title>')]).toEqual([200, true]);
      handle.child.send('counters');
      const { counters } = (await next()) as { counters: { total: number; byPath: Record<string, number> } };
      expect([counters.total, counters.byPath['/page/1']]).toEqual([1, 1]);
      handle.child.send('stop');
      expect(await withTimeout(handle.exited, 10_000, 'the site child to exit')).toEqual({
        code: 0,
        signal: null,
      });
    } finally {
      await handle.stop();
    }
  });
});
