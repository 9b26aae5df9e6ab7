import { parentPort } from 'node:worker_threads';

// Does nothing but answer: what it costs to start a worker at all.
parentPort!.postMessage('hello');
