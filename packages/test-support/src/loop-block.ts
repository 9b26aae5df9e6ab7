import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach } from 'vitest';

/**
 * An event-loop-block detector: how late the event loop ran its timers while the code under test
 * ran. A synchronous loop (a busy-wait, a big JSON.parse, a CPU-bound function on the main thread)
 * stalls every timer, socket and promise callback of the process for as long as it runs.
 *
 * Limits: it sees a block after the block ends (the detector lives on the same loop). A loop blocked
 * forever is caught by the grader's per-test budget instead, which kills the process tree.
 */

/** What one watch saw, in milliseconds. */
export interface LoopDelay {
  /** The longest the event loop was late, roughly the longest synchronous stretch. */
  maxMs: number;
  meanMs: number;
  p99Ms: number;
}

/** A running watch. */
export interface LoopWatch {
  /**
   * End it now and return what it saw. Warning: a block that ended in this same event-loop turn is
   * not seen yet (the late timer has not fired); use `finish()` when the code just returned.
   */
  stop(): LoopDelay;
  /** Give the loop one more turn (so a block that just ended is measured), then stop. */
  finish(): Promise<LoopDelay>;
}

/** One turn of the event loop that includes a timer phase a little after the sampling interval. */
function timerTurn(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Start watching the event loop's delay (sampling every `resolutionMs`, default 10).
 *
 * @example
 * const watch = watchEventLoop();
 * await handleManyRequests();
 * expect(watch.stop().maxMs).toBeLessThan(100);
 */
export function watchEventLoop(resolutionMs = 10): LoopWatch {
  const h: IntervalHistogram = monitorEventLoopDelay({ resolution: resolutionMs });
  h.enable();
  const watch: LoopWatch = {
    async finish() {
      await timerTurn(resolutionMs + 2);
      return watch.stop();
    },
    stop() {
      h.disable();
      // The histogram is in nanoseconds; it is empty (NaN mean) if no sample was taken.
      const toMs = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
      const seen = { maxMs: toMs(h.max), meanMs: toMs(h.mean), p99Ms: toMs(h.percentile(99)) };
      h.reset();
      return seen;
    },
  };
  return watch;
}

/** The verdict for one watch: a learner-readable message when the loop was blocked over budget, else ''. */
export function loopBlockMessage(seen: LoopDelay, budgetMs: number, what = 'the code under test'): string {
  if (seen.maxMs <= budgetMs) return '';
  return (
    `The event loop was blocked for ${seen.maxMs.toFixed(0)} ms while ${what} ran (budget ${budgetMs} ms). ` +
    'Something ran synchronously for that long on the main thread: move CPU-bound work to a worker, ' +
    'and never wait in a loop (a busy-wait) for something to happen.'
  );
}

/**
 * Run `fn` and fail if it blocked the event loop longer than `budgetMs` at a stretch.
 *
 * @example
 * const result = await expectLoopResponsive(() => solve(input), 50, 'solve()');
 */
export async function expectLoopResponsive<T>(
  fn: () => Promise<T> | T,
  budgetMs: number,
  what?: string,
): Promise<T> {
  const watch = watchEventLoop();
  // The histogram measures lateness from its previous sample: let it take one before fn runs, or a
  // block at the very start of fn goes unseen.
  await timerTurn(12);
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    // Stop even when fn throws, so no histogram timer outlives the call.
    watch.stop();
    throw err;
  }
  const message = loopBlockMessage(await watch.finish(), budgetMs, what);
  if (message) throw new Error(message);
  return result;
}

/**
 * Fail every test of the enclosing `describe` that blocks the event loop longer than `budgetMs`.
 *
 * @example
 * describe('Task 3: keep the server responsive', () => {
 *   expectNoLoopBlock(100);
 *   it('answers /health while hashing', async () => { ... });
 * });
 */
export function expectNoLoopBlock(budgetMs: number): void {
  let watch: LoopWatch | undefined;
  beforeEach(async () => {
    watch = watchEventLoop();
    await timerTurn(12); // a first sample, so a block at the start of the test is measured
  });
  afterEach(async (ctx) => {
    const seen = await watch?.finish();
    watch = undefined;
    const message = seen ? loopBlockMessage(seen, budgetMs, `"${ctx.task.name}"`) : '';
    if (message) throw new Error(message);
  });
}
