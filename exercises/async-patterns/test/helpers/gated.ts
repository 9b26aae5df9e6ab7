import { type Deferred, deferred } from '@course/runtime';

/** Let every queued promise callback run: all microtasks (and nextTicks) go before one setImmediate. */
export const settle = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `n` tasks that record when they start and finish only when the test opens their gate: the test,
 * not the machine's timing, decides which task ends when.
 */
export function gatedTasks<T = number>(n: number) {
  const gates: Deferred<T>[] = Array.from({ length: n }, () => deferred<T>());
  const started: number[] = [];
  let running = 0;
  let mostRunning = 0;
  const task = (i: number) => async (): Promise<T> => {
    started.push(i);
    running++;
    mostRunning = Math.max(mostRunning, running);
    try {
      return await gates[i]!.promise;
    } finally {
      running--;
    }
  };
  return { gates, started, task, mostRunning: () => mostRunning };
}

/** Whether `promise` has settled by now (after the pending callbacks ran), and how. */
export async function stateOf(promise: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => {
      state = 'resolved';
    },
    () => {
      state = 'rejected';
    },
  );
  await settle();
  return state;
}

/**
 * Mark `promise` as handled now (a test awaits it later): a rejection that happens before then is not
 * an "unhandled rejection" but the test's failure, reported by `throwIfRejected` or the later await.
 */
export function observed<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** Fail with the promise's own error if it has already rejected (e.g. "Not implemented yet"). */
export async function throwIfRejected(promise: Promise<unknown>): Promise<void> {
  if ((await stateOf(promise)) === 'rejected') await promise;
}
