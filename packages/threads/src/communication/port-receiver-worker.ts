import { type MessagePort, parentPort, threadId } from 'node:worker_threads';

// Listens on its end of the channel and reports to the parent what arrived, and from whom.
parentPort!.once('message', ({ port }: { port: MessagePort }) => {
  port.once('message', (msg: { text: string; from: number }) => {
    parentPort!.postMessage({ ...msg, receivedBy: threadId });
    port.close();
  });
  parentPort!.postMessage('listening');
});
