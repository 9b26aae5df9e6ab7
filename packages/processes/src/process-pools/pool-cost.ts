import { join } from 'node:path';
import { runChild } from '@course/runtime';
import { ProcessPool } from './process-pool';

export interface PoolCostResult {
  tasks: number;
  forkPerTaskMs: number;
  poolMs: number;
  /** How many times cheaper a pooled task is than forking a child for it. */
  ratio: number;
}

/**
 * The point of a prefork pool: a new Node process costs tens of milliseconds (start V8, load code),
 * a message to a running one costs a fraction of one. Same small task, one at a time, both ways.
 * (The bench `process-pool` measures this properly, with repetitions.)
 */
export async function poolCost(tasks: number): Promise<PoolCostResult> {
  const range: [number, number] = [0, 2_000];
  const once = join(__dirname, 'count-primes-once-child.ts');
  // Warm the bundle cache first so neither side pays for compiling the entry.
  await runChild<number>(once, { message: range, timeoutMs: 15_000, stdio: 'ignore' });
  let t0 = performance.now();
  for (let i = 0; i < tasks; i++)
    await runChild<number>(once, { message: range, timeoutMs: 15_000, stdio: 'ignore' });
  const forkPerTaskMs = performance.now() - t0;

  const pool = new ProcessPool<[number, number], number>({
    file: join(__dirname, 'count-primes-child.ts'),
    size: 1,
  });
  try {
    await pool.ready();
    await pool.run(range);
    t0 = performance.now();
    for (let i = 0; i < tasks; i++) await pool.run(range, { timeoutMs: 15_000 });
    const poolMs = performance.now() - t0;
    return { tasks, forkPerTaskMs, poolMs, ratio: forkPerTaskMs / poolMs };
  } finally {
    await pool.close();
  }
}
