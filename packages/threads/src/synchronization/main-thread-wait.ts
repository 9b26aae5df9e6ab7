import { waitAsync } from './wait-async';

/**
 * Can the main thread wait on a SharedArrayBuffer slot? In browsers `Atomics.wait` on the main
 * thread throws; in Node it is allowed — and it blocks the event loop: no timer, I/O callback or
 * message runs until it returns. Here the only code that would wake the waiter is a timer due in
 * 0 ms on the same thread, so the blocking wait can only time out.
 *
 * @example
 * const r = await blockingWaitOnMain(200); // r.result === 'timed-out', r.events: wait first, timer after
 */
export async function blockingWaitOnMain(budgetMs: number) {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const events: string[] = [];
  const timerFired = new Promise<void>((resolve) =>
    setTimeout(() => {
      events.push('timer fired');
      Atomics.store(cell, 0, 1);
      Atomics.notify(cell, 0);
      resolve();
    }, 0),
  );
  const t0 = performance.now();
  const result = Atomics.wait(cell, 0, 0, budgetMs); // HAZARD: the whole event loop sleeps here
  const ms = performance.now() - t0;
  events.push(`Atomics.wait returned ${result}`);
  await timerFired; // the loop is free again: only now does the overdue timer run
  return { result, events, ms };
}

/**
 * The same wait with `Atomics.waitAsync`: it returns a promise at once, the loop keeps running, the
 * timer fires and its `Atomics.notify` resolves the promise with 'ok'.
 *
 * @example
 * const r = await asyncWaitOnMain(5_000); // r.result === 'ok', r.events: timer first, then the wait
 */
export async function asyncWaitOnMain(budgetMs: number) {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const events: string[] = [];
  setTimeout(() => {
    events.push('timer fired');
    Atomics.store(cell, 0, 1);
    Atomics.notify(cell, 0);
  }, 0);
  const t0 = performance.now();
  const waiting = waitAsync(cell, 0, 0, budgetMs);
  const result = waiting.async ? await waiting.value : waiting.value;
  events.push(`Atomics.waitAsync resolved ${result}`);
  return { result, events, ms: performance.now() - t0 };
}
