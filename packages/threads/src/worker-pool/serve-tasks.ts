import { isMainThread, parentPort } from 'node:worker_threads';

/** What the pool sends a worker, and what the worker answers. */
export interface TaskMessage<In> {
  id: number;
  input: In;
}
export type ResultMessage<Out> =
  | { id: number; ok: true; value: Out }
  | { id: number; ok: false; error: unknown };

/**
 * The worker side of `ThreadPool`: answer every task message with `fn(input)` or with the error it
 * threw. The worker stays alive between tasks — that is the whole point of a pool (start-up is paid
 * once, not per task).
 *
 * A thrown error is sent back by structured clone (name, message and stack survive) and the worker
 * keeps serving; only an error outside a task (or `process.exit`) kills the worker, and the pool then
 * replaces it.
 *
 * @example
 * // count-primes-worker.ts
 * serveTasks(([from, to]: [number, number]) => countPrimes(from, to));
 */
export function serveTasks<In, Out>(fn: (input: In) => Out | Promise<Out>): void {
  if (isMainThread || !parentPort) {
    throw new Error('serveTasks() must run inside a worker started by ThreadPool, not on the main thread');
  }
  const port = parentPort;
  port.on('message', async ({ id, input }: TaskMessage<In>) => {
    let reply: ResultMessage<Out>;
    try {
      reply = { id, ok: true, value: await fn(input) };
    } catch (error) {
      reply = { id, ok: false, error };
    }
    try {
      port.postMessage(reply);
    } catch (cloneError) {
      // A result (or error) that cannot be cloned must still settle the task, never leave it hanging.
      port.postMessage({
        id,
        ok: false,
        error: new Error(`Task ${id}: its result could not be sent back: ${(cloneError as Error).message}`),
      });
    }
  });
}
