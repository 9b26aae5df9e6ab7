import { defineBench } from '@course/runtime';
import { ioRunners } from '../src/io-bound/compare';
import { prepareIoJob } from '../src/io-bound/job';

/** `pnpm bench io-bound`: the I/O job of the comparisons/io-bound lesson, repeated. */
export default defineBench({
  name: 'io-bound',
  title: 'I/O-bound job: sequential vs bounded async vs threads vs processes',
  baseline: 'sequential',
  repetitions: 3,
  sizes: ({ quick }) => sizes(quick),
  async setup({ quick, signal }) {
    const s = sizes(quick);
    const job = await prepareIoJob(s);
    return {
      cases: ioRunners(job.items, s.concurrency, signal).map((r) => ({ name: r.name, run: r.run })),
      dispose: () => job.dispose(),
    };
  },
  ratios: (m, { quick }) => {
    const c = sizes(quick).concurrency;
    const [seq, async, threads, processes] = Object.values(m);
    return {
      'async vs sequential': {
        value: seq! / async!,
        claim: {
          atLeast: 3,
          text: `bounded async (${c} at a time) is several times faster than sequential (ideal ${c}×)`,
        },
      },
      'threads vs async (time)': {
        value: threads! / async!,
        description: 'how much slower the thread version is than async',
      },
      'processes vs async (time)': {
        value: processes! / async!,
        description: 'how much slower the process version is than async',
      },
    };
  },
});

function sizes(quick: boolean) {
  return quick
    ? { requests: 24, latencyMs: 40, files: 24, fileBytes: 64 * 1024, concurrency: 8 }
    : { requests: 120, latencyMs: 50, files: 120, fileBytes: 256 * 1024, concurrency: 8 };
}
