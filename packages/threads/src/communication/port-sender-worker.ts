import { type MessagePort, parentPort, threadId } from 'node:worker_threads';

// Receives one end of a MessageChannel and talks straight to the worker holding the other end.
parentPort!.once('message', ({ port }: { port: MessagePort }) => {
  port.postMessage({ text: 'hello, other worker', from: threadId });
  port.close();
});
