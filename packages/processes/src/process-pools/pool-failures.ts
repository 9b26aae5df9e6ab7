import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessPool } from './process-pool';
import type { RiskyTask } from './risky-task';

export interface Outcome {
  task: string;
  outcome: 'value' | 'error';
  detail: string;
}

export interface PoolFailuresResult {
  outcomes: Outcome[];
  /** Children started over the pool's life: the initial ones plus every replacement. */
  started: number;
  size: number;
}

/**
 * Throw the bad cases at a pool at once (a task that throws, one that crashes its child once, one
 * that always crashes, one that hangs) with healthy tasks around them: every task settles, with a
 * value or a clear error, and the pool replaces the children it lost.
 */
export async function poolFailures(timeoutMs = 1_000): Promise<PoolFailuresResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pool-failures-'));
  const size = 2;
  const pool = new ProcessPool<RiskyTask, number>({
    file: join(__dirname, 'risky-task-child.ts'),
    size,
    retries: 1,
    taskTimeoutMs: timeoutMs,
  });
  const tasks: Array<[string, RiskyTask]> = [
    ['ok 1', { kind: 'ok', value: 1 }],
    ['throws', { kind: 'throw', message: 'invalid input' }],
    ['crashes once', { kind: 'crash-once', marker: join(dir, 'first-attempt'), value: 5 }],
    ['always crashes', { kind: 'crash', code: 9 }],
    ['hangs', { kind: 'hang' }],
    ['ok 2', { kind: 'ok', value: 2 }],
  ];
  try {
    const settled = await Promise.allSettled(tasks.map(([, t]) => pool.run(t)));
    const outcomes = settled.map((s, i): Outcome => {
      const task = tasks[i]?.[0] ?? '?';
      return s.status === 'fulfilled'
        ? { task, outcome: 'value', detail: String(s.value) }
        : {
            task,
            outcome: 'error',
            detail: `${(s.reason as Error).name}: ${(s.reason as Error).message.split('\n')[0]}`,
          };
    });
    // A hung child's task is rejected at its budget, before the child is gone; wait for its
    // replacement to be up so the count of started children is complete.
    await pool.ready();
    return { outcomes, started: pool.started, size };
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
