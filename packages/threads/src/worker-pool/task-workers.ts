import { join } from 'node:path';

/** Worker file for `ThreadPool<[from, to], number>`: counts primes in [from, to) with the runtime's `countPrimes`. */
export const COUNT_PRIMES_WORKER = join(__dirname, 'count-primes-worker.ts');

/** Worker file for `ThreadPool<T, T>`: answers with its input — the cost of the pool itself. */
export const ECHO_WORKER = join(__dirname, 'echo-worker.ts');

/** Worker file for `runWorker`: answers once with its `workerData` (a worker per task). */
export const ECHO_ONCE_WORKER = join(__dirname, 'echo-once-worker.ts');
