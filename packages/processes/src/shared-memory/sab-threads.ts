import { join } from 'node:path';
import { deferred, startWorker, type WorkerHandle, withTimeout } from '@course/runtime';

const BUDGET_MS = 30_000;

export interface SabThreadsResult {
  atomic: boolean;
  threads: number;
  expected: number;
  final: number;
  lost: number;
  ms: number;
}

/**
 * The contrast: threads of ONE process can share memory for real. A SharedArrayBuffer handed to
 * workers is the same bytes in all of them (not a copy), so increments are visible at once, and
 * with Atomics none is lost. This is what no pair of processes can do in plain Node.
 *
 * @example
 * (await sabThreads(true, 2, 100_000)).final; // 200000
 */
export async function sabThreads(
  atomic: boolean,
  threads: number,
  increments: number,
): Promise<SabThreadsResult> {
  const sab = new SharedArrayBuffer(8);
  const view = new Int32Array(sab);
  const workers: WorkerHandle[] = [];
  try {
    const ready: Array<Promise<void>> = [];
    for (let i = 0; i < threads; i++) {
      const w = startWorker(join(__dirname, 'sab-counter-worker.ts'), {
        workerData: { sab, increments, atomic },
      });
      const up = deferred<void>();
      w.worker.once('message', () => up.resolve());
      void w.exited.then(() =>
        up.reject(new Error(`sab-counter-worker ended before ready: ${w.error()?.message}`)),
      );
      ready.push(up.promise);
      workers.push(w);
    }
    await withTimeout(Promise.all(ready), BUDGET_MS, 'sab workers ready');
    // Open the gate for all at once: start-up is not measured, and the threads truly overlap.
    const t0 = performance.now();
    Atomics.store(view, 1, 1);
    Atomics.notify(view, 1);
    const codes = await withTimeout(Promise.all(workers.map((w) => w.exited)), BUDGET_MS, 'sab workers');
    const ms = performance.now() - t0;
    if (codes.some((c) => c !== 0))
      throw new Error(`a sab-counter-worker failed: ${workers.map((w) => w.error()?.message).join('; ')}`);
    const expected = threads * increments;
    const final = Atomics.load(view, 0);
    return { atomic, threads, expected, final, lost: expected - final, ms };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
