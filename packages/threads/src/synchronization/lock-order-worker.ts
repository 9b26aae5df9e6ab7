import { parentPort, workerData } from 'node:worker_threads';
import { Barrier } from './barrier';
import { LOCKS } from './layout';
import { Mutex } from './mutex';

const { sab, first, second, timeoutMs, meetHoldingFirst, rounds } = workerData as {
  sab: SharedArrayBuffer;
  first: 'a' | 'b';
  second: 'a' | 'b';
  timeoutMs: number;
  meetHoldingFirst: boolean;
  rounds: number;
};
const cells = new Int32Array(sab);
const lockA = new Mutex(cells, LOCKS.a);
const lockB = new Mutex(cells, LOCKS.b);
const locks = { a: lockA, b: lockB };
const barrier = new Barrier(cells, LOCKS.barrierCount, 2);
parentPort!.postMessage('ready');
let completed = 0;
let timedOut = 0;
for (let r = 0; r < rounds; r++) {
  locks[first].lock();
  // Make the bad interleaving certain: both threads hold their first lock before either asks for its second.
  if (meetHoldingFirst) barrier.wait(20_000);
  if (locks[second].lock(timeoutMs)) {
    completed++;
    locks[second].unlock();
  } else {
    timedOut++; // DEADLOCK detected: the other thread holds what we need and waits for what we hold
  }
  locks[first].unlock();
}
parentPort!.postMessage({ completed, timedOut });
