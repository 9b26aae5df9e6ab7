import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { readFile } from 'node:fs';

export interface WavesRun {
  /** UV_THREADPOOL_SIZE as this process saw it (undefined = the default, 4). */
  threadpoolSize: string | undefined;
  jobs: number;
  iterations: number;
  /** When each pbkdf2 callback ran, ms after all were queued, sorted. */
  completions: number[];
  /** When a file read queued right after the jobs finished: it needs a pool thread too. */
  readDoneAt: number;
}

/** How many pbkdf2 iterations take about `ms` on this machine (measured on the main thread). */
function iterationsFor(ms: number): number {
  const probe = 20_000;
  const t0 = performance.now();
  pbkdf2Sync('secret', 'salt', probe, 64, 'sha512');
  const perIteration = (performance.now() - t0) / probe;
  return Math.max(1_000, Math.round(ms / perIteration));
}

/**
 * Queue `jobs` equal pbkdf2 hashes (each about `jobMs` of CPU) and one file read, and record when
 * each finished. Both crypto and fs run on libuv's thread pool, so with N threads the jobs finish in
 * waves of N, and the read waits behind them.
 */
export function runPbkdf2Waves(jobs: number, jobMs: number): Promise<WavesRun> {
  const iterations = iterationsFor(jobMs);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const completions: number[] = [];
    let readDoneAt: number | undefined;
    const finish = () => {
      if (completions.length === jobs && readDoneAt !== undefined) {
        resolve({
          threadpoolSize: process.env.UV_THREADPOOL_SIZE,
          jobs,
          iterations,
          completions: completions.sort((a, b) => a - b),
          readDoneAt,
        });
      }
    };
    for (let j = 0; j < jobs; j++) {
      pbkdf2('secret', `salt-${j}`, iterations, 64, 'sha512', (err) => {
        if (err) return reject(err);
        completions.push(performance.now() - t0);
        finish();
      });
    }
    readFile(__filename, (err) => {
      if (err) return reject(err);
      readDoneAt = performance.now() - t0;
      finish();
    });
  });
}

/**
 * Group sorted completion times into waves: a new wave starts where the gap to the previous
 * completion exceeds half the first completion time (about one job's duration in a full pool).
 * Pure, so the grouping rule is tested apart from the timing.
 *
 * @example
 * countWaves([100, 104, 198, 203]); // 2
 */
export function countWaves(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const threshold = sorted[0]! / 2;
  let waves = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > threshold) waves++;
  return waves;
}
