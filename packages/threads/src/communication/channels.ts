import { join } from 'node:path';
import { BroadcastChannel, MessageChannel } from 'node:worker_threads';
import { startWorker, type WorkerHandle, withTimeout } from '@course/runtime';

const file = (name: string) => join(__dirname, name);
const nextMessage = <T>(h: WorkerHandle, what: string) =>
  withTimeout(new Promise<T>((resolve) => h.worker.once('message', resolve)), 30_000, what);

/**
 * Two workers talk directly over a MessageChannel: the main thread creates the channel, transfers
 * one port to each worker, and is out of the conversation.
 *
 * @example
 * const r = await workerToWorker(); // r.from === sender's threadId, r.receivedBy === receiver's
 */
export async function workerToWorker() {
  const sender = startWorker(file('port-sender-worker.ts'));
  const receiver = startWorker(file('port-receiver-worker.ts'));
  try {
    const { port1, port2 } = new MessageChannel();
    const listening = nextMessage<string>(receiver, 'the receiver to listen');
    receiver.worker.postMessage({ port: port2 }, [port2]); // a port is moved, never copied
    await listening;
    const arrived = nextMessage<{ text: string; from: number; receivedBy: number }>(
      receiver,
      'the message to arrive',
    );
    sender.worker.postMessage({ port: port1 }, [port1]);
    const msg = await arrived;
    return { ...msg, senderThreadId: sender.threadId, receiverThreadId: receiver.threadId };
  } finally {
    await Promise.all([sender.terminate(), receiver.terminate()]);
  }
}

/**
 * The main thread posts once to a named BroadcastChannel; each of `n` workers that joined it hears it.
 *
 * @example
 * const { heard } = await broadcastTo(3); // three { threadId, got } entries
 */
export async function broadcastTo(n: number) {
  const name = `course-news-${process.pid}-${Date.now()}`;
  const workers = Array.from({ length: n }, () =>
    startWorker(file('broadcast-worker.ts'), { workerData: name }),
  );
  const channel = new BroadcastChannel(name);
  try {
    await Promise.all(workers.map((w) => nextMessage(w, 'a worker to join the channel')));
    const heard = Promise.all(
      workers.map((w) => nextMessage<{ threadId: number; got: string }>(w, 'a worker to hear the broadcast')),
    );
    channel.postMessage('one post, every listener');
    return { heard: await heard, workerThreadIds: workers.map((w) => w.threadId) };
  } finally {
    channel.close();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
