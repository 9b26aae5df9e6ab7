import { assertRanInParallel, liveHandles, splitRange } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { compareCpuBound, iterationsFor, speedUp } from '../src/cpu-bound/compare';
import { cpuCheck } from '../src/cpu-bound/cpu-check';
import { runAsync, runOnPool, runSequential, startThreadPool } from '../src/cpu-bound/runners';

afterEach(() => expect(liveHandles()).toHaveLength(0));

describe('comparisons/cpu-bound', () => {
  it('every runner finds the same number of primes (25,997 below 300,000)', async () => {
    const c = await compareCpuBound({ limit: 300_000, workerCounts: [1, 2], checkIterations: 5_000_000 });
    const totals = [c.sequential, c.async, ...c.threads, ...c.processes].map((r) => r.total);
    expect(new Set(totals)).toEqual(new Set([25_997]));
    expect(c.threads.map((r) => r.workers)).toEqual([1, 2]);
  });

  it('two worker threads and two child processes are busy at the same time', async () => {
    const c = await compareCpuBound({ limit: 600_000, workerCounts: [2], checkIterations: 5_000_000 });
    assertRanInParallel(c.threads[0]!.intervals, 2, 'the two worker threads');
    assertRanInParallel(c.processes[0]!.intervals, 2, 'the two child processes');
  });

  it('"async" CPU work runs on the one main thread and blocks the event loop until it is all done', async () => {
    const ranges = splitRange(0, 200_000, 8);
    let timerFiredAt = Number.NaN;
    const armedAt = performance.now();
    const timer = new Promise<void>((r) =>
      setTimeout(() => {
        timerFiredAt = performance.now();
        r();
      }, 0),
    );
    const run = await runAsync(ranges);
    const doneAt = performance.now();
    await timer;
    expect(run.total).toBe(17_984);
    // The 0 ms timer could not fire while the "async" work ran: it fired after the work, not before.
    expect(timerFiredAt).toBeGreaterThanOrEqual(doneAt);
    expect(timerFiredAt - armedAt).toBeGreaterThanOrEqual(run.wallMs * 0.9);
  });

  it('worker threads beat sequential on CPU work: >= 1.3x on 2 cores, read against the CPU check of the same run', async () => {
    // ~0.6 s of work per run: long enough that start-up does not dominate, short enough for a test.
    // The host is shared and its load changes from second to second, so sequential, threads and the
    // CPU check are measured side by side in three interleaved rounds and the best round of each is read.
    const ranges = splitRange(0, 1_800_000, 16);
    const pool = startThreadPool(2);
    try {
      await runOnPool('warm-up', pool, splitRange(0, 20_000, 2));
      const ratios: number[] = [];
      const capacities: number[] = [];
      for (let round = 0; round < 3; round++) {
        const sequential = await runSequential(ranges);
        const threads = await runOnPool('threads (2)', pool, ranges);
        expect(threads.total).toBe(sequential.total);
        ratios.push(sequential.wallMs / threads.wallMs);
        capacities.push((await cpuCheck(2, iterationsFor(sequential.wallMs))).capacity);
      }
      const ratio = Math.max(...ratios);
      const capacity = Math.max(...capacities);
      // The claim holds on a machine that gives two cores; on a busy host the check shows less, and the
      // claim is read against what the check measured in this same run.
      const needed = Math.min(1.3, 0.75 * capacity);
      console.info(
        `cpu-bound: threads(2) ${ratios.map((r) => r.toFixed(2)).join('/')}x sequential; CPU check ${capacities.map((c) => c.toFixed(2)).join('/')}x; needed ${needed.toFixed(2)}x`,
      );
      expect(ratio).toBeGreaterThanOrEqual(needed);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('speedUp reads a run against the sequential baseline', () => {
    const run = (wallMs: number) => ({ runner: 'x', workers: 2, total: 0, wallMs, cpuMs: 0, intervals: [] });
    const c = { sequential: run(1000) } as unknown as Parameters<typeof speedUp>[0];
    expect(speedUp(c, run(500))).toBe(2);
  });
});
