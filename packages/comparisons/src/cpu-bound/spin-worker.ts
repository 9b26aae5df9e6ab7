import { parentPort, workerData } from 'node:worker_threads';
import { spin } from '@course/runtime';

// The CPU check: the same fixed loop on each thread; the parent times how long N of them take together.
parentPort!.postMessage(spin(workerData as number));
