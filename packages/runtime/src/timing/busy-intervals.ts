import { performance } from 'node:perf_hooks';

/**
 * Structural proof of parallelism: each worker/process records when it was busy, on a clock shared
 * by every thread and process of the machine, and a test checks that the intervals overlapped.
 *
 * Why not CPU time / wall time: on a shared 2-core VM the ratio moves with the neighbours' load, so a
 * correct parallel solution could fail. Two busy intervals that overlap cannot happen sequentially.
 */
export interface BusyInterval {
  /** Who was busy: a thread id, pid or any label. */
  who: string | number;
  start: number;
  end: number;
}

/** Milliseconds on a clock comparable across threads and processes (epoch-based, sub-ms resolution). */
export function sharedNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Run `fn` and return it with the interval it was busy, for one worker to report back. */
export function recordBusy<T>(who: string | number, fn: () => T): { result: T; interval: BusyInterval } {
  const start = sharedNow();
  const result = fn();
  return { result, interval: { who, start, end: sharedNow() } };
}

/** The largest number of intervals (from distinct `who`s) in progress at one instant. */
export function maxOverlap(intervals: readonly BusyInterval[]): number {
  const events: Array<[time: number, delta: number]> = [];
  for (const i of intervals) {
    if (!(i.end >= i.start))
      throw new Error(`Busy interval of ${i.who} ends before it starts: ${i.start}..${i.end}`);
    events.push([i.start, +1], [i.end, -1]);
  }
  // Ends sort before starts at the same instant: touching intervals are not overlapping.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let max = 0;
  for (const [, d] of events) {
    now += d;
    max = Math.max(max, now);
  }
  return max;
}

/**
 * Fail with a message a learner understands unless at least `atLeast` of the intervals overlapped.
 *
 * @example
 * assertRanInParallel(results.map((r) => r.interval), 2, 'the chunk workers');
 */
export function assertRanInParallel(intervals: readonly BusyInterval[], atLeast: number, what: string): void {
  const who = new Set(intervals.map((i) => i.who));
  const overlap = maxOverlap(intervals);
  if (who.size < atLeast || overlap < atLeast) {
    throw new Error(
      `Expected ${what} to run at least ${atLeast} at once, but at most ${overlap} were busy at the same time ` +
        `(${who.size} distinct worker(s) reported ${intervals.length} busy interval(s)). ` +
        'This is what a sequential solution looks like: start the work on several workers before awaiting any of them.',
    );
  }
}
