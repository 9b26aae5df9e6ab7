import { parentPort, workerData } from 'node:worker_threads';
import { SIGNAL } from './signal-layout';

// No messages for the data: sleep until the main thread raises the request flag, read the input
// from shared memory, write the answer there, raise the reply flag.
const cells = new Int32Array(workerData as SharedArrayBuffer);
parentPort!.postMessage('ready');
Atomics.wait(cells, SIGNAL.request, 0, 20_000);
Atomics.store(cells, SIGNAL.output, Atomics.load(cells, SIGNAL.input) * 2);
Atomics.store(cells, SIGNAL.reply, 1);
Atomics.notify(cells, SIGNAL.reply);
