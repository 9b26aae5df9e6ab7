import { readFile } from 'node:fs/promises';
import { defineBench } from '@course/runtime';
import { createFileSet, type FileSet, readConcurrently, readSequentially } from '../src/async-io/many-files';
import { createLimiter } from '../src/async-web-requests/limiter';

export default defineBench({
  name: 'async-files',
  title: 'Reading many small files: sequential await vs Promise.all vs bounded (16)',
  baseline: 'sequential',
  warmup: 1,
  repetitions: 7,
  sizes: ({ quick }) => ({ files: quick ? 200 : 1_000, bytesEach: 16_384 }),
  setup: async ({ quick }) => {
    const set: FileSet = await createFileSet(quick ? 200 : 1_000, 16_384);
    const limit = createLimiter(16);
    return {
      cases: [
        { name: 'sequential', run: () => readSequentially(set.paths) },
        { name: 'concurrent', run: () => readConcurrently(set.paths) },
        { name: 'bounded-16', run: () => Promise.all(set.paths.map((p) => limit(() => readFile(p)))) },
      ],
      dispose: () => set.remove(),
    };
  },
  ratios: (m) => ({
    'sequential / concurrent': {
      value: (m.sequential ?? Number.NaN) / (m.concurrent ?? Number.NaN),
      description:
        'median wall time; files are in the page cache, so this is mostly per-call overhead overlapped in the thread pool',
      claim: { atLeast: 1.2, text: 'overlapping reads beats awaiting them one by one' },
    },
    'sequential / bounded-16': {
      value: (m.sequential ?? Number.NaN) / (m['bounded-16'] ?? Number.NaN),
      description: 'a limit of 16 keeps most of the gain without queuing 1000 requests in libuv',
    },
  }),
});
