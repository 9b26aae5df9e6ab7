import { join } from 'node:path';
import {
  countPrimes,
  isAbortError,
  liveHandles,
  splitRange,
  TimeoutError,
  WorkerExitError,
  withTimeout,
} from '@course/runtime';
import { assertRanInParallel, type BusyInterval, maxOverlap } from '@course/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { compareWorkerPerTaskWithPool, poolCountsPrimes } from '../src/worker-pool';
import { COUNT_PRIMES_WORKER, ECHO_WORKER } from '../src/worker-pool/task-workers';
import { ThreadPool } from '../src/worker-pool/thread-pool';

const MISBEHAVING = join(__dirname, 'fixtures', 'misbehaving-worker.ts');
const BUSY_PRIMES = join(__dirname, 'fixtures', 'busy-primes-worker.ts');

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('ThreadPool', () => {
  it('runs queued tasks on a fixed number of workers and returns each result to its caller', async () => {
    const pool = new ThreadPool<[number, number], number>(COUNT_PRIMES_WORKER, { size: 2 });
    const ranges: Array<[number, number]> = [
      [0, 100],
      [100, 1000],
      [1000, 5000],
      [0, 10],
      [5000, 20_000],
    ];
    const counts = await Promise.all(ranges.map((r) => pool.run(r, { timeoutMs: 20_000 })));
    expect(counts).toEqual(ranges.map(([a, b]) => countPrimes(a, b)));
    expect(liveHandles()).toHaveLength(2);
    await pool.close();
  });

  it('rejects a task whose function throws with that error, and keeps the worker serving', async () => {
    const pool = new ThreadPool<string, string>(MISBEHAVING, { size: 1 });
    const err = await pool.run('throw').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('RangeError');
    expect((err as Error).message).toBe('bad input from the task');
    const threadsBefore = liveHandles().map((h) => h.startedAt);
    await expect(pool.run('next')).resolves.toBe('done:next');
    expect(liveHandles().map((h) => h.startedAt)).toEqual(threadsBefore);
    await pool.close();
  });

  it("fails the task of a crashed worker with the worker's error and replaces the worker", async () => {
    const pool = new ThreadPool<string, string>(MISBEHAVING, { size: 1 });
    const err = await pool.run('crash', { timeoutMs: 20_000 }).catch((e: Error) => e);
    expect((err as Error).message).toBe('worker crashed outside any task');
    expect((err as Error).stack).toMatch(/misbehaving-worker\.ts/);
    await expect(pool.run('after-crash', { timeoutMs: 20_000 })).resolves.toBe('done:after-crash');
    const exited = await pool.run('exit', { timeoutMs: 20_000 }).catch((e: Error) => e);
    expect(exited).toBeInstanceOf(WorkerExitError);
    expect((exited as WorkerExitError).exitCode).toBe(7);
    await expect(pool.run('after-exit', { timeoutMs: 20_000 })).resolves.toBe('done:after-exit');
    await pool.close();
  });

  it('terminates and replaces a stuck worker when its task overruns timeoutMs, and the task rejects with a TimeoutError', async () => {
    const pool = new ThreadPool<string, string>(MISBEHAVING, { size: 1 });
    const err = await pool.run('hang', { timeoutMs: 300 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(
      /Task \d+ on ThreadPool\(misbehaving-worker\.ts\) took longer than 300 ms/,
    );
    await expect(pool.run('after-hang', { timeoutMs: 20_000 })).resolves.toBe('done:after-hang');
    await pool.close();
  });

  it('aborts a running task by replacing its worker, and a queued task by taking it off the queue', async () => {
    const pool = new ThreadPool<string, string>(MISBEHAVING, { size: 1 });
    const running = new AbortController();
    const queued = new AbortController();
    const hang = pool.run('hang', { signal: running.signal });
    const waiting = pool.run('never-runs', { signal: queued.signal });
    queued.abort(new Error('no longer needed'));
    await expect(waiting).rejects.toThrow(/no longer needed/);
    running.abort(new Error('user pressed stop'));
    const err = await hang.catch((e: Error) => e);
    expect(isAbortError(err)).toBe(true);
    expect((err as Error).message).toMatch(/user pressed stop/);
    await expect(pool.run('after-abort', { timeoutMs: 20_000 })).resolves.toBe('done:after-abort');
    await expect(pool.run('x', { signal: AbortSignal.abort() })).rejects.toThrow(/aborted/);
    await pool.close();
  });

  it('drains the queued tasks on close(), then ends every worker and refuses new tasks', async () => {
    const pool = new ThreadPool<number, number>(ECHO_WORKER, { size: 2 });
    const results = Array.from({ length: 20 }, (_, i) => pool.run(i));
    const closed = pool.close();
    expect(pool.close()).toBe(closed);
    await expect(pool.run(99)).rejects.toThrow(/is closed: run\(\) was called after close\(\)/);
    await withTimeout(closed, 20_000, 'pool close');
    expect(await Promise.all(results)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(liveHandles()).toHaveLength(0);
  });

  it('refuses a size that is not a whole number of workers', () => {
    expect(() => new ThreadPool(ECHO_WORKER, { size: 0 })).toThrow(/size must be a whole number >= 1, got 0/);
  });

  it('runs tasks on its workers in parallel, never more at once than it has workers', async () => {
    const pool = new ThreadPool<[number, number], { result: number; interval: BusyInterval }>(BUSY_PRIMES, {
      size: 2,
    });
    const ranges = splitRange(0, 600_000, 6);
    const done = await Promise.all(ranges.map((r) => pool.run(r, { timeoutMs: 20_000 })));
    await pool.close();
    expect(done.map((d) => d.result)).toEqual(ranges.map(([a, b]) => countPrimes(a, b)));
    assertRanInParallel(
      done.map((d) => d.interval),
      2,
      'the pool workers',
    );
    expect(maxOverlap(done.map((d) => d.interval))).toBe(2);
  });
});

describe('the worker-pool lesson', () => {
  it('finds a worker per tiny task at least 10x slower per task than the pool (the bench shows >= 100x)', async () => {
    const r = await compareWorkerPerTaskWithPool({ tasks: 20 });
    expect(r.poolPerTaskMs).toBeGreaterThan(0);
    expect(r.workerPerTaskMs / r.poolPerTaskMs).toBeGreaterThanOrEqual(10);
  });

  it('counts primes with the pool exactly as the sequential function does', async () => {
    const r = await poolCountsPrimes({ size: 2, to: 200_000, chunks: 8 });
    expect(r.total).toBe(countPrimes(0, 200_000));
  });
});
