import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineBench, runWorker, splitRange } from '@course/runtime';
import { iterationsFor } from '../src/cpu-bound/compare';
import {
  type Range,
  runAsync,
  runOnPool,
  runSequential,
  startProcessPool,
  startThreadPool,
} from '../src/cpu-bound/runners';

const spinWorker = join(__dirname, '..', 'src', 'cpu-bound', 'spin-worker.ts');

/**
 * `pnpm bench cpu-bound`: counting primes sequentially, "async", and on thread and process pools of
 * 1..N workers, with the CPU check (the same loop on 1 and on N threads) measured in the same run.
 * Every speed-up is read against the check: these VMs do not always give every core.
 */
export default defineBench({
  name: 'cpu-bound',
  title: 'CPU-bound: speed-up vs workers, against the CPU check',
  baseline: 'sequential',
  repetitions: 3,
  // Every claim is a ratio between cases: run them round-robin so the host's drift hits all alike.
  interleave: true,
  sizes: ({ quick }) => ({ limit: limitFor(quick), chunks: 16, maxWorkers: availableParallelism() }),
  async setup({ quick, signal }) {
    const n = availableParallelism();
    const ranges: Range[] = splitRange(0, limitFor(quick), 16);
    const seqProbe = await runSequential(ranges);
    const iterations = iterationsFor(seqProbe.wallMs);
    const sizes = Array.from({ length: n }, (_, i) => i + 1);
    const threadPools = sizes.map((k) => startThreadPool(k));
    const processPools = sizes.map((k) => startProcessPool(k));
    // Pools start before the clock runs: start-up is its own benchmark (threads/worker-pool).
    await Promise.all(
      [...threadPools, ...processPools].map((p) => runOnPool('warm-up', p, splitRange(0, 1000, p.size))),
    );
    const check = (threads: number) => () =>
      Promise.all(
        Array.from({ length: threads }, () =>
          runWorker(spinWorker, { workerData: iterations, signal, timeoutMs: 120_000 }),
        ),
      );
    return {
      cases: [
        { name: 'sequential', run: () => runSequential(ranges) },
        { name: 'async', run: () => runAsync(ranges) },
        ...threadPools.map((p) => ({
          name: `threads ${p.size}`,
          run: () => runOnPool('t', p, ranges, signal),
        })),
        ...processPools.map((p) => ({
          name: `processes ${p.size}`,
          run: () => runOnPool('p', p, ranges, signal),
        })),
        { name: 'cpu check 1', run: check(1) },
        { name: `cpu check ${n}`, run: check(n) },
      ],
      dispose: async () => {
        await Promise.all([...threadPools, ...processPools].map((p) => p.close()));
      },
    };
  },
  ratios: (m) => {
    const n = availableParallelism();
    const capacity = (n * m['cpu check 1']!) / m[`cpu check ${n}`]!;
    const threads = m.sequential! / m[`threads ${n}`]!;
    const processes = m.sequential! / m[`processes ${n}`]!;
    return {
      'cpu check capacity': {
        value: capacity,
        description: `${n} loops at once vs one loop: cores really available`,
      },
      [`threads ${n} speed-up`]: {
        value: threads,
        claim: {
          atLeast: Math.min(1.3, 0.75 * capacity),
          text: `>= 1.3x on 2 cores, or >= 0.75x the CPU check when the host gives less`,
        },
      },
      [`processes ${n} speed-up`]: { value: processes },
      'threads speed-up / cpu check': {
        value: threads / capacity,
        description: 'how much of the available parallelism the pool used',
      },
      'async speed-up': {
        value: m.sequential! / m.async!,
        claim: { atMost: 1.2, text: 'async gives no speed-up on CPU work' },
      },
    };
  },
  charts: (m) => {
    const n = availableParallelism();
    const ks = Array.from({ length: n }, (_, i) => i + 1);
    const capacity = (n * m['cpu check 1']!) / m[`cpu check ${n}`]!;
    return [
      {
        title: 'Speed-up vs workers (counting primes)',
        xLabel: 'workers',
        yLabel: 'speed-up over sequential (×)',
        series: [
          { name: 'ideal', points: ks.map((k) => [k, k] as [number, number]), dashed: true },
          {
            name: 'CPU check',
            points: [
              [1, 1],
              [n, capacity],
            ],
            dashed: true,
          },
          {
            name: 'threads',
            points: ks.map((k) => [k, m.sequential! / m[`threads ${k}`]!] as [number, number]),
          },
          {
            name: 'processes',
            points: ks.map((k) => [k, m.sequential! / m[`processes ${k}`]!] as [number, number]),
          },
        ],
      },
    ];
  },
});

function limitFor(quick: boolean): number {
  return quick ? 1_000_000 : 5_000_000;
}
