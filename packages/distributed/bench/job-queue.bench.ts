import { defineBench, splitRange } from '@course/runtime';
import { COUNT_PRIMES_WORKER, ThreadPool } from '@course/threads';
import { type PlannedJob, planBatches } from '../src/job-queue/batch-job';
import { openQueue, type TrackedQueue } from '../src/job-queue/job-tracker';
import { type QueueWorkerProcess, startQueueWorker } from '../src/job-queue/start-queue-worker';
import { acquireRedis } from '../src/redis/acquire-redis';

// Each CPU job counts primes in a 10 000-number range (about a millisecond or two of work); an
// "empty" job counts primes in [0, 0): what is left is the price of the queue itself.
const PER_JOB = 10_000;
const CONCURRENCY = 2;

let run = 0;
/** Unique job ids per measured run: BullMQ ignores an add whose id already exists. */
function jobs(prefix: string, count: number, empty: boolean): PlannedJob[] {
  run++;
  const planned = planBatches(`${prefix}-${run}`, count * PER_JOB, count);
  return empty ? planned.map((j) => ({ ...j, data: { from: 0, to: 0 } })) : planned;
}

async function drain(q: TrackedQueue, planned: PlannedJob[]): Promise<void> {
  await q.queue.addBulk(planned);
  await q.settled(
    planned.map((j) => j.opts.jobId),
    120_000,
  );
}

export default defineBench({
  name: 'job-queue',
  title: 'BullMQ on Redis: jobs/s with 1 and 2 worker processes, per-job cost vs an in-process thread pool',
  baseline: 'queue, 1 process',
  warmup: 1,
  repetitions: 5,
  sizes: ({ quick }) => ({
    jobs: quick ? 40 : 200,
    cpuJob: `countPrimes over ${PER_JOB} numbers`,
    emptyJob: 'countPrimes(0, 0)',
    concurrencyPerProcess: CONCURRENCY,
    redis: 'private redis-server on 127.0.0.1 (or REDIS_URL)',
  }),
  setup: async ({ quick }) => {
    const count = quick ? 40 : 200;
    const redis = await acquireRedis();
    if (!redis.ok) throw new Error(`job-queue bench needs Redis.\n${redis.reason}`);
    const workers: QueueWorkerProcess[] = [];
    const queues: TrackedQueue[] = [];
    const pools: ThreadPool<[number, number], number>[] = [];
    const dispose = async () => {
      await Promise.allSettled(workers.map((w) => w.handle.stop()));
      await Promise.allSettled(queues.map((q) => q.destroy()));
      await Promise.allSettled(pools.map((p) => p.close()));
      await redis.release();
    };
    try {
      const one = await openQueue(redis.url, `bench-one-${Date.now()}`);
      const two = await openQueue(redis.url, `bench-two-${Date.now()}`);
      queues.push(one, two);
      const start = (queue: string, name: string) =>
        startQueueWorker({ redisUrl: redis.url, queue, concurrency: CONCURRENCY, name });
      workers.push(
        await start(one.queue.name, 'one-a'),
        await start(two.queue.name, 'two-a'),
        await start(two.queue.name, 'two-b'),
      );
      const pool1 = new ThreadPool<[number, number], number>(COUNT_PRIMES_WORKER, { size: 1 });
      const pool2 = new ThreadPool<[number, number], number>(COUNT_PRIMES_WORKER, { size: 2 });
      pools.push(pool1, pool2);
      const onPool = (pool: ThreadPool<[number, number], number>, empty: boolean) =>
        Promise.all(
          splitRange(0, count * PER_JOB, count).map(([from, to]) =>
            pool.run(empty ? [0, 0] : [from, to], { timeoutMs: 60_000 }),
          ),
        );
      return {
        cases: [
          { name: 'queue, 1 process', run: () => drain(one, jobs('cpu1', count, false)) },
          { name: 'queue, 2 processes', run: () => drain(two, jobs('cpu2', count, false)) },
          { name: 'thread pool, 2 threads', run: () => onPool(pool2, false) },
          { name: 'queue, 1 process, empty jobs', run: () => drain(one, jobs('empty1', count, true)) },
          { name: 'thread pool, 1 thread, empty jobs', run: () => onPool(pool1, true) },
        ],
        dispose,
      };
    } catch (error) {
      await dispose();
      throw error;
    }
  },
  ratios: (m) => ({
    '2 processes vs 1 (jobs/s)': {
      value: (m['queue, 1 process'] ?? Number.NaN) / (m['queue, 2 processes'] ?? Number.NaN),
      description: 'median wall time of the same CPU jobs, 1 worker process / 2 worker processes',
    },
    'queue vs thread pool, same CPU jobs, 2 workers each': {
      value: (m['queue, 2 processes'] ?? Number.NaN) / (m['thread pool, 2 threads'] ?? Number.NaN),
      description: 'median wall time, 2 BullMQ worker processes / 2 pooled worker threads',
    },
    'per-job overhead, queue vs thread pool': {
      value:
        (m['queue, 1 process, empty jobs'] ?? Number.NaN) /
        (m['thread pool, 1 thread, empty jobs'] ?? Number.NaN),
      description:
        'median wall time of empty jobs, BullMQ (1 process, concurrency 2) / in-process thread pool (1 thread)',
      claim: { atLeast: 3, text: 'a job through Redis costs several times a message to a pooled thread' },
    },
  }),
});
