import { parentPort, workerData } from 'node:worker_threads';

// Sends one item, waits for the broker's 'ack' (sent only once the item fits in the bounded queue:
// that wait is the backpressure), sends the next. Then says it is done.
const items = workerData as number[];
let next = 0;
const sendNext = () => {
  if (next < items.length) parentPort!.postMessage({ type: 'item', value: items[next++] });
  else parentPort!.postMessage({ type: 'done' });
};
parentPort!.on('message', (msg: { type: 'ack' }) => {
  if (msg.type === 'ack') sendNext();
});
sendNext();
