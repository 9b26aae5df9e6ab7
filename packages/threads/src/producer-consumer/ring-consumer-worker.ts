import { parentPort, workerData } from 'node:worker_threads';
import { RingBuffer } from './ring-buffer';

// Takes items until the buffer is closed and empty, then reports everything it consumed.
const ring = new RingBuffer(workerData as SharedArrayBuffer);
parentPort!.postMessage('ready');
const consumed: number[] = [];
for (let item = ring.take(); item !== undefined; item = ring.take()) consumed.push(item);
parentPort!.postMessage(consumed);
