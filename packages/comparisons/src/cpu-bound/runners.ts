import { join } from 'node:path';
import { ProcessPool } from '@course/processes';
import type { BusyInterval } from '@course/runtime';
import { countPrimes, measure, shareSignal, type TaskPool } from '@course/runtime';
import { ThreadPool } from '@course/threads';
import type { TimedCount } from './timed-count';

export type Range = [number, number];

export interface RunResult {
  runner: string;
  workers: number;
  total: number;
  wallMs: number;
  /** CPU time of this process (all its threads; child processes are not included). */
  cpuMs: number;
  intervals: BusyInterval[];
}

/** All chunks one after another on the main thread: the baseline. */
export async function runSequential(ranges: readonly Range[]): Promise<RunResult> {
  const m = await measure(() => ranges.reduce((sum, [a, b]) => sum + countPrimes(a, b), 0));
  return {
    runner: 'sequential',
    workers: 1,
    total: m.result,
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    intervals: [],
  };
}

/**
 * The same chunks as "async" functions under Promise.all. No gain, by construction: an async function
 * runs synchronously until its first await, and CPU work never awaits — one thread does it all, and
 * the event loop is blocked the whole time.
 */
export async function runAsync(ranges: readonly Range[]): Promise<RunResult> {
  const m = await measure(async () => {
    const counts = await Promise.all(ranges.map(async ([a, b]) => countPrimes(a, b)));
    return counts.reduce((s, c) => s + c, 0);
  });
  return {
    runner: 'async (Promise.all)',
    workers: 1,
    total: m.result,
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    intervals: [],
  };
}

/** Run every chunk on an already started pool; return the total and who was busy when. */
export async function runOnPool(
  runner: string,
  pool: TaskPool<Range, TimedCount>,
  ranges: readonly Range[],
  signal?: AbortSignal,
): Promise<RunResult> {
  // Every queued task listens on the one signal until it settles.
  shareSignal(signal);
  const m = await measure(() => Promise.all(ranges.map((r) => pool.run(r, { signal, timeoutMs: 120_000 }))));
  return {
    runner,
    workers: pool.size,
    total: m.result.reduce((s, r) => s + r.count, 0),
    wallMs: m.wallMs,
    cpuMs: m.cpuMs,
    intervals: m.result.map((r) => r.interval),
  };
}

/** A pool of worker threads that count primes and time themselves. */
export function startThreadPool(size: number): ThreadPool<Range, TimedCount> {
  return new ThreadPool<Range, TimedCount>(join(__dirname, 'timed-count-worker.ts'), {
    size,
    name: 'count-primes',
  });
}

/** A pool of child processes that count primes and time themselves. */
export function startProcessPool(size: number): ProcessPool<Range, TimedCount> {
  return new ProcessPool<Range, TimedCount>({ file: join(__dirname, 'timed-count-child.ts'), size });
}

/** Time from creating a pool to its first answer: what a pool pays once and per-task spawning pays every time. */
export async function startUpMs(
  start: () => TaskPool<Range, TimedCount>,
): Promise<{ ms: number; pool: TaskPool<Range, TimedCount> }> {
  const m = await measure(async () => {
    const pool = start();
    await Promise.all(Array.from({ length: pool.size }, () => pool.run([0, 10])));
    return pool;
  });
  return { ms: m.wallMs, pool: m.result };
}
