import { AsyncLocalStorage } from 'node:async_hooks';
import { deferred } from '@course/runtime';

export interface LogLine {
  /** The request that wrote the line (known to the experiment, not to the logger). */
  wroteIt: string;
  /** The request id the logger attributed the line to. */
  loggedAs: string | undefined;
}

export interface ConcurrentOutcome {
  requests: number;
  /** Lines whose id came from AsyncLocalStorage. */
  fromStorage: LogLine[];
  /** Lines whose id came from one module-level "current request" variable: a thread-local on one thread. */
  fromGlobal: LogLine[];
}

const misattributed = (lines: readonly LogLine[]) => lines.filter((l) => l.wroteIt !== l.loggedAs).length;
export const countMisattributed = misattributed;

/**
 * `n` requests run at once on the one JavaScript thread. Each sets its id, awaits a gate, and logs.
 * The gates are opened in reverse order of arrival, so every request resumes after all the others
 * have started: the interleaving is forced, not hoped for.
 *
 * The logger reads the id two ways: from AsyncLocalStorage, and from a shared `current` variable
 * that each request sets when it starts (what a thread-local amounts to when every request shares
 * one thread).
 *
 * @example
 * const r = await concurrentRequests(5);
 * countMisattributed(r.fromStorage); // 0
 * countMisattributed(r.fromGlobal);  // 4: every request but the last one to start is logged as it
 */
export async function concurrentRequests(n: number): Promise<ConcurrentOutcome> {
  const als = new AsyncLocalStorage<string>();
  let current: string | undefined;
  const fromStorage: LogLine[] = [];
  const fromGlobal: LogLine[] = [];
  const gates = Array.from({ length: n }, () => deferred<void>());
  const started = Array.from({ length: n }, () => deferred<void>());

  const handle = (i: number) => {
    const id = `req-${i + 1}`;
    return als.run(id, async () => {
      current = id;
      started[i]!.resolve();
      await gates[i]!.promise;
      fromStorage.push({ wroteIt: id, loggedAs: als.getStore() });
      fromGlobal.push({ wroteIt: id, loggedAs: current });
    });
  };

  const all = Promise.all(gates.map((_, i) => handle(i)));
  await Promise.all(started.map((s) => s.promise));
  for (let i = n - 1; i >= 0; i--) gates[i]!.resolve();
  await all;
  return { requests: n, fromStorage, fromGlobal };
}
