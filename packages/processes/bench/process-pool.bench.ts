import { join } from 'node:path';
import { defineBench, runChild } from '@course/runtime';
import { ProcessPool } from '../src/process-pools/process-pool';

// Small tasks, where start-up cost dominates: the case a prefork pool exists for.
const SIZE = 2;
const RANGE: [number, number] = [0, 2_000];
const childFile = (name: string) => join(__dirname, '..', 'src', 'process-pools', name);

/** Run `tasks` tasks, at most `limit` at a time. */
async function limited(tasks: number, limit: number, one: () => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks) {
      next++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
}

export default defineBench({
  name: 'process-pool',
  title: 'Prefork process pool vs a fresh child per task (small tasks)',
  baseline: 'fork-per-task',
  warmup: 1,
  repetitions: 5,
  sizes: ({ quick }) => ({
    tasks: quick ? 8 : 24,
    concurrency: SIZE,
    task: `countPrimes(${RANGE[0]}, ${RANGE[1]})`,
  }),
  setup: async ({ quick }) => {
    const tasks = quick ? 8 : 24;
    const pool = new ProcessPool<[number, number], number>({
      file: childFile('count-primes-child.ts'),
      size: SIZE,
    });
    await pool.ready();
    const once = childFile('count-primes-once-child.ts');
    return {
      cases: [
        {
          name: 'fork-per-task',
          run: () =>
            limited(tasks, SIZE, () =>
              runChild<number>(once, { message: RANGE, timeoutMs: 15_000, stdio: 'ignore' }),
            ),
        },
        { name: 'pool', run: () => limited(tasks, SIZE, () => pool.run(RANGE, { timeoutMs: 15_000 })) },
      ],
      dispose: () => pool.close(),
    };
  },
  ratios: (m) => ({
    'fork-per-task / pool, per task': {
      value: (m['fork-per-task'] ?? Number.NaN) / (m.pool ?? Number.NaN),
      description: 'median wall time of the same number of tasks, 2 at a time',
      claim: { atLeast: 20, text: 'a prefork pool is at least 20x cheaper per small task' },
    },
  }),
});
