import { newRunId } from './batch-job';
import { openQueue } from './job-tracker';
import { startQueueWorker } from './start-queue-worker';

export interface ProgressResult {
  /** Progress values the producer heard, in arrival order. */
  progress: number[];
  /** Events for the job, in arrival order: active, progress…, completed. */
  sequence: string[];
  primes: number | undefined;
}

/**
 * Progress events cross processes too: the worker calls `job.updateProgress`, BullMQ appends it to
 * the queue's event stream in Redis, and the producer's QueueEvents hears it, in order, before 'completed'.
 *
 * @example
 * (await progressEvents(redisUrl, { chunks: 4 })).progress; // [25, 50, 75, 100]
 */
export async function progressEvents(
  redisUrl: string,
  {
    chunks = 5,
    timeoutMs = 30_000,
    signal,
  }: { chunks?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ProgressResult> {
  const runId = newRunId('progress');
  const q = await openQueue(redisUrl, runId);
  const worker = await startQueueWorker({ redisUrl, queue: runId, concurrency: 1, signal }).catch(
    async (e) => {
      await q.destroy();
      throw e;
    },
  );
  try {
    const id = `${runId}-job`;
    await q.queue.add('count-primes', { from: 0, to: 50_000, chunks }, { jobId: id });
    await q.finished(id, timeoutMs);
    const mine = q.log.filter((e) => e.jobId === id);
    return {
      progress: mine.filter((e) => e.event === 'progress').map((e) => e.progress ?? Number.NaN),
      sequence: mine.map((e) => e.event),
      primes: q.completed.get(id)?.primes,
    };
  } finally {
    await worker.handle.stop();
    await q.destroy();
  }
}
