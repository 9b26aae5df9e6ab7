import { parentPort } from 'node:worker_threads';

// Says it has started, then never yields: only terminate() can stop it.
parentPort!.postMessage('started');
for (;;);
