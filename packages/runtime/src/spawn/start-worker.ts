import { relative } from 'node:path';
import { type ResourceLimits, type Transferable, Worker } from 'node:worker_threads';
import { shareSignal } from '../async/shared-signal';
import { abortError, TimeoutError, WorkerExitError } from '../errors';
import { runnableEntry } from './compile-entry';
import { inheritedExecArgv } from './exec-argv';
import { track } from './registry';

export interface StartWorkerOptions {
  /** Cloned into the worker as `workerData` (a SharedArrayBuffer inside it is shared, not copied). */
  workerData?: unknown;
  /** Moved, not copied, into the worker (ArrayBuffers, MessagePorts). */
  transferList?: readonly Transferable[];
  /** Aborting terminates the worker. */
  signal?: AbortSignal;
  resourceLimits?: ResourceLimits;
  /** Shown in `worker.threadName`-style diagnostics and error messages. */
  name?: string;
  /** Extra Node flags for the worker, after the inherited ones. */
  execArgv?: readonly string[];
  /** Pipe the worker's stdout/stderr instead of forwarding them to the parent's. */
  captureOutput?: boolean;
}

export interface WorkerHandle {
  readonly worker: Worker;
  readonly file: string;
  readonly threadId: number;
  /** Resolves with the exit code once the worker has ended, however it ended. Never rejects. */
  readonly exited: Promise<number>;
  /** The first error the worker threw, if it died of one (with the worker's own stack). */
  readonly error: () => Error | undefined;
  /** Ends the worker (idempotent) and resolves with its exit code. */
  terminate(): Promise<number>;
}

/**
 * Start a worker thread from a `.ts` or `.js` file: the one way every lesson, test and exercise does it.
 *
 * The worker is tracked until it exits (see registry.ts), terminated when `signal` aborts, and its
 * start costs about what a plain `.js` worker costs (see compile-entry.ts).
 *
 * @example
 * const w = startWorker(join(__dirname, 'square-worker.ts'), { workerData: 7 });
 * w.worker.once('message', (n) => console.log(n)); // 49
 * await w.exited;
 */
export function startWorker(file: string, options: StartWorkerOptions = {}): WorkerHandle {
  const { signal } = options;
  if (signal?.aborted) throw abortError(`Starting worker ${shortName(file)}`, signal.reason);

  const worker = new Worker(runnableEntry(file), {
    workerData: options.workerData,
    transferList: options.transferList as Transferable[] | undefined,
    resourceLimits: options.resourceLimits,
    execArgv: [...inheritedExecArgv(), ...(options.execArgv ?? [])],
    name: options.name ?? shortName(file),
    stdout: options.captureOutput ?? false,
    stderr: options.captureOutput ?? false,
  });

  let firstError: Error | undefined;
  worker.on('error', (err) => {
    firstError ??= err;
  });

  let untrack: () => void = () => {};
  const exited = new Promise<number>((resolve) => {
    worker.once('exit', (code) => {
      untrack();
      signal?.removeEventListener('abort', onAbort);
      resolve(code);
    });
  });
  const terminate = async () => {
    await worker.terminate();
    return exited;
  };
  const onAbort = () => void terminate();
  shareSignal(signal);
  signal?.addEventListener('abort', onAbort, { once: true });

  untrack = track({
    kind: 'worker',
    file,
    startedAt: Date.now(),
    stop: async () => void (await terminate()),
    killNow: () => void worker.terminate(),
  });

  return { worker, file, threadId: worker.threadId, exited, error: () => firstError, terminate };
}

export interface RunWorkerOptions extends StartWorkerOptions {
  /** Budget for the whole run; on overrun the worker is terminated and the promise rejects. */
  timeoutMs?: number;
}

/**
 * Start a worker, wait for its first message (its result), and make sure it is gone afterwards.
 *
 * Rejects with the worker's own error (its stack points into the worker's file), with a
 * `WorkerExitError` if it exits without answering, with a `TimeoutError` after `timeoutMs`, or with
 * an `AbortError` when `signal` aborts. In every case the worker has been terminated.
 *
 * @example
 * const sum = await runWorker<number>(join(__dirname, 'sum-worker.ts'), { workerData: [1, 2], timeoutMs: 5_000 });
 */
export function runWorker<T>(file: string, options: RunWorkerOptions = {}): Promise<T> {
  const handle = startWorker(file, options);
  const { worker } = handle;
  const name = shortName(file);
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return; // first outcome wins: a message, an error, an exit, a timeout or an abort
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      worker.removeAllListeners('message');
      // The result is in; the worker may still have timers or handles: end it so nothing leaks.
      void handle.terminate().then(fn);
    };
    const onAbort = () => settle(() => reject(abortError(`Worker ${name}`, options.signal?.reason)));
    shareSignal(options.signal);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs !== undefined) {
      const ms = options.timeoutMs;
      timer = setTimeout(
        () => settle(() => reject(new TimeoutError(`Worker ${name} gave no result within ${ms} ms`, ms))),
        ms,
      );
    }
    worker.once('message', (value: T) => settle(() => resolve(value)));
    worker.once('error', (err) => settle(() => reject(err)));
    void handle.exited.then((code) => {
      if (handle.error()) return; // reported by the 'error' listener
      settle(() =>
        reject(new WorkerExitError(`Worker ${name} exited with code ${code} before sending a result`, code)),
      );
    });
  });
}

export function shortName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
