import { join } from 'node:path';
import { countPrimes, splitRange } from '@course/runtime';
import { ProcessPool } from './process-pool';

export interface PoolDemoResult {
  ranges: Array<[number, number]>;
  /** pool.map: results in input order. */
  inOrder: number[];
  /** pool.completed: task indexes in the order they finished. */
  completionOrder: number[];
  sequential: number[];
  /** Distinct child pids that served, and how many children were ever started. */
  servedBy: number;
  started: number;
  parentPid: number;
  pids: number[];
}

/**
 * Run the same pure task (countPrimes) through a pool of `size` children, both ways: `map` (results
 * in input order) and `completed` (each result as soon as it is ready), and sequentially here to
 * check the answers. The ranges are uneven on purpose so completion order differs from input order.
 *
 * @example
 * const r = await poolDemo(2, 200_000); // r.inOrder equals r.sequential
 */
export async function poolDemo(size: number, upTo: number): Promise<PoolDemoResult> {
  // One big range first, then small ones: the small ones finish first on the other child.
  const ranges: Array<[number, number]> = [[0, upTo], ...splitRange(0, upTo / 4, 6)];
  const pool = new ProcessPool<[number, number], number>({
    file: join(__dirname, 'count-primes-child.ts'),
    size,
    taskTimeoutMs: 30_000,
  });
  try {
    await pool.ready();
    const pids = pool.pids;
    const inOrder = await pool.map(ranges);
    const completionOrder: number[] = [];
    for await (const r of pool.completed(ranges)) completionOrder.push(r.index);
    return {
      ranges,
      inOrder,
      completionOrder,
      sequential: ranges.map(([a, b]) => countPrimes(a, b)),
      servedBy: new Set(pool.pids).size,
      started: pool.started,
      parentPid: process.pid,
      pids,
    };
  } finally {
    await pool.close();
  }
}
