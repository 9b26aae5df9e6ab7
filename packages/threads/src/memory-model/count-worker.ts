import { parentPort, workerData } from 'node:worker_threads';
import { countOwnSlot } from './count-own-slot';

// Increments its own counter in shared memory; answers with the time and the overlap samples.
parentPort!.postMessage(countOwnSlot(workerData));
