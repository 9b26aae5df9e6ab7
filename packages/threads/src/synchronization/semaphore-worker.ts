import { parentPort, workerData } from 'node:worker_threads';
import { spin } from '@course/runtime';
import { SEMAPHORE } from './layout';
import { Semaphore } from './semaphore';

const { sab, rounds, gate } = workerData as {
  sab: SharedArrayBuffer;
  rounds: number;
  gate: SharedArrayBuffer;
};
const cells = new Int32Array(sab);
const sem = new Semaphore(cells, SEMAPHORE.permits);
parentPort!.postMessage('ready');
Atomics.wait(new Int32Array(gate), 0, 0);
for (let r = 0; r < rounds; r++) {
  sem.acquire();
  // Inside the bounded section: count ourselves in, remember the most ever seen inside at once.
  const inside = Atomics.add(cells, SEMAPHORE.inside, 1) + 1;
  let max = Atomics.load(cells, SEMAPHORE.maxInside);
  while (inside > max && Atomics.compareExchange(cells, SEMAPHORE.maxInside, max, inside) !== max) {
    max = Atomics.load(cells, SEMAPHORE.maxInside);
  }
  Atomics.add(cells, SEMAPHORE.entries, 1);
  spin(20_000); // some work while holding the permit
  Atomics.sub(cells, SEMAPHORE.inside, 1);
  sem.release();
}
parentPort!.postMessage('done');
