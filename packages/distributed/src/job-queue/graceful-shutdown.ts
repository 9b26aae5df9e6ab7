import type { ExitStatus } from '@course/runtime';
import { newRunId, planBatches } from './batch-job';
import { openQueue } from './job-tracker';
import { type QueueWorkerProcess, startQueueWorker } from './start-queue-worker';

export interface ShutdownResult {
  exit: ExitStatus;
  /** The job that was active when SIGTERM arrived: its state after the worker exited. */
  activeJobState: string;
  /** The worker said 'closing' before it delivered the active job's result. */
  closedWhileActive: boolean;
  /** Jobs still waiting after the first worker exited (it took nothing new once closing). */
  waitingAfterExit: number;
  /** After a second worker drained the queue. */
  completed: number;
  jobs: number;
}

/**
 * Graceful shutdown: SIGTERM makes the worker call `worker.close()`, which stops fetching jobs and
 * waits for the active one to finish before the process exits 0. The rest stay queued for others.
 *
 * @example
 * const r = await gracefulShutdown(redisUrl);
 * r.exit.code === 0 && r.activeJobState === 'completed'; // true
 */
export async function gracefulShutdown(
  redisUrl: string,
  { timeoutMs = 30_000, signal }: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ShutdownResult> {
  const runId = newRunId('shutdown');
  const q = await openQueue(redisUrl, runId);
  const workers: QueueWorkerProcess[] = [];
  try {
    const planned = planBatches(runId, 40_000, 4, { chunks: 4 });
    const busy = planned[0];
    if (!busy) throw new Error('gracefulShutdown needs jobs');
    busy.data.holdUntilClosing = true;
    const ids = planned.map((j) => j.opts.jobId);

    const first = await startQueueWorker({
      redisUrl,
      queue: runId,
      concurrency: 1,
      name: 'stopping',
      signal,
    });
    workers.push(first);
    await q.queue.addBulk(planned);
    await first.waitFor('active', (m) => m.jobId === busy.opts.jobId, timeoutMs);
    // stop() sends SIGTERM and only SIGKILLs after the grace period: a 0 exit proves close() finished.
    const exit = await first.handle.stop(timeoutMs);
    const types = first.messages.map((m) => (m.type === 'delivered' ? `delivered:${m.jobId}` : m.type));
    const closedWhileActive =
      types.indexOf('closing') >= 0 &&
      types.indexOf('closing') < types.indexOf(`delivered:${busy.opts.jobId}`);
    const activeJobState = await q.queue.getJobState(busy.opts.jobId);
    const waitingAfterExit = (await q.queue.getJobCounts('wait')).wait ?? 0;

    const second = await startQueueWorker({
      redisUrl,
      queue: runId,
      concurrency: 2,
      name: 'successor',
      signal,
    });
    workers.push(second);
    await q.settled(ids, timeoutMs);
    return {
      exit,
      activeJobState,
      closedWhileActive,
      waitingAfterExit,
      completed: ids.filter((id) => q.completed.has(id)).length,
      jobs: ids.length,
    };
  } finally {
    await Promise.allSettled(workers.map((w) => w.handle.stop()));
    await q.destroy();
  }
}
