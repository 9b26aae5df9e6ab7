import { parentPort } from 'node:worker_threads';

// Asks the broker for an item, consumes it, asks again; the poison pill (`stop`) ends it.
const consumed: number[] = [];
parentPort!.on('message', (msg: { type: 'item'; value: number } | { type: 'stop' }) => {
  if (msg.type === 'stop') {
    parentPort!.postMessage({ type: 'consumed', items: consumed });
    parentPort!.close();
    return;
  }
  consumed.push(msg.value);
  parentPort!.postMessage({ type: 'ready' });
});
parentPort!.postMessage({ type: 'ready' });
