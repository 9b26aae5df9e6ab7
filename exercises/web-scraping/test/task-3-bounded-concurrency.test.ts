import { type Deferred, deferred, withTimeout } from '@course/runtime';
import { NO_FEATURES } from '@course/web-fixture';
import { describe, expect, it } from 'vitest';
import { crawl } from '../src/crawl';
import { createLimiter } from '../src/limiter';
import { collect, useSites } from './helpers/site';

/** Let every pending promise callback run (all microtasks go before a macrotask). */
const settle = () => new Promise<void>((r) => setImmediate(r));

/** `n` tasks that record when they run and finish only when the test releases them. */
function gatedTasks(n: number) {
  const gates: Deferred<number>[] = Array.from({ length: n }, () => deferred<number>());
  const started: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const task = (i: number) => async () => {
    started.push(i);
    running++;
    maxRunning = Math.max(maxRunning, running);
    try {
      return await gates[i]!.promise;
    } finally {
      running--;
    }
  };
  return { gates, started, task, maxRunning: () => maxRunning };
}

describe('Task 3: Bounded concurrency', () => {
  const sites = useSites();

  describe('createLimiter', () => {
    it('runs at most `concurrency` tasks at once and fills every slot when there is work', async () => {
      const limit = createLimiter(3);
      const t = gatedTasks(10);
      const results = Array.from({ length: 10 }, (_, i) => limit.run(t.task(i)));
      await settle();
      expect(t.started).toEqual([0, 1, 2]);
      expect(limit.active).toBe(3);
      expect(limit.queued).toBe(7);
      for (let i = 0; i < 10; i++) {
        t.gates[i]!.resolve(i * 10);
        await settle();
      }
      expect(await Promise.all(results)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
      expect(t.maxRunning()).toBe(3);
      expect(limit.active).toBe(0);
    });

    it('starts queued tasks in order, each the moment a slot frees', async () => {
      const limit = createLimiter(2);
      const t = gatedTasks(5);
      const results = Array.from({ length: 5 }, (_, i) => limit.run(t.task(i)));
      await settle();
      t.gates[1]!.resolve(1); // the second finishes first: the third takes its slot
      await settle();
      expect(t.started).toEqual([0, 1, 2]);
      for (const g of t.gates) g.resolve(0);
      await Promise.all(results);
      expect(t.started).toEqual([0, 1, 2, 3, 4]);
    });

    it('passes a failure to its caller and frees the slot, even for a task that throws synchronously', async () => {
      const limit = createLimiter(1);
      const boom = limit.run(() => Promise.reject(new Error('boom')));
      const sync = limit.run((() => {
        throw new Error('sync boom');
      }) as () => Promise<never>);
      const after = limit.run(async () => 'still runs');
      await expect(boom).rejects.toThrow('boom');
      await expect(sync).rejects.toThrow('sync boom');
      await expect(withTimeout(after, 2_000, 'the task after two failures')).resolves.toBe('still runs');
    });

    it('clear() rejects the waiting tasks and lets the running ones finish', async () => {
      const limit = createLimiter(1);
      const t = gatedTasks(3);
      const running = limit.run(t.task(0));
      const waiting = [limit.run(t.task(1)), limit.run(t.task(2))];
      await settle();
      limit.clear(new Error('cancelled'));
      for (const w of waiting) await expect(w).rejects.toThrow('cancelled');
      t.gates[0]!.resolve(7);
      await expect(running).resolves.toBe(7);
      expect(t.started).toEqual([0]);
    });

    it('rejects a concurrency that is not a whole number >= 1', () => {
      for (const bad of [0, -1, 1.5, Number.NaN])
        expect(() => createLimiter(bad), String(bad)).toThrow(RangeError);
    });
  });

  describe('crawl', () => {
    it('never has more than `concurrency` requests in flight, and reaches that many when there is work', async () => {
      // 25 ms per answer: long enough that requests overlap whenever the crawler lets them.
      const site = await sites.start({ seed: 8, pages: 60, latencyMs: 25, features: NO_FEATURES });
      for (const concurrency of [2, 5, 8]) {
        site.reset();
        const { pages } = await collect(crawl(site.url, { concurrency, maxPages: 60, maxDepth: 50 }));
        expect(pages, `pages with concurrency ${concurrency}`).toHaveLength(60);
        // The server counts requests in flight: the limit held, and it was used (a sequential crawler stays at 1).
        expect(site.counters.maxInFlight, `max requests in flight with concurrency ${concurrency}`).toBe(
          concurrency,
        );
      }
    });

    it('with concurrency 1 sends one request at a time', async () => {
      const site = await sites.start({ seed: 8, pages: 30, latencyMs: 5, features: NO_FEATURES });
      const { pages } = await collect(crawl(site.url, { concurrency: 1, maxPages: 30, maxDepth: 50 }));
      expect(pages).toHaveLength(30);
      expect(site.counters.maxInFlight).toBe(1);
    });
  });
});
