import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  countPrimes,
  isAbortError,
  liveHandles,
  TimeoutError,
  WorkerExitError,
  withTimeout,
} from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { PoolClosedError, QueueFullError, TaskFailedError } from '../src/process-pools/pool-errors';
import { ProcessPool } from '../src/process-pools/process-pool';
import type { RiskyTask } from '../src/process-pools/risky-task';

const src = (name: string) => join(__dirname, '..', 'src', 'process-pools', name);
const primesChild = src('count-primes-child.ts');
const riskyChild = src('risky-task-child.ts');
const pools: Array<ProcessPool<never, unknown>> = [];

function pool<In, Out>(options: ConstructorParameters<typeof ProcessPool<In, Out>>[0]): ProcessPool<In, Out> {
  const p = new ProcessPool<In, Out>(options);
  pools.push(p as unknown as ProcessPool<never, unknown>);
  return p;
}

afterEach(async () => {
  await withTimeout(Promise.all(pools.splice(0).map((p) => p.close())), 10_000, 'pools close');
  expect(liveHandles()).toHaveLength(0);
});

describe('ProcessPool', () => {
  it('runs the same pure task in child processes and returns results in input order', async () => {
    const p = pool<[number, number], number>({ file: primesChild, size: 2 });
    const ranges: Array<[number, number]> = [
      [0, 1000],
      [1000, 5000],
      [5000, 20000],
      [0, 10],
      [20000, 30000],
    ];
    expect(await p.map(ranges)).toEqual(ranges.map(([a, b]) => countPrimes(a, b)));
    expect(p.pids).toHaveLength(2);
    expect(p.pids).not.toContain(process.pid);
  });

  it('keeps at most `size` children however many tasks are queued', async () => {
    const p = pool<[number, number], number>({ file: primesChild, size: 2 });
    const all = p.map(Array.from({ length: 20 }, (_, i): [number, number] => [i * 100, i * 100 + 100]));
    expect(p.queued).toBeGreaterThan(0);
    await all;
    expect(p.started).toBe(2);
  });

  it('yields results as they complete, each with its index', async () => {
    const p = pool<RiskyTask, number>({ file: riskyChild, size: 2 });
    const seen: Array<[number, number]> = [];
    for await (const r of p.completed([1, 2, 3, 4].map((value): RiskyTask => ({ kind: 'ok', value }))))
      seen.push([r.index, r.value]);
    expect(seen.sort((a, b) => a[0] - b[0])).toEqual([
      [0, 2],
      [1, 4],
      [2, 6],
      [3, 8],
    ]);
  });

  it('rejects a task whose function throws with the child error, and the child keeps serving', async () => {
    const p = pool<RiskyTask, number>({ file: riskyChild, size: 1 });
    const err = await p.run({ kind: 'throw', message: 'bad input 42' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(TaskFailedError);
    expect((err as Error).message).toMatch(/Error: bad input 42 \(thrown by the task in child \d+\)/);
    expect(await p.run({ kind: 'ok', value: 5 })).toBe(10);
    expect(p.started).toBe(1);
  });

  it('retries a task whose child crashed on a fresh child, and the retry succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-'));
    try {
      const p = pool<RiskyTask, number>({ file: riskyChild, size: 1, retries: 1 });
      expect(await p.run({ kind: 'crash-once', marker: join(dir, 'first-try'), value: 21 })).toBe(42);
      expect(p.started).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails a task that crashes every child with a clear error once retries are used up, and replaces the child', async () => {
    const p = pool<RiskyTask, number>({ file: riskyChild, size: 1, retries: 1 });
    const err = await p.run({ kind: 'crash', code: 7 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(WorkerExitError);
    expect((err as WorkerExitError).exitCode).toBe(7);
    expect((err as Error).message).toMatch(
      /risky-task-child\.ts\): child \d+ exited \(code 7\) while running task #1, attempt 2 of 2/,
    );
    expect(await p.run({ kind: 'ok', value: 1 })).toBe(2);
    expect(p.started).toBe(3);
  });

  it('kills a hung child at the task budget, rejects with a TimeoutError, and keeps serving other tasks', async () => {
    const p = pool<RiskyTask, number>({ file: riskyChild, size: 2, taskTimeoutMs: 300 });
    await p.ready();
    const [hung, ...rest] = await Promise.allSettled([
      p.run({ kind: 'hang' }),
      ...[1, 2, 3].map((value) => p.run({ kind: 'ok', value })),
    ]);
    expect(hung?.status).toBe('rejected');
    const reason = (hung as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(TimeoutError);
    expect(reason.message).toMatch(/task #1 took longer than 300 ms; child \d+ was killed and replaced/);
    expect(rest.map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([2, 4, 6]);
    expect(await p.run({ kind: 'ok', value: 4 })).toBe(8);
  });

  it('takes an aborted task off the queue, and kills the child of an aborted running task', async () => {
    const p = pool<RiskyTask, number>({ file: riskyChild, size: 1 });
    await p.ready();
    const running = new AbortController();
    const queued = new AbortController();
    const a = p.run({ kind: 'hang' }, { signal: running.signal });
    const b = p.run({ kind: 'ok', value: 1 }, { signal: queued.signal });
    queued.abort();
    expect(isAbortError(await b.catch((e: Error) => e))).toBe(true);
    running.abort();
    expect(isAbortError(await a.catch((e: Error) => e))).toBe(true);
    expect(await p.run({ kind: 'ok', value: 3 })).toBe(6);
    expect(p.started).toBe(2);
  });

  it('close() finishes every queued task, then ends the children, and refuses new work', async () => {
    const p = pool<[number, number], number>({ file: primesChild, size: 2 });
    const results = p.map(Array.from({ length: 10 }, (_, i): [number, number] => [0, 1000 * (i + 1)]));
    const closed = p.close();
    await expect(p.run([0, 10])).rejects.toBeInstanceOf(PoolClosedError);
    await closed;
    expect(await results).toEqual(Array.from({ length: 10 }, (_, i) => countPrimes(0, 1000 * (i + 1))));
    expect(liveHandles()).toHaveLength(0);
    await p.close();
  });

  it('rejects with QueueFullError beyond maxQueue instead of growing without bound', async () => {
    const p = pool<RiskyTask, number>({ file: riskyChild, size: 1, maxQueue: 1 });
    await p.ready();
    const first = p.run({ kind: 'ok', value: 1 });
    const second = p.run({ kind: 'ok', value: 2 });
    await expect(p.run({ kind: 'ok', value: 3 })).rejects.toBeInstanceOf(QueueFullError);
    expect(await Promise.all([first, second])).toEqual([2, 4]);
  });

  it('gives up with a clear error when its children crash before reporting ready', async () => {
    const p = pool<number, number>({ file: join(__dirname, 'fixtures', 'broken-pool-child.ts'), size: 1 });
    const err = await p.run(1).catch((e: Error) => e);
    expect(err).toBeInstanceOf(WorkerExitError);
    expect((err as Error).message).toMatch(
      /3 children in a row ended \(code 1\) before reporting ready; does the entry call serveTasks\(\)\?/,
    );
    expect((err as Error).message).toMatch(/this entry is broken/);
    await expect(p.ready()).rejects.toBe(err);
  });

  it('kills children that never report ready within the start budget, then gives up', async () => {
    const p = pool<number, number>({
      file: join(__dirname, 'fixtures', 'silent-pool-child.ts'),
      size: 1,
      startTimeoutMs: 300,
    });
    const err = await p.run(1).catch((e: Error) => e);
    expect((err as Error).message).toMatch(
      /3 children in a row ended \(signal SIGKILL\) before reporting ready/,
    );
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => new ProcessPool({ file: primesChild, size: 0 })).toThrow(
      /size must be a whole number >= 1, got 0/,
    );
    expect(() => new ProcessPool({ file: primesChild, retries: -1 })).toThrow(
      /retries must be a whole number >= 0, got -1/,
    );
  });
});
