import { availableParallelism } from 'node:os';
import { spin, splitRange, type TaskPool } from '@course/runtime';
import { type CpuCheck, cpuCheck } from './cpu-check';
import {
  type Range,
  type RunResult,
  runAsync,
  runOnPool,
  runSequential,
  startProcessPool,
  startThreadPool,
  startUpMs,
} from './runners';
import type { TimedCount } from './timed-count';

export interface CpuComparisonOptions {
  /** Count primes below this number. */
  limit: number;
  /** Pool sizes to try, e.g. [1, 2]. Default 1..availableParallelism(). */
  workerCounts?: number[];
  /** Chunks per run: more chunks than workers balance the uneven cost of ranges. */
  chunks?: number;
  /** Iterations of the CPU check loop. Default: sized so one loop takes about as long as the sequential run. */
  checkIterations?: number;
  signal?: AbortSignal;
}

export interface CpuComparison {
  limit: number;
  expectedTotal: number;
  sequential: RunResult;
  async: RunResult;
  threads: RunResult[];
  processes: RunResult[];
  startUp: { threadsMs: number; processesMs: number; workers: number };
  check: CpuCheck;
}

/**
 * The same pure CPU task (count the primes below `limit`, split into chunks) run sequentially, as
 * "async" functions, on a worker-thread pool and on a child-process pool at 1..N workers, plus the CPU
 * check measured in the same run. Pools are started (and their start-up timed) before the clock runs.
 */
export async function compareCpuBound(options: CpuComparisonOptions): Promise<CpuComparison> {
  const { limit, signal } = options;
  const maxWorkers = availableParallelism();
  const workerCounts = options.workerCounts ?? Array.from({ length: maxWorkers }, (_, i) => i + 1);
  const ranges: Range[] = splitRange(0, limit, options.chunks ?? 8 * Math.max(...workerCounts));

  const sequential = await runSequential(ranges);
  // Size the check like the workload: a loop much shorter than the work would overstate start-up.
  const checkIterations = options.checkIterations ?? iterationsFor(sequential.wallMs);
  const checkBefore = await cpuCheck(Math.max(...workerCounts), checkIterations, signal);
  const asyncRun = await runAsync(ranges);
  const threads: RunResult[] = [];
  const processes: RunResult[] = [];
  let startUp = { threadsMs: 0, processesMs: 0, workers: 0 };
  for (const n of workerCounts) {
    for (const [kind, start, out] of [
      ['threads', () => startThreadPool(n), threads],
      ['processes', () => startProcessPool(n), processes],
    ] as const) {
      const { ms, pool } = await startUpMs(start as () => TaskPool<Range, TimedCount>);
      try {
        if (n === Math.max(...workerCounts)) startUp = { ...startUp, [`${kind}Ms`]: ms, workers: n };
        out.push(await runOnPool(`${kind} (${n})`, pool, ranges, signal));
      } finally {
        await pool.close();
      }
    }
  }
  // Measured before and after the pools ran: the neighbours' load changes during a run.
  const checkAfter = await cpuCheck(Math.max(...workerCounts), checkIterations, signal);
  const check: CpuCheck = {
    threads: checkAfter.threads,
    oneMs: (checkBefore.oneMs + checkAfter.oneMs) / 2,
    manyMs: (checkBefore.manyMs + checkAfter.manyMs) / 2,
    capacity: (checkBefore.capacity + checkAfter.capacity) / 2,
  };
  return {
    limit,
    expectedTotal: sequential.total,
    sequential,
    async: asyncRun,
    threads,
    processes,
    startUp,
    check,
  };
}

/** How many iterations of `spin` take about `ms` on this thread (a short calibration run). */
export function iterationsFor(ms: number): number {
  const probe = 20_000_000;
  const t0 = performance.now();
  spin(probe);
  const perMs = probe / Math.max(performance.now() - t0, 1);
  return Math.max(probe, Math.round(perMs * ms));
}

/** Speed-up of a run over the sequential baseline. */
export function speedUp(c: CpuComparison, r: RunResult): number {
  return c.sequential.wallMs / r.wallMs;
}
