import { parentPort, workerData } from 'node:worker_threads';
import { Barrier } from './barrier';
import { BARRIER } from './layout';

const { sab, parties, rounds } = workerData as { sab: SharedArrayBuffer; parties: number; rounds: number };
const cells = new Int32Array(sab);
const barrier = new Barrier(cells, BARRIER.count, parties);
parentPort!.postMessage('ready');
// Each round: arrive (phase one), wait at the barrier, then look how many have arrived so far.
// Without the barrier a fast worker would read a count from an earlier round.
const seen: number[] = [];
for (let r = 1; r <= rounds; r++) {
  Atomics.add(cells, BARRIER.arrived, 1);
  barrier.wait(20_000);
  seen.push(Atomics.load(cells, BARRIER.arrived));
  barrier.wait(20_000); // nobody starts the next round's phase one before everyone has looked
}
parentPort!.postMessage(seen);
