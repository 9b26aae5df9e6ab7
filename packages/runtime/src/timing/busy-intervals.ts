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

/**
 * Like `assertRanInParallel`, over up to `tries` fresh runs: passes at the first run whose intervals
 * overlap enough, else throws the last run's error.
 *
 * Why retrying is fair: a sequential solution never overlaps, on any machine, so no number of
 * tries lets one pass. A parallel one can miss on a loaded machine when its second worker starts
 * later than its first one finishes (seen with 500 ms of work per worker while a full test run and
 * a grader run shared two cores); another run forgives the machine, never the code.
 *
 * @example
 * await assertRunsInParallel(async () => (await sumOnWorkers(chunks)).intervals, 2, 'the sum workers');
 */
export async function assertRunsInParallel(
  run: () => Promise<readonly BusyInterval[]>,
  atLeast: number,
  what: string,
  tries = 3,
): Promise<void> {
  let last: unknown;
  for (let attempt = 1; attempt <= tries; attempt++) {
    const intervals = await run(); // an error of the run itself is not retried
    try {
      assertRanInParallel(intervals, atLeast, what);
      return;
    } catch (err) {
      last = err;
    }
  }
  throw last;
}
