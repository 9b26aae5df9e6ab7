import { captureNarrator, liveHandles } from '@course/runtime';
import { describe, expect, it } from 'vitest';
import { lesson } from '../src/job-queue';

describe('job-queue lesson', () => {
  it('says what it needs, and runs nothing, when there is no Redis', async () => {
    const saved = { url: process.env.REDIS_URL, path: process.env.PATH };
    process.env.REDIS_URL = '';
    process.env.PATH = '';
    const out = captureNarrator();
    try {
      await lesson.run({ quick: true, signal: new AbortController().signal, out });
    } finally {
      process.env.PATH = saved.path;
      if (saved.url === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = saved.url;
    }
    expect(out.text()).toMatch(/No Redis here/);
    expect(out.text()).toMatch(/REDIS_URL=redis:\/\/127\.0\.0\.1:6379/);
    expect(out.text()).toMatch(/docker compose up redis/);
    expect(liveHandles()).toEqual([]);
  });
});
