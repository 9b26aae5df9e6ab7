import { describe, expect, it } from 'vitest';
import {
  assertRanInParallel,
  assertRunsInParallel,
  type BusyInterval,
  maxOverlap,
} from '../src/timing/busy-intervals';

const span = (who: number, start: number, end: number): BusyInterval => ({ who, start, end });
const sequential = [span(1, 0, 10), span(2, 10, 20)];
const parallel = [span(1, 0, 10), span(2, 5, 15)];

describe('the structural proof of parallelism', () => {
  it('counts intervals in progress at one instant; touching intervals do not overlap', () => {
    expect(maxOverlap(parallel)).toBe(2);
    expect(maxOverlap(sequential)).toBe(1);
    expect(maxOverlap([span(1, 0, 10), span(2, 1, 9), span(3, 2, 8)])).toBe(3);
    expect(() => maxOverlap([span(7, 5, 4)])).toThrow(/Busy interval of 7 ends before it starts: 5..4/);
  });

  it('fails a sequential run with the message a learner needs', () => {
    expect(() => assertRanInParallel(sequential, 2, 'the two workers')).toThrow(
      /Expected the two workers to run at least 2 at once, but at most 1 were busy.*start the work on several workers before awaiting any/,
    );
    expect(() => assertRanInParallel(parallel, 2, 'the two workers')).not.toThrow();
  });

  it('with retries, passes at the first run that overlaps and stops running there', async () => {
    const runs = [sequential, parallel, sequential];
    let calls = 0;
    await assertRunsInParallel(async () => runs[calls++] ?? [], 2, 'the two workers');
    expect(calls).toBe(2);
  });

  it('with retries, still fails a run that never overlaps, after exactly `tries` runs', async () => {
    let calls = 0;
    const always = async () => {
      calls++;
      return sequential;
    };
    await expect(assertRunsInParallel(always, 2, 'the two workers', 3)).rejects.toThrow(
      /at most 1 were busy/,
    );
    expect(calls).toBe(3);
  });

  it('does not retry an error of the run itself', async () => {
    let calls = 0;
    const broken = async (): Promise<BusyInterval[]> => {
      calls++;
      throw new Error('worker crashed');
    };
    await expect(assertRunsInParallel(broken, 2, 'the two workers')).rejects.toThrow('worker crashed');
    expect(calls).toBe(1);
  });
});
