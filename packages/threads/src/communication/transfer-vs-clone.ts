import { join } from 'node:path';
import { deferred, startWorker, summarize, type WorkerHandle } from '@course/runtime';

type Way = 'clone' | 'transfer' | 'shared';

/** Send `payload` to the echo worker and wait until it is back. */
async function roundTrip(h: WorkerHandle, payload: ArrayBuffer | SharedArrayBuffer, transfer: boolean) {
  const back = deferred<{ payload: ArrayBuffer | SharedArrayBuffer }>();
  h.worker.once('message', back.resolve);
  h.worker.postMessage({ payload, transfer }, transfer ? [payload as ArrayBuffer] : []);
  return (await back.promise).payload;
}

/**
 * Round trips of a `mib` MiB buffer to a worker and back, three ways: structured clone (copied each
 * way), transfer (moved: the sender's buffer is detached), and a SharedArrayBuffer (both threads see
 * the same memory; only a handle travels). Median of `repetitions` each, after one warm-up.
 *
 * @example
 * const r = await compareTransferAndClone({ mib: 16, repetitions: 5 });
 * r.cloneMs / r.transferMs; // >= 10
 */
export async function compareTransferAndClone({ mib, repetitions }: { mib: number; repetitions: number }) {
  const bytes = mib * 1024 * 1024;
  const h = startWorker(join(__dirname, 'echo-worker.ts'));
  try {
    const times: Record<Way, number[]> = { clone: [], transfer: [], shared: [] };
    let detachedAfterTransfer = true;
    let intact = true;
    // One way at a time, each reusing the buffer that came back, and cloning last: the clone rounds
    // leave 2 x `mib` MiB of garbage each, and a collection landing in a transfer round would time
    // the garbage collector instead of the transfer.
    let moving = new ArrayBuffer(bytes);
    const shared = new SharedArrayBuffer(bytes);
    let copied = new ArrayBuffer(bytes);
    for (const way of ['transfer', 'shared', 'clone'] as Way[]) {
      for (let i = 0; i <= repetitions; i++) {
        const buf = way === 'transfer' ? moving : way === 'shared' ? shared : copied;
        new Uint8Array(buf)[bytes - 1] = i + 1; // mark the last byte: what comes back must carry it
        const t0 = performance.now();
        const back = await roundTrip(h, buf, way === 'transfer');
        const ms = performance.now() - t0;
        if (way === 'transfer') {
          detachedAfterTransfer &&= buf.byteLength === 0;
          moving = back as ArrayBuffer;
        }
        if (way === 'clone') copied = back as ArrayBuffer;
        intact &&= back.byteLength === bytes && new Uint8Array(back)[bytes - 1] === i + 1;
        if (i > 0) times[way].push(ms); // round 0 warms up
      }
    }
    const median = (w: Way) => summarize(times[w]).median;
    return {
      mib,
      cloneMs: median('clone'),
      transferMs: median('transfer'),
      sharedMs: median('shared'),
      detachedAfterTransfer,
      intact,
    };
  } finally {
    await h.terminate();
  }
}
