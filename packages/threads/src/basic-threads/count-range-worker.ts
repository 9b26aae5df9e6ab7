import { parentPort, threadId, workerData } from 'node:worker_threads';
import { countPrimes } from '@course/runtime';

// Input arrives as workerData (cloned at start); the result leaves as a message. Then the script ends
// and the worker exits by itself: its 'exit' event is the join.
const { from, to } = workerData as { from: number; to: number };
// start/end on a clock shared by all threads, so the parent can see that workers were busy at once.
const start = performance.timeOrigin + performance.now();
const count = countPrimes(from, to);
parentPort!.postMessage({ threadId, count, start, end: performance.timeOrigin + performance.now() });
