import { liveHandles } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { compareIoBound, shares } from '../src/io-bound/compare';

afterEach(() => expect(liveHandles()).toHaveLength(0));

describe('comparisons/io-bound', () => {
  it('bounded async is several times faster than sequential on the same I/O job (>= 3x; ideal 8x)', async () => {
    const c = await compareIoBound({
      requests: 32,
      latencyMs: 50,
      files: 16,
      fileBytes: 32 * 1024,
      concurrency: 8,
    });
    const [sequential, async, threads, processes] = c.runs;
    // Every runner did the same work: same bytes from the same requests and files.
    expect(new Set(c.runs.map((r) => r.bytes)).size).toBe(1);
    expect(sequential!.maxInFlight).toBe(1);
    expect(async!.maxInFlight).toBe(8);
    expect(sequential!.wallMs / async!.wallMs).toBeGreaterThanOrEqual(3);
    // Threads and processes are no faster than async here: they wait just the same, plus start-up.
    expect(threads!.wallMs).toBeGreaterThan(async!.wallMs * 0.8);
    expect(processes!.wallMs).toBeGreaterThan(async!.wallMs * 0.8);
  }, 120_000);
});

describe('shares', () => {
  it('deals items round-robin so every share gets a mix, and drops empty shares', () => {
    expect(shares([1, 2, 3, 4, 5], 2)).toEqual([
      [1, 3, 5],
      [2, 4],
    ]);
    expect(shares([1], 3)).toEqual([[1]]);
  });
});
