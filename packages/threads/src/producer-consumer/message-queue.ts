import { join } from 'node:path';
import { deferred, startWorker, type WorkerHandle, withTimeout } from '@course/runtime';
import { audit, producerItems } from './exactly-once';
import type { QueueRun } from './ring-queue';

type FromProducer = { type: 'item'; value: number } | { type: 'done' };
type FromConsumer = { type: 'ready' } | { type: 'consumed'; items: number[] };

/**
 * The same producers and consumers with message passing only: the main thread is the broker and
 * holds the bounded queue. A producer gets its next 'ack' only once its item fits in the queue
 * (backpressure); a consumer says 'ready' and gets the next item; when all producers are done and
 * the queue is empty, each consumer gets a poison pill ('stop') and reports what it consumed.
 *
 * @example
 * const r = await runMessageQueue({ producers: 2, consumers: 2, capacity: 64, perProducer: 10_000 });
 */
export async function runMessageQueue({ producers, consumers, capacity, perProducer }: QueueRun) {
  const items = producerItems(producers, perProducer);
  const queue: number[] = [];
  const held: WorkerHandle[] = []; // producers whose item did not fit: their ack waits for room
  const heldItems: number[] = [];
  const idle: WorkerHandle[] = [];
  const results: number[][] = [];
  const finished = deferred<void>();
  let producersLeft = producers;
  let maxDepth = 0;
  let fullWaits = 0;

  const t0 = performance.now();
  const prodHandles = items.map((list) =>
    startWorker(join(__dirname, 'message-producer-worker.ts'), { workerData: list }),
  );
  const consHandles = Array.from({ length: consumers }, () =>
    startWorker(join(__dirname, 'message-consumer-worker.ts')),
  );

  const pump = () => {
    while (idle.length > 0 && queue.length > 0)
      idle.shift()!.worker.postMessage({ type: 'item', value: queue.shift() });
    while (held.length > 0 && queue.length < capacity) {
      queue.push(heldItems.shift()!);
      held.shift()!.worker.postMessage({ type: 'ack' }); // room now: this producer may send its next item
    }
    while (idle.length > 0 && queue.length > 0)
      idle.shift()!.worker.postMessage({ type: 'item', value: queue.shift() });
    maxDepth = Math.max(maxDepth, queue.length);
    if (producersLeft === 0 && queue.length === 0 && held.length === 0) {
      for (const c of idle.splice(0)) c.worker.postMessage({ type: 'stop' }); // the poison pill
    }
  };
  for (const p of prodHandles) {
    p.worker.on('message', (m: FromProducer) => {
      if (m.type === 'done') producersLeft--;
      else if (queue.length < capacity) {
        queue.push(m.value);
        p.worker.postMessage({ type: 'ack' });
      } else {
        fullWaits++; // full: keep the item aside and withhold the ack
        held.push(p);
        heldItems.push(m.value);
      }
      pump();
    });
  }
  for (const c of consHandles) {
    c.worker.on('message', (m: FromConsumer) => {
      if (m.type === 'ready') idle.push(c);
      else {
        results.push(m.items);
        if (results.length === consumers) finished.resolve();
      }
      pump();
    });
  }
  try {
    await withTimeout(finished.promise, 120_000, 'the message-passing consumers to finish');
    const ms = performance.now() - t0;
    const a = audit(items, results);
    return { capacity, maxDepth, fullWaits, audit: a, ms, itemsPerSecond: (a.consumed / ms) * 1000 };
  } finally {
    await Promise.all([...prodHandles, ...consHandles].map((h) => h.terminate()));
  }
}
