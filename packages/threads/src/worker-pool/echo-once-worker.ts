import { parentPort, workerData } from 'node:worker_threads';

// A worker per task: start, answer once, be terminated. Its start-up is the cost being shown.
parentPort!.postMessage(workerData);
