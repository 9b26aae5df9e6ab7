// A thread incrementing a counter in a SharedArrayBuffer it shares with its siblings.
import { parentPort, workerData } from 'node:worker_threads';
import { incrementShared, type SabJob } from './sab-increment';

incrementShared(workerData as SabJob, () => parentPort!.postMessage('ready'));
