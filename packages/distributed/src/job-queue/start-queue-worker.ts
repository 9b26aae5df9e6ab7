import { join } from 'node:path';
import { type ChildHandle, startChild, withTimeout } from '@course/runtime';
import type { WorkerMessage } from './worker-process';

export interface QueueWorkerOptions {
  redisUrl: string;
  queue: string;
  concurrency?: number;
  lockMs?: number;
  stalledMs?: number;
  rateLimit?: { max: number; durationMs: number };
  name?: string;
  signal?: AbortSignal;
  /** Budget for the process to start and connect. Default 15 s (a cold bundle + Node start on a busy VM). */
  readyTimeoutMs?: number;
}

/** A worker process started by this one, with its IPC messages as awaitable events. */
export interface QueueWorkerProcess {
  handle: ChildHandle;
  /** `host:pid`, as it stamps its results. */
  worker: string;
  messages: WorkerMessage[];
  /** Resolve with the first message (already received or future) that matches, within a budget. */
  waitFor<K extends WorkerMessage['type']>(
    type: K,
    match: (m: Extract<WorkerMessage, { type: K }>) => boolean,
    timeoutMs: number,
  ): Promise<Extract<WorkerMessage, { type: K }>>;
}

/**
 * Fork `job-worker.ts` (through the runtime, the one way to start a child) and wait until it has
 * connected to Redis. On another machine the same file runs with `REDIS_URL=… node`/`ts-node`.
 *
 * @example
 * const w = await startQueueWorker({ redisUrl, queue: 'q', concurrency: 2 });
 * await w.handle.stop(); // SIGTERM: a graceful close
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL: options.redisUrl,
    QUEUE: options.queue,
    CONCURRENCY: String(options.concurrency ?? 2),
    WORKER_NAME: options.name ?? 'worker',
    ...(options.lockMs ? { LOCK_MS: String(options.lockMs) } : {}),
    ...(options.stalledMs ? { STALLED_MS: String(options.stalledMs) } : {}),
    ...(options.rateLimit
      ? { RATE_MAX: String(options.rateLimit.max), RATE_MS: String(options.rateLimit.durationMs) }
      : {}),
  };
  const handle = startChild(join(__dirname, 'job-worker.ts'), {
    env,
    stdio: 'pipe',
    signal: options.signal,
    killGraceMs: 5_000,
  });
  const messages: WorkerMessage[] = [];
  const waiters = new Set<(m: WorkerMessage) => void>();
  handle.child.on('message', (m: WorkerMessage) => {
    messages.push(m);
    for (const w of [...waiters]) w(m);
  });

  const waitFor: QueueWorkerProcess['waitFor'] = (type, match, timeoutMs) => {
    type M = Extract<WorkerMessage, { type: typeof type }>;
    const hit = (m: WorkerMessage): m is M => m.type === type && match(m as M);
    const seen = messages.find(hit);
    if (seen) return Promise.resolve(seen);
    let waiter: ((m: WorkerMessage) => void) | undefined;
    const arrived = new Promise<M>((resolve, reject) => {
      waiter = (m) => {
        if (hit(m)) resolve(m);
      };
      waiters.add(waiter);
      void handle.exited.then(({ code, signal }) =>
        reject(
          new Error(
            `worker ${handle.pid} exited (${signal ?? `code ${code}`}) before '${type}'; stderr: ${handle.stderrTail().trim()}`,
          ),
        ),
      );
    });
    return withTimeout(arrived, timeoutMs, `worker ${handle.pid} message '${type}'`).finally(() => {
      if (waiter) waiters.delete(waiter);
    });
  };

  try {
    const ready = await waitFor('ready', () => true, options.readyTimeoutMs ?? 15_000);
    return { handle, worker: ready.worker, messages, waitFor };
  } catch (error) {
    await handle.stop(500);
    throw error;
  }
}
