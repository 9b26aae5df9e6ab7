import { BroadcastChannel, parentPort, threadId, workerData } from 'node:worker_threads';

// Joins a named channel: every thread that opens the same name hears every post to it.
const channel = new BroadcastChannel(workerData as string);
channel.onmessage = (event) => {
  parentPort!.postMessage({ threadId, got: (event as MessageEvent).data });
  channel.close(); // an open channel keeps the worker alive
};
parentPort!.postMessage('joined');
