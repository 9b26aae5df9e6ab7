import { parentPort } from 'node:worker_threads';
import { serveTasks } from '../src/worker-pool/serve-tasks';

// The TypeScript twin of plain-echo-worker.js: started through startWorker's cached bundle.
parentPort!.postMessage('ready');
serveTasks((input: unknown) => input);
