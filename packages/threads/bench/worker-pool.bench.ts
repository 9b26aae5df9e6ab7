import { join } from 'node:path';
import {
  type BenchCase,
  deferred,
  defineBench,
  runWorker,
  startWorker,
  type WorkerHandle,
  withTimeout,
} from '@course/runtime';
import { Piscina } from 'piscina';
import { ECHO_ONCE_WORKER, ECHO_WORKER } from '../src/worker-pool/task-workers';
import { ThreadPool } from '../src/worker-pool/thread-pool';

/** Tasks per measured run; worker-per-task runs fewer (each costs a worker start) and is compared per task. */
const sizes = (quick: boolean) => ({ tasks: quick ? 200 : 2000, workerPerTaskTasks: quick ? 10 : 40 });

/**
 * The baseline: post a message, wait for the answer, with one permanent listener (adding and removing
 * a 'message' listener per call would ref/unref the port each time and measure that instead).
 */
function rawRoundTripper(handle: WorkerHandle): (id: number) => Promise<void> {
  let pending = deferred<void>();
  handle.worker.on('message', () => pending.resolve());
  return (id) => {
    pending = deferred<void>();
    handle.worker.postMessage({ id, input: id });
    return pending.promise;
  };
}

export default defineBench({
  name: 'worker-pool',
  title: 'Per-task cost: raw postMessage vs ThreadPool vs piscina vs a worker per task (tiny echo task)',
  baseline: 'raw postMessage round trip',
  warmup: 3,
  repetitions: 9,
  sizes: ({ quick }) => sizes(quick),
  async setup({ quick }) {
    const { tasks, workerPerTaskTasks } = sizes(quick);
    // The same worker file the pool runs, so the only difference is the pool's own bookkeeping.
    const raw = startWorker(ECHO_WORKER);
    const roundTrip = rawRoundTripper(raw);
    await withTimeout(roundTrip(-1), 20_000, 'the raw echo worker to answer');
    const pool = new ThreadPool<number, number>(ECHO_WORKER, { size: 1 });
    const pool2 = new ThreadPool<number, number>(ECHO_WORKER, { size: 2 });
    const piscina = new Piscina({
      filename: join(__dirname, 'piscina-echo-worker.js'),
      minThreads: 1,
      maxThreads: 1,
    });
    const piscina2 = new Piscina({
      filename: join(__dirname, 'piscina-echo-worker.js'),
      minThreads: 2,
      maxThreads: 2,
    });
    const cases: BenchCase[] = [
      {
        name: 'raw postMessage round trip',
        run: async () => {
          for (let i = 0; i < tasks; i++) await roundTrip(i);
        },
      },
      {
        name: 'ThreadPool, 1 worker',
        run: async () => {
          for (let i = 0; i < tasks; i++) await pool.run(i);
        },
      },
      {
        name: 'piscina, 1 worker',
        run: async () => {
          for (let i = 0; i < tasks; i++) await piscina.run(i);
        },
      },
      {
        name: 'ThreadPool, 2 workers, all queued at once',
        run: () => Promise.all(Array.from({ length: tasks }, (_, i) => pool2.run(i))),
      },
      {
        name: 'piscina, 2 workers, all queued at once',
        run: () => Promise.all(Array.from({ length: tasks }, (_, i) => piscina2.run(i))),
      },
      {
        name: `worker per task (${workerPerTaskTasks} tasks)`,
        run: async () => {
          for (let i = 0; i < workerPerTaskTasks; i++)
            await runWorker(ECHO_ONCE_WORKER, { workerData: i, timeoutMs: 20_000 });
        },
      },
    ];
    return {
      cases,
      dispose: async () => {
        await Promise.all([
          raw.terminate(),
          pool.close(),
          pool2.close(),
          piscina.destroy(),
          piscina2.destroy(),
        ]);
      },
    };
  },
  ratios: (m, { quick }) => {
    const { tasks, workerPerTaskTasks } = sizes(quick);
    const per = (name: string, n: number) => (m[name] ?? Number.NaN) / n;
    const raw = per('raw postMessage round trip', tasks);
    const pool = per('ThreadPool, 1 worker', tasks);
    return {
      'ThreadPool / raw round trip, per task': {
        value: pool / raw,
        claim: {
          atMost: 2,
          text: "the pool's per-task overhead stays within 2x a raw postMessage round trip",
        },
      },
      'worker per task / ThreadPool, per task': {
        value: per(`worker per task (${workerPerTaskTasks} tasks)`, workerPerTaskTasks) / pool,
        claim: {
          atLeast: 100,
          text: 'a fresh worker per tiny task is at least 100x slower per task than a pool',
        },
      },
      'piscina / raw round trip, per task': { value: per('piscina, 1 worker', tasks) / raw },
      'ThreadPool / piscina, per task (1 worker)': { value: pool / per('piscina, 1 worker', tasks) },
      'ThreadPool / piscina, 2 workers, all queued': {
        value:
          per('ThreadPool, 2 workers, all queued at once', tasks) /
          per('piscina, 2 workers, all queued at once', tasks),
      },
    };
  },
});
