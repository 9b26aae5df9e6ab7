import { availableParallelism } from 'node:os';
import {
  countPrimes,
  defineLesson,
  evidenceAtLeast,
  formatMs,
  formatRatio,
  isMain,
  runLessonMain,
  runWorker,
  splitRange,
} from '@course/runtime';
import { COUNT_PRIMES_WORKER, ECHO_ONCE_WORKER, ECHO_WORKER } from './worker-pool/task-workers';
import { ThreadPool } from './worker-pool/thread-pool';

/**
 * Per-task cost of a tiny task (echo its input) through a warm pool vs a fresh worker per task.
 *
 * @example
 * const { poolPerTaskMs, workerPerTaskMs } = await compareWorkerPerTaskWithPool({ tasks: 50 });
 */
export async function compareWorkerPerTaskWithPool({ tasks }: { tasks: number }) {
  const pool = new ThreadPool<number, number>(ECHO_WORKER, { size: 1 });
  try {
    await pool.run(-1, { timeoutMs: 20_000 }); // warm: the worker has started and compiled its handler
    let t0 = performance.now();
    for (let i = 0; i < tasks; i++) await pool.run(i, { timeoutMs: 20_000 });
    const poolPerTaskMs = (performance.now() - t0) / tasks;

    await runWorker(ECHO_ONCE_WORKER, { workerData: -1, timeoutMs: 20_000 }); // warm the bundle cache
    t0 = performance.now();
    for (let i = 0; i < tasks; i++) await runWorker(ECHO_ONCE_WORKER, { workerData: i, timeoutMs: 20_000 });
    const workerPerTaskMs = (performance.now() - t0) / tasks;
    return { tasks, poolPerTaskMs, workerPerTaskMs, ratio: workerPerTaskMs / poolPerTaskMs };
  } finally {
    await pool.close();
  }
}

/**
 * Count the primes below `to` in `chunks` tasks on a pool of `size` workers.
 *
 * @example
 * const { total } = await poolCountsPrimes({ size: 2, to: 1_000_000, chunks: 16 }); // 78498
 */
export async function poolCountsPrimes({ size, to, chunks }: { size: number; to: number; chunks: number }) {
  const pool = new ThreadPool<[number, number], number>(COUNT_PRIMES_WORKER, { size });
  try {
    // Start-up is paid apart: one empty range per worker starts every worker before the clock runs.
    const w0 = performance.now();
    await Promise.all(Array.from({ length: size }, () => pool.run([0, 0], { timeoutMs: 60_000 })));
    const startUpMs = performance.now() - w0;
    const t0 = performance.now();
    const counts = await Promise.all(
      splitRange(0, to, chunks).map((r) => pool.run(r, { timeoutMs: 60_000 })),
    );
    const poolMs = performance.now() - t0;
    const s0 = performance.now();
    const sequential = countPrimes(0, to);
    const sequentialMs = performance.now() - s0;
    return {
      total: counts.reduce((a, b) => a + b, 0),
      sequential,
      chunks,
      poolMs,
      sequentialMs,
      startUpMs,
    };
  } finally {
    await pool.close();
  }
}

export const lesson = defineLesson({
  id: 'threads/worker-pool',
  title: 'A worker pool: pay start-up once, not per task',
  summary: 'A fixed set of workers fed from a task queue, with timeouts, aborts and crash recovery.',
  concepts: ['thread pool', 'task queue', 'worker start-up cost', 'timeouts', 'cancellation'],
  docs: 'docs/concepts/performance-considerations.md',
  async run({ quick, out }) {
    out.heading('Why a pool');
    const cmp = await compareWorkerPerTaskWithPool({ tasks: quick ? 20 : 50 });
    out.say('The same tiny task (echo a number), run one after another:');
    out.figure('through a warm pool, per task', formatMs(cmp.poolPerTaskMs));
    out.figure('a fresh worker per task, per task', formatMs(cmp.workerPerTaskMs));
    out.figure('worker-per-task / pool', formatRatio(cmp.ratio));
    out.claim(
      'Starting a worker (an isolate, its event loop, your module) costs milliseconds; a pool pays it once',
      evidenceAtLeast(cmp.ratio, 10, 'worker-per-task / pool'),
    );

    out.heading('The pool at work: countPrimes in chunks');
    const size = Math.min(availableParallelism(), 4);
    const to = quick ? 300_000 : 2_000_000;
    const r = await poolCountsPrimes({ size, to, chunks: 4 * size });
    out.figure(
      `primes below ${to.toLocaleString('en-US')} (pool of ${size}, ${r.chunks} tasks)`,
      String(r.total),
    );
    out.figure('the same on the main thread', String(r.sequential));
    out.figure('starting the pool (paid once, before the clock)', formatMs(r.startUpMs));
    out.figure('pool / main thread, wall time', `${formatMs(r.poolMs)} / ${formatMs(r.sequentialMs)}`);
    out.say('The queue hands each idle worker the next chunk, so a slow chunk does not hold up the rest.');

    out.heading('When a task misbehaves');
    out.say('JavaScript cannot be interrupted from outside: a task stuck in a loop only stops when its');
    out.say('worker is terminated. So a task past its timeoutMs, or whose AbortSignal fires, costs the pool');
    out.say('a worker, which it replaces; a worker that crashes fails its own task with its error and is');
    out.say('replaced too. close() refuses new tasks, drains the queue, then ends every worker.');
    out.say(
      'Use ThreadPool (exported by @course/threads), or piscina: `pnpm bench worker-pool` compares them.',
    );
  },
});

if (isMain(__filename)) runLessonMain(lesson);
