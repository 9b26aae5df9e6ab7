import { performance } from 'node:perf_hooks';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { aggregateRange } from './read-range';
import type { RangeMessage, RangeTask } from './types';

// One worker, one byte range: aggregate it and post the partial result with the busy interval.
if (!parentPort)
  throw new Error('range-worker.ts must be started as a worker thread (startWorker/runWorker)');
const { file, range, options } = workerData as RangeTask;
// timeOrigin + now() is a clock every thread shares (each thread's now() alone starts at its own 0).
const start = performance.timeOrigin + performance.now();
const partial = aggregateRange(file, range, options);
const message: RangeMessage = {
  partial,
  threadId,
  busy: { who: threadId, start, end: performance.timeOrigin + performance.now() },
};
parentPort.postMessage(message);
