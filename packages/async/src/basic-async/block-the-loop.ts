import { readFile } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Busy-wait on the main thread for `ms`: nothing else in this process's event loop can run. */
export function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spinning: the hazard this lesson is about
  }
}

export interface BlockedLoop {
  blockMs: number;
  /** When the CPU loop ended (performance.now()). */
  blockEndedAt: number;
  /** A 10 ms timer started just before the block: when it fired, and how late. */
  timerFiredAt: number;
  timerLateByMs: number;
  /** A file read started just before the block: when its callback ran. */
  ioDoneAt: number;
  /** The worst event-loop delay `monitorEventLoopDelay` saw during the experiment, in ms. */
  maxDelayMs: number;
  p50DelayMs: number;
}

/**
 * Start a 10 ms timer and a file read, then hog the main thread for `blockMs`. Neither callback can
 * run until the loop is free again: JavaScript on one thread never preempts itself.
 *
 * @example
 * const r = await blockTheLoop(200);
 * r.timerFiredAt >= r.blockEndedAt; // always
 */
export async function blockTheLoop(blockMs: number): Promise<BlockedLoop> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // Let the histogram's own timer take a few healthy samples first.
  await new Promise((r) => setTimeout(r, 30));
  const t0 = performance.now();
  const timer = new Promise<number>((r) => setTimeout(() => r(performance.now()), 10));
  const io = new Promise<number>((resolve, reject) =>
    readFile(__filename, (e) => (e ? reject(e) : resolve(performance.now()))),
  );
  busyWait(blockMs);
  const blockEndedAt = performance.now();
  const [timerFiredAt, ioDoneAt] = await Promise.all([timer, io]);
  await new Promise((r) => setTimeout(r, 20));
  histogram.disable();
  return {
    blockMs,
    blockEndedAt,
    timerFiredAt,
    timerLateByMs: timerFiredAt - t0 - 10,
    ioDoneAt,
    maxDelayMs: histogram.max / 1e6,
    p50DelayMs: histogram.percentile(50) / 1e6,
  };
}

/** The same observation window without the block, for comparison. */
export async function idleLoopDelay(windowMs: number): Promise<{ maxDelayMs: number; p50DelayMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await new Promise((r) => setTimeout(r, windowMs));
  histogram.disable();
  return { maxDelayMs: histogram.max / 1e6, p50DelayMs: histogram.percentile(50) / 1e6 };
}

/**
 * The fix for long CPU work on the main thread (short of moving it to a worker): cut it into slices
 * and yield to the loop between them with `setImmediate`, so timers and I/O get turns.
 */
export async function sliceTheWork(
  totalMs: number,
  sliceMs: number,
): Promise<{ startedAt: number; timerFiredAt: number; workEndedAt: number; slices: number }> {
  const startedAt = performance.now();
  const timer = new Promise<number>((r) => setTimeout(() => r(performance.now()), 10));
  let slices = 0;
  for (let done = 0; done < totalMs; done += sliceMs) {
    busyWait(sliceMs);
    slices++;
    await new Promise((r) => setImmediate(r));
  }
  const workEndedAt = performance.now();
  return { startedAt, timerFiredAt: await timer, workEndedAt, slices };
}
