import { countPrimes, liveHandles } from '@course/runtime';
import { assertRanInParallel } from '@course/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import {
  catchWorkerError,
  hitHeapLimit,
  measureStartup,
  runCountingWorkers,
  terminateBusyWorker,
} from '../src/basic-threads';
import { daemonDemo } from '../src/basic-threads/daemon-demo';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('the basic-threads lesson', () => {
  it('runs each worker on its own thread and joins them on exit with code 0', async () => {
    const r = await runCountingWorkers(3, 50_000);
    expect(r.isMainThread).toBe(true);
    expect(r.mainThreadId).toBe(0);
    const ids = r.workers.map((w) => w.threadId);
    expect(new Set(ids).size).toBe(3);
    expect(ids).not.toContain(0);
    expect(r.exitCodes).toEqual([0, 0, 0]);
    expect(r.total).toBe(countPrimes(0, 50_000));
  });

  it('runs workers in parallel: their busy intervals overlap', async () => {
    const r = await runCountingWorkers(2, 1_500_000);
    assertRanInParallel(
      r.workers.map((w) => ({ who: w.threadId, start: w.start, end: w.end })),
      2,
      'the counting workers',
    );
    expect(r.allAtOnce).toBe(true);
  });

  it("surfaces an error thrown in a worker in the parent, with the worker's stack", async () => {
    const e = await catchWorkerError();
    expect(e.name).toBe('SyntaxError');
    expect(e.message).toBe('config must be a JSON object, got "not json"');
    expect(e.stack).toMatch(/parseConfig/);
    expect(e.stack).toMatch(/throwing-worker\.ts:3/);
  });

  it('stops a worker stuck in an endless loop with terminate(), exit code 1', async () => {
    const t = await terminateBusyWorker();
    expect(t.exitCode).toBe(1);
  });

  it('lets a process exit while its unref()ed worker still runs, but a normal worker keeps it alive', async () => {
    const d = await daemonDemo(1_000);
    expect(d.unrefExit).toEqual({ code: 0, signal: null });
    expect(d.refStillRunning).toBe(true);
  }, 40_000);

  it('kills a worker that exceeds its resourceLimits heap with ERR_WORKER_OUT_OF_MEMORY, and the parent lives on', async () => {
    const h = await hitHeapLimit();
    expect(h.code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    expect(h.parentStillRuns).toBe(true);
  });

  it('measures the start-up of a real worker', async () => {
    const s = await measureStartup(3);
    expect(s.medianMs).toBeGreaterThan(0);
    expect(s.minMs).toBeLessThanOrEqual(s.medianMs);
  });
});
