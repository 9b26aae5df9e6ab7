import { type BusyInterval, countPrimes, sharedNow } from '@course/runtime';

/** One chunk's answer: the count, and when and where it was computed (to prove overlap). */
export interface TimedCount {
  count: number;
  interval: BusyInterval;
}

/**
 * The pure task, timed on a clock every thread and process shares. `who` says which thread/process
 * ran it, so a test can show that two of them were busy at the same instant.
 */
export function timedCountPrimes([from, to]: readonly [number, number], who: string | number): TimedCount {
  const start = sharedNow();
  const count = countPrimes(from, to);
  return { count, interval: { who, start, end: sharedNow() } };
}
