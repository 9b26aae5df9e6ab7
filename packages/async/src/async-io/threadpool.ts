import { join } from 'node:path';
import { runChild } from '@course/runtime';
import { countWaves, type WavesRun } from './pbkdf2-waves';

export interface PoolExperiment extends WavesRun {
  threads: number;
  /** Completion clusters (see countWaves): about jobs / threads when the pool is the bottleneck. */
  waves: number;
  /**
   * How many pbkdf2 jobs had finished when the file read (queued after them) finished. The pool's
   * queue is FIFO, so the read can only start once `jobs - threads + 1` jobs have freed a thread:
   * a lower bound that holds however unevenly the OS shares the CPU.
   */
  jobsBeforeRead: number;
}

/**
 * Run `jobs` pbkdf2 jobs in a child process whose libuv pool has `threads` threads.
 *
 * Why a child: UV_THREADPOOL_SIZE is read once, when the pool is first used, and this process has
 * long since used it (every fs call does). Setting `process.env.UV_THREADPOOL_SIZE` here now would
 * silently change nothing.
 *
 * @example
 * (await poolExperiment(4, 8, 40)).waves; // 2 (8 jobs, 4 at a time)
 */
export async function poolExperiment(
  threads: number,
  jobs: number,
  jobMs: number,
  signal?: AbortSignal,
): Promise<PoolExperiment> {
  const run = await runChild<WavesRun>(join(__dirname, 'pbkdf2-waves-child.ts'), {
    env: { ...process.env, UV_THREADPOOL_SIZE: String(threads) },
    message: { jobs, jobMs },
    timeoutMs: 60_000,
    stdio: 'pipe',
    signal,
  });
  return {
    ...run,
    threads,
    waves: countWaves(run.completions),
    jobsBeforeRead: run.completions.filter((t) => t < run.readDoneAt).length,
  };
}
