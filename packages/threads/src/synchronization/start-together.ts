import {
  deferred,
  type StartWorkerOptions,
  startWorker,
  type WorkerHandle,
  withTimeout,
} from '@course/runtime';

export interface Started<T> {
  handles: WorkerHandle[];
  /** Each worker's second message (its result, after 'ready'); then the workers are terminated. */
  results(what: string, timeoutMs?: number): Promise<T[]>;
}

/**
 * Start workers that each post 'ready' and then block on `cells[gate]`; open the gate once all are
 * ready, so their loops really overlap (a worker's start-up takes milliseconds: started one by one,
 * a short loop would be over before the next worker began, and no race would show).
 */
export async function startTogether<T>(
  file: string,
  workerData: readonly unknown[],
  cells: Int32Array,
  gate: number,
  options: StartWorkerOptions = {},
): Promise<Started<T>> {
  const handles = workerData.map((data) => startWorker(file, { ...options, workerData: data }));
  const ready = handles.map(() => deferred<void>());
  const done = handles.map(() => deferred<T>());
  handles.forEach((h, i) => {
    let seen = 0;
    // One listener from the start: a result that follows 'ready' quickly cannot be missed.
    h.worker.on('message', (msg: T) => (seen++ === 0 ? ready[i]!.resolve() : done[i]!.resolve(msg)));
    h.worker.once('error', (err) => {
      ready[i]!.reject(err);
      done[i]!.reject(err);
    });
  });
  try {
    await withTimeout(
      Promise.all(ready.map((d) => d.promise)),
      30_000,
      `${handles.length} workers of ${file} to be ready`,
    );
  } catch (err) {
    await Promise.all(handles.map((h) => h.terminate()));
    throw err;
  }
  Atomics.store(cells, gate, 1);
  Atomics.notify(cells, gate);
  return {
    handles,
    results: async (what, timeoutMs = 60_000) => {
      try {
        return await withTimeout(Promise.all(done.map((d) => d.promise)), timeoutMs, what);
      } finally {
        await Promise.all(handles.map((h) => h.terminate()));
      }
    },
  };
}
