import { hostname } from 'node:os';
import { deferred } from '@course/runtime';
import { Worker } from 'bullmq';
import type { BatchJob, BatchResult } from './batch-job';
import { createProcessor } from './processor';
import { parseWorkerConfig, type WorkerConfig } from './worker-config';

/** Messages a worker process sends its parent over IPC (when it has one). */
export type WorkerMessage =
  | { type: 'ready'; worker: string }
  | { type: 'active'; worker: string; jobId: string; attempt: number }
  | { type: 'delivered'; worker: string; jobId: string; result: BatchResult }
  | { type: 'closing'; worker: string };

/**
 * Run one BullMQ worker in this process until SIGTERM/SIGINT, then shut down gracefully:
 * `worker.close()` stops taking jobs and waits for the active ones to finish, then the process exits 0.
 *
 * Works with a parent (the lesson forks it and listens on IPC) or alone on another machine:
 * `REDIS_URL=redis://host:6379 CONCURRENCY=4 pnpm --filter @course/distributed worker`.
 *
 * @example
 * await runQueueWorker(parseWorkerConfig(process.env));
 */
export async function runQueueWorker(config: WorkerConfig): Promise<void> {
  const me = `${hostname()}:${process.pid}`;
  const send = (message: WorkerMessage) => {
    if (process.connected) process.send?.(message);
  };
  const closing = deferred<void>();
  const worker = new Worker<BatchJob, BatchResult>(
    config.queue,
    createProcessor({
      worker: me,
      closing: closing.promise,
      onActive: (jobId, attempt) => send({ type: 'active', worker: me, jobId, attempt }),
      deliver: (jobId, result) => send({ type: 'delivered', worker: me, jobId, result }),
    }),
    {
      connection: config.connection,
      concurrency: config.concurrency,
      lockDuration: config.lockMs,
      stalledInterval: config.stalledMs,
      maxStalledCount: 1,
      ...(config.rateLimit
        ? { limiter: { max: config.rateLimit.max, duration: config.rateLimit.durationMs } }
        : {}),
    },
  );
  // An 'error' without a listener would crash the process; say it and keep going (ioredis reconnects).
  worker.on('error', (error) => console.error(`[${config.name} ${me}] ${error.message}`));

  let closingRequested = false;
  const shutdown = () => {
    if (closingRequested) return;
    closingRequested = true;
    closing.resolve();
    send({ type: 'closing', worker: me });
    // close() without force: finish what is active, take nothing new.
    void worker.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`[${config.name} ${me}] close failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  await worker.waitUntilReady();
  send({ type: 'ready', worker: me });
  if (!process.send)
    console.log(`[${config.name} ${me}] consuming "${config.queue}" with concurrency ${config.concurrency}`);
}

/** The worker entry: configuration from the environment, errors printed for people. */
export function runQueueWorkerFromEnv(): void {
  let config: WorkerConfig;
  try {
    config = parseWorkerConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  runQueueWorker(config).catch((error: Error) => {
    console.error(`worker failed to start: ${error.message}`);
    process.exit(1);
  });
}
