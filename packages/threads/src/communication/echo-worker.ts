import { parentPort } from 'node:worker_threads';

// Sends every message straight back: moved again if it came with `transfer: true`, else cloned again.
parentPort!.on('message', (msg: { payload: unknown; transfer?: boolean }) => {
  const list = msg.transfer && msg.payload instanceof ArrayBuffer ? [msg.payload] : [];
  parentPort!.postMessage(msg, list);
});
