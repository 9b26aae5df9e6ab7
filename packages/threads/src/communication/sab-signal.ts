import { join } from 'node:path';
import { startWorker, withTimeout } from '@course/runtime';
import { waitAsync } from '../synchronization/wait-async';
import { SIGNAL } from './signal-layout';

/**
 * Hand a number to a worker and get its answer through shared memory only: store + notify to
 * signal it, `Atomics.waitAsync` (non-blocking, this is the main thread) to wait for the reply.
 *
 * @example
 * const { output } = await signalThroughSharedMemory(21); // 42
 */
export async function signalThroughSharedMemory(input: number) {
  const cells = new Int32Array(new SharedArrayBuffer(SIGNAL.slots * 4));
  const h = startWorker(join(__dirname, 'sab-signal-worker.ts'), { workerData: cells.buffer });
  try {
    await withTimeout(new Promise((r) => h.worker.once('message', r)), 30_000, 'the signal worker to start');
    const t0 = performance.now();
    const reply = waitAsync(cells, SIGNAL.reply, 0, 20_000); // registered before we signal: nothing to miss
    Atomics.store(cells, SIGNAL.input, input);
    Atomics.store(cells, SIGNAL.request, 1);
    Atomics.notify(cells, SIGNAL.request);
    const outcome = reply.async ? await reply.value : reply.value;
    return { input, output: Atomics.load(cells, SIGNAL.output), outcome, ms: performance.now() - t0 };
  } finally {
    await h.terminate();
  }
}
