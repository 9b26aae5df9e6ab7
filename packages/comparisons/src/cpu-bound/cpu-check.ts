import { join } from 'node:path';
import { measure, runWorker, spin } from '@course/runtime';

export interface CpuCheck {
  threads: number;
  /** Wall time of the loop once, on one worker thread. */
  oneMs: number;
  /** Wall time of `threads` copies of the loop at once, one per worker. */
  manyMs: number;
  /** How many loops' worth of CPU the machine gave us at once: threads × one / many (ideal = threads). */
  capacity: number;
}

/**
 * How many cores this machine really gives us right now: the same fixed integer loop on 1 thread,
 * then on N threads at once. On a shared VM this is often below N; every scaling figure of the
 * comparison is read against it, not against the core count.
 *
 * Size `iterations` like the workload (a loop much shorter than the work overstates start-up).
 */
export async function cpuCheck(threads: number, iterations: number, signal?: AbortSignal): Promise<CpuCheck> {
  const file = join(__dirname, 'spin-worker.ts');
  spin(1_000); // JIT warm-up of the loop on this thread is irrelevant; workers compile their own.
  const one = await measure(() => runWorker(file, { workerData: iterations, signal, timeoutMs: 120_000 }));
  const many = await measure(() =>
    Promise.all(
      Array.from({ length: threads }, () =>
        runWorker(file, { workerData: iterations, signal, timeoutMs: 120_000 }),
      ),
    ),
  );
  return { threads, oneMs: one.wallMs, manyMs: many.wallMs, capacity: (threads * one.wallMs) / many.wallMs };
}
