import { parentPort, workerData } from 'node:worker_threads';
import { spin } from '@course/runtime';

// The CPU check's worker: the runtime's fixed integer loop, no memory traffic, then one message.
parentPort?.postMessage(spin(workerData as number));
