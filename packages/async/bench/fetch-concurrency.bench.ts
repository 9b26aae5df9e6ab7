import { defineBench } from '@course/runtime';
import { fetchBatch } from '../src/async-web-requests/fetch-batch';
import { startSiteInChild } from './site-in-child';

const LATENCY_MS = 25;

export default defineBench({
  name: 'fetch-concurrency',
  title: `fetch against the local site in a child process (${LATENCY_MS} ms latency): sequential vs bounded vs unbounded`,
  baseline: 'sequential',
  warmup: 1,
  repetitions: 5,
  sizes: ({ quick }) => ({ requests: quick ? 40 : 120, latencyMs: LATENCY_MS, bounded: 8 }),
  setup: async ({ quick }) => {
    const site = await startSiteInChild({
      seed: 1,
      pages: 200,
      latencyMs: LATENCY_MS,
      features: { traps: false },
    });
    const n = quick ? 40 : 120;
    const urls = Array.from({ length: n }, (_, i) => site.urlFor(`/page/${(i % 199) + 1}`));
    const batch = (concurrency: number) => async () => {
      const outcomes = await fetchBatch(urls, { concurrency, timeoutMs: 10_000 });
      const failed = outcomes.filter((o) => o.status !== 200);
      if (failed.length)
        throw new Error(
          `${failed.length} requests failed, e.g. ${failed[0]!.url}: ${failed[0]!.error ?? failed[0]!.status}`,
        );
    };
    return {
      cases: [
        { name: 'sequential', run: batch(1) },
        { name: 'bounded-8', run: batch(8) },
        { name: 'unbounded', run: batch(Number.POSITIVE_INFINITY) },
      ],
      dispose: () => site.stop(),
    };
  },
  ratios: (m) => ({
    'sequential / bounded-8': {
      value: (m.sequential ?? Number.NaN) / (m['bounded-8'] ?? Number.NaN),
      description: 'waits overlap: ideal is 8x while latency dominates',
      claim: { atLeast: 3, text: 'eight requests in flight are at least 3x faster than one at a time' },
    },
    'bounded-8 / unbounded': {
      value: (m['bounded-8'] ?? Number.NaN) / (m.unbounded ?? Number.NaN),
      description: 'what the last bit of speed costs: every request at once, one connection each',
    },
  }),
});
