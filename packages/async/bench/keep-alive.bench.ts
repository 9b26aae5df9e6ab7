import { defineBench } from '@course/runtime';
import { type Site, startSite } from '@course/web-fixture';
import { sequentialRequests } from '../src/async-web-requests/keep-alive';

export default defineBench({
  name: 'keep-alive',
  title: 'Sequential fetches: keep-alive (pooled sockets) vs connection: close (a new TCP connection each)',
  baseline: 'connection-close',
  warmup: 1,
  repetitions: 7,
  sizes: ({ quick }) => ({ requests: quick ? 50 : 200, latencyMs: 0 }),
  setup: async ({ quick }) => {
    const site: Site = await startSite({ seed: 1, pages: 100, features: { traps: false } });
    const n = quick ? 50 : 200;
    return {
      cases: [
        { name: 'connection-close', run: () => sequentialRequests(site, n, false) },
        { name: 'keep-alive', run: () => sequentialRequests(site, n, true) },
      ],
      dispose: () => site.close(),
    };
  },
  ratios: (m) => ({
    'connection-close / keep-alive': {
      value: (m['connection-close'] ?? Number.NaN) / (m['keep-alive'] ?? Number.NaN),
      description:
        'per-request cost of a TCP handshake and teardown on loopback (a real network adds round trips)',
      claim: { atLeast: 1, text: 'reusing connections is not slower than opening new ones' },
    },
  }),
});
