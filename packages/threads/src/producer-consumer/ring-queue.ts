import { join } from 'node:path';
import { deferred, startWorker, type WorkerHandle, withTimeout } from '@course/runtime';
import { waitAsync } from '../synchronization/wait-async';
import { audit, producerItems } from './exactly-once';
import { RingBuffer } from './ring-buffer';

const file = (name: string) => join(__dirname, name);

/** Resolve with each worker's `n`-th message (1-based) — one listener from the start, nothing missed. */
function nthMessages<T>(handles: readonly WorkerHandle[], n: number): Promise<T[]> {
  return Promise.all(
    handles.map((h) => {
      const d = deferred<T>();
      let seen = 0;
      h.worker.on('message', (m: T) => {
        if (++seen === n) d.resolve(m);
      });
      h.worker.once('error', d.reject);
      return d.promise;
    }),
  );
}

export interface QueueRun {
  producers: number;
  consumers: number;
  capacity: number;
  perProducer: number;
}

/**
 * Producers and consumers, all workers, through a SharedArrayBuffer ring buffer. The last producer
 * closes the buffer; consumers drain it and stop. Returns the audit and the throughput.
 *
 * @example
 * const r = await runRingQueue({ producers: 2, consumers: 2, capacity: 64, perProducer: 10_000 });
 * r.audit.lost === 0 && r.audit.duplicated === 0;
 */
export async function runRingQueue({ producers, consumers, capacity, perProducer }: QueueRun) {
  const sab = RingBuffer.allocate(capacity, producers);
  const items = producerItems(producers, perProducer);
  const t0 = performance.now(); // start-up included, as in the message-passing version
  const consumerHandles = Array.from({ length: consumers }, () =>
    startWorker(file('ring-consumer-worker.ts'), { workerData: sab }),
  );
  const consumed = nthMessages<number[]>(consumerHandles, 2);
  const producerHandles = items.map((list) =>
    startWorker(file('ring-producer-worker.ts'), { workerData: { sab, items: list } }),
  );
  const produced = nthMessages<string>(producerHandles, 2);
  try {
    const lists = await withTimeout(consumed, 120_000, 'the ring-buffer consumers to finish');
    await withTimeout(produced, 10_000, 'the ring-buffer producers to finish');
    const ms = performance.now() - t0;
    const a = audit(items, lists);
    return { ...RingBuffer.stats(sab), audit: a, ms, itemsPerSecond: (a.consumed / ms) * 1000 };
  } finally {
    await Promise.all([...consumerHandles, ...producerHandles].map((h) => h.terminate()));
  }
}

/**
 * Backpressure, shown deterministically: a producer puts 5 items into a buffer of 2 with no consumer.
 * The main thread waits (without blocking: `Atomics.waitAsync`) until the producer reports it is
 * held back, reads the depth, then starts a consumer and everything flows.
 */
export async function demonstrateBackpressure() {
  const sab = RingBuffer.allocate(2, 1);
  const items = [1, 2, 3, 4, 5];
  const producer = startWorker(file('ring-producer-worker.ts'), { workerData: { sab, items } });
  let consumer: WorkerHandle | undefined;
  try {
    const cells = new Int32Array(sab);
    const held = waitAsync(cells, RingBuffer.FULL_WAITS_SLOT, 0, 30_000);
    const outcome = held.async ? await held.value : held.value; // 'not-equal' if it was already held back
    const whileHeld = RingBuffer.stats(sab);
    consumer = startWorker(file('ring-consumer-worker.ts'), { workerData: sab });
    const [consumed] = await withTimeout(
      nthMessages<number[]>([consumer], 2),
      30_000,
      'the consumer to drain the buffer',
    );
    return { outcome, whileHeld, consumed: consumed ?? [], after: RingBuffer.stats(sab) };
  } finally {
    await Promise.all([producer.terminate(), consumer?.terminate()]);
  }
}
