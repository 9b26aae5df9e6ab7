import { parentPort, workerData } from 'node:worker_threads';
import { Condition } from './condition';
import { CONDITION } from './layout';
import { Mutex } from './mutex';

const { sab, role } = workerData as { sab: SharedArrayBuffer; role: 'waiter' | 'setter' };
const cells = new Int32Array(sab);
const mutex = new Mutex(cells, CONDITION.mutex);
const changed = new Condition(cells, CONDITION.seq);
parentPort!.postMessage('ready');
mutex.lock();
if (role === 'setter') {
  cells[CONDITION.value] = 42; // the state change, made under the mutex...
  changed.notifyAll(); // ...then announced
} else {
  // Re-check the state in a loop: the setter may have run first (no wait needed at all).
  while (cells[CONDITION.value] === 0) changed.wait(mutex, 20_000);
}
const value = cells[CONDITION.value];
mutex.unlock();
parentPort!.postMessage(value);
