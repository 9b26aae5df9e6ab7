import { captureNarrator, liveHandles } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { lesson } from '../src/job-queue';
import { noRedis, redisUrl } from './redis-context';

afterEach(() => {
  expect(liveHandles()).toEqual([]);
});

describe('job-queue lesson', () => {
  it('says what it needs, and runs nothing, when there is no Redis', async () => {
    const saved = { url: process.env.REDIS_URL, path: process.env.PATH };
    process.env.REDIS_URL = '';
    process.env.PATH = '';
    const out = captureNarrator();
    try {
      await lesson.run({ quick: true, signal: new AbortController().signal, out });
    } finally {
      process.env.REDIS_URL = saved.url;
      process.env.PATH = saved.path;
      if (saved.url === undefined) delete process.env.REDIS_URL;
    }
    expect(out.text()).toMatch(/No Redis here/);
    expect(out.text()).toMatch(/REDIS_URL=redis:\/\/127\.0\.0\.1:6379/);
    expect(out.text()).toMatch(/docker compose up redis/);
  });

  it.skipIf(noRedis)(
    'runs every experiment end to end and narrates what the tests assert',
    async () => {
      const saved = process.env.REDIS_URL;
      process.env.REDIS_URL = redisUrl;
      const out = captureNarrator();
      try {
        await lesson.run({ quick: true, signal: new AbortController().signal, out });
      } finally {
        if (saved === undefined) delete process.env.REDIS_URL;
        else process.env.REDIS_URL = saved;
      }
      const text = out.text();
      expect(text).toMatch(/Merged 40\/40 results/);
      expect(text).toMatch(/that job’s result delivered: 2 times/);
      expect(text).toMatch(/No job lost/);
      expect(text).toMatch(/the limit lives in Redis/);
      expect(text).toMatch(/crossed processes in order/);
      expect(text).not.toMatch(/Unexpected|limit allows no less|Expected \d+ from/);
    },
    60_000,
  );
});
