import { isAbortError, liveHandles, withTimeout } from '@course/runtime';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aggregateParallel } from '../src/aggregate-parallel';
import { expectNothingLeftRunning } from './helpers/no-leftovers';
import { tempFiles } from './helpers/temp-files';

const files = tempFiles('task-6');
let big = '';

beforeAll(() => {
  big = files.generate({ rows: 1_000_000, seed: 61 }).file;
});
afterAll(() => files.cleanup());
afterEach(expectNothingLeftRunning);

/** The rejection of `promise` (within a budget), or a failure if it resolved. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await withTimeout(
    promise.then(
      () => ({ resolved: true as const }),
      (error: unknown) => ({ resolved: false as const, error }),
    ),
    10_000,
    'aggregateParallel to settle after the abort',
  );
  if (outcome.resolved) throw new Error('aggregateParallel resolved although its signal was aborted');
  return outcome.error;
}

describe('Task 6: Cancel with an AbortSignal', () => {
  it('rejects with an AbortError and leaves no worker running when aborted mid-run', async () => {
    const controller = new AbortController();
    let runningAtAbort = 0;
    const run = aggregateParallel(big, {
      workers: 2,
      signal: controller.signal,
      onWorkersStarted: () => {
        runningAtAbort = liveHandles().length;
        controller.abort(new Error('the user pressed Ctrl-C'));
      },
    });
    const error = await rejectionOf(run);
    expect(isAbortError(error), `expected an AbortError, got ${String(error)}`).toBe(true);
    expect(runningAtAbort, 'workers started through the runtime before the abort').toBe(2);
    expect(liveHandles(), 'no worker may outlive the rejected promise').toEqual([]);
  });

  it('starts no worker when the signal is already aborted', async () => {
    let started = false;
    const error = await rejectionOf(
      aggregateParallel(big, {
        workers: 2,
        signal: AbortSignal.abort(),
        onWorkersStarted: () => (started = true),
      }),
    );
    expect(isAbortError(error), `expected an AbortError, got ${String(error)}`).toBe(true);
    expect(started).toBe(false);
  });

  it('is not disturbed by an abort after it has finished', async () => {
    const controller = new AbortController();
    const result = await aggregateParallel(big, { workers: 2, signal: controller.signal });
    controller.abort();
    expect(result.rows).toBe(1_000_000);
    expect(liveHandles()).toEqual([]);
  });
});
