import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runChild } from '@course/runtime';

/**
 * Wait `ms`, or stop early when `signal` aborts. The timer is cleared on abort, so a cancelled
 * wait leaves nothing behind to keep the process alive.
 *
 * @example
 * await delay(1_000, AbortSignal.timeout(50)); // rejects with a TimeoutError after 50 ms
 */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal });
}

export interface CancellationResults {
  /** `controller.abort()`: the wait rejects with an `AbortError`. */
  manual: { name: string; afterMs: number };
  /**
   * `AbortSignal.timeout(ms)`: the signal's reason is a `TimeoutError` DOMException. Node's own
   * promise APIs (timers/promises, fs) reject with an `AbortError` whose `cause` is that reason;
   * `fetch` rejects with the reason itself. Check `signal.reason` (or `err.cause`) to tell a timeout
   * from a user's cancel.
   */
  timeout: { name: string; causeName: string; signalReasonName: string; afterMs: number };
  /** `AbortSignal.any`: whichever of several signals fires first. */
  any: { name: string; reason: string };
  /** `abort(reason)`: the reason given is what the signal carries. */
  customReason: string;
  /** Timers keeping the loop alive after all the above that were not there before (should be 0). */
  timersLeft: number;
}

async function caught(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the wait to be aborted, but it completed');
}

/**
 * Cancel long waits three ways and report how each ends.
 *
 * Note: aborting stops the *waiting*; work that ignores the signal (a CPU loop, a library that never
 * looks at it) carries on. Cancellation in JavaScript is cooperative.
 */
export async function cancellation(timeoutMs = 50): Promise<CancellationResults> {
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const timersBefore = timers();
  const controller = new AbortController();
  const t0 = performance.now();
  const wait = delay(10_000, controller.signal);
  setTimeout(() => controller.abort(), 20);
  const manualErr = await caught(wait);
  const manual = { name: manualErr.name, afterMs: performance.now() - t0 };

  const t1 = performance.now();
  const timeoutSignal = AbortSignal.timeout(timeoutMs);
  const timeoutErr = await caught(delay(10_000, timeoutSignal));
  const timeout = {
    name: timeoutErr.name,
    causeName: (timeoutErr.cause as Error | undefined)?.name ?? 'none',
    signalReasonName: (timeoutSignal.reason as Error).name,
    afterMs: performance.now() - t1,
  };

  const user = new AbortController();
  const anySignal = AbortSignal.any([user.signal, AbortSignal.timeout(10_000)]);
  const anyWait = caught(delay(10_000, anySignal));
  user.abort(new Error('user pressed cancel'));
  const anyErr = await anyWait;
  const any = { name: anyErr.name, reason: (anySignal.reason as Error).message };

  const c = new AbortController();
  c.abort(new Error('shutting down'));
  const customReason = (c.signal.reason as Error).message;

  return { manual, timeout, any, customReason, timersLeft: timers() - timersBefore };
}

/**
 * `cancellation()` in a fresh child process, where `timersLeft` is exact: nothing else (a test
 * runner, the menu) has timers there.
 */
export function cancellationInChild(timeoutMs = 50): Promise<CancellationResults> {
  return runChild<CancellationResults>(join(__dirname, 'cancellation-child.ts'), {
    message: timeoutMs,
    timeoutMs: 20_000,
    stdio: 'pipe',
  });
}
