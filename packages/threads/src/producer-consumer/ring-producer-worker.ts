import { parentPort, workerData } from 'node:worker_threads';
import { RingBuffer } from './ring-buffer';

// Puts its items one by one (sleeping whenever the buffer is full), then signs off.
const { sab, items } = workerData as { sab: SharedArrayBuffer; items: number[] };
const ring = new RingBuffer(sab);
parentPort!.postMessage('ready');
for (const item of items) ring.put(item);
ring.producerDone();
parentPort!.postMessage('done');
