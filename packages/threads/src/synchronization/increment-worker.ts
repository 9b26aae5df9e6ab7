import { parentPort, workerData } from 'node:worker_threads';
import { COUNTER, waitAtGate } from './layout';
import { Mutex } from './mutex';

const { sab, iterations, mode } = workerData as {
  sab: SharedArrayBuffer;
  iterations: number;
  mode: 'plain' | 'atomic' | 'mutex';
};
const cells = new Int32Array(sab);
const mutex = new Mutex(cells, COUNTER.mutex);
parentPort!.postMessage('ready');
waitAtGate(cells, COUNTER.gate);
if (mode === 'plain') {
  // LOST UPDATE: `++` is read, add, write. Two threads read 41, both write 42: one increment is gone.
  for (let i = 0; i < iterations; i++) cells[COUNTER.value]!++;
} else if (mode === 'atomic') {
  // One indivisible read-modify-write: no other thread can slip in between.
  for (let i = 0; i < iterations; i++) Atomics.add(cells, COUNTER.value, 1);
} else {
  for (let i = 0; i < iterations; i++) {
    mutex.lock();
    cells[COUNTER.value]!++; // safe: only the lock holder touches the counter
    mutex.unlock();
  }
}
parentPort!.postMessage('done');
