import { join } from 'node:path';
import { defineBench, runnableEntry, startWorker, withTimeout } from '@course/runtime';

/** Start a worker and wait until it has loaded its code and said 'ready', then end it. */
async function startUntilReady(file: string): Promise<void> {
  const handle = startWorker(file);
  await withTimeout(new Promise((r) => handle.worker.once('message', r)), 20_000, `${file} ready`);
  await handle.terminate();
}

const PLAIN = join(__dirname, 'plain-echo-worker.js');
const TS = join(__dirname, 'ready-echo-worker.ts');

export default defineBench({
  name: 'worker-startup',
  title: 'Worker start-up: a .ts entry through startWorker (cached bundle) vs a plain .js worker',
  baseline: 'plain .js worker',
  warmup: 3,
  repetitions: 21,
  async setup() {
    runnableEntry(TS); // build the bundle once: the bench measures the cached start, as every later start is
    return {
      cases: [
        { name: 'plain .js worker', run: () => startUntilReady(PLAIN) },
        { name: '.ts worker via startWorker (cached bundle)', run: () => startUntilReady(TS) },
      ],
    };
  },
  ratios: (m) => ({
    '.ts via startWorker / plain .js': {
      value:
        (m['.ts worker via startWorker (cached bundle)'] ?? Number.NaN) /
        (m['plain .js worker'] ?? Number.NaN),
      claim: {
        atMost: 2,
        text: 'a .ts worker started through startWorker costs within 2x a plain .js worker',
      },
    },
  }),
});
