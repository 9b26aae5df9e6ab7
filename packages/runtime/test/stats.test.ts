import { describe, expect, it } from 'vitest';
import { measure, measureRepeated, ratio, summarize } from '../src';

describe('summarize', () => {
  it('report min, median, max, mean and relative spread of samples', () => {
    expect(summarize([5, 1, 3])).toEqual({ n: 3, min: 1, median: 3, max: 5, mean: 3, spread: 4 / 3 });
  });

  it('take the middle two for the median of an even count', () => {
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('refuse an empty list with a clear error', () => {
    expect(() => summarize([])).toThrow(/at least one sample/);
  });

  it('give an infinite ratio for a zero baseline instead of dividing by zero silently', () => {
    expect(ratio(3, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(ratio(6, 3)).toBe(2);
  });
});

describe('measure', () => {
  it('report CPU time beside wall time: a busy loop keeps one core busy for about its whole wall time', async () => {
    const m = await measure(() => {
      const end = Date.now() + 60;
      let x = 0;
      while (Date.now() < end) x++;
      return x;
    });
    expect(m.wallMs).toBeGreaterThanOrEqual(59);
    expect(m.cpuMs).toBeGreaterThan(0);
    expect(m.result).toBeGreaterThan(0);
    // CPU time cannot exceed wall time by much on one thread; it may be lower on a busy host.
    expect(m.parallelism).toBeLessThan(1.5);
  });

  it('report an idle wait as wall time with little CPU time', async () => {
    const m = await measure(() => new Promise((r) => setTimeout(r, 50)));
    expect(m.wallMs).toBeGreaterThanOrEqual(45);
    expect(m.cpuMs).toBeLessThan(m.wallMs);
  });

  it('repeat after a warm-up and summarize every sample', async () => {
    let calls = 0;
    const r = await measureRepeated(() => calls++, { warmup: 2, repetitions: 4 });
    expect(calls).toBe(6);
    expect(r.samples).toHaveLength(4);
    expect(r.wall.n).toBe(4);
    await expect(measureRepeated(() => 0, { repetitions: 0 })).rejects.toThrow(/at least 1/);
  });
});
