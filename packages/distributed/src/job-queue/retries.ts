import { newRunId } from './batch-job';
import { openQueue } from './job-tracker';
import { startQueueWorker } from './start-queue-worker';

export interface RetryResult {
  /** Start times of each attempt of the job that recovers (from the job's own log). */
  attemptStarts: number[];
  /** Gaps between consecutive attempts, ms. */
  gaps: number[];
  delayMs: number;
  recovered: { state: string; attemptsMade: number; primes: number | undefined };
  /** The job that fails every time: it ends in the failed set, with its reason, not silently dropped. */
  exhausted: { state: string; attemptsMade: number; failedReason: string };
}

/**
 * Retries with exponential backoff: one job fails its first two attempts and then succeeds; another
 * fails every attempt and ends, after its last one, in the `failed` set with its reason.
 *
 * @example
 * const r = await retryWithBackoff(redisUrl, { delayMs: 150 });
 * r.gaps; // [≥150, ≥300]: delay × 2^(attempt-1)
 */
export async function retryWithBackoff(
  redisUrl: string,
  {
    delayMs = 150,
    timeoutMs = 30_000,
    signal,
  }: { delayMs?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<RetryResult> {
  const runId = newRunId('retry');
  const q = await openQueue(redisUrl, runId);
  const worker = await startQueueWorker({ redisUrl, queue: runId, concurrency: 2, signal }).catch(
    async (e) => {
      await q.destroy();
      throw e;
    },
  );
  try {
    const flaky = `${runId}-flaky`;
    const broken = `${runId}-broken`;
    await q.queue.add(
      'count-primes',
      { from: 0, to: 1000, failFirstAttempts: 2 },
      { jobId: flaky, attempts: 3, backoff: { type: 'exponential', delay: delayMs } },
    );
    await q.queue.add(
      'count-primes',
      { from: 0, to: 1000, failFirstAttempts: 99 },
      { jobId: broken, attempts: 2, backoff: { type: 'fixed', delay: delayMs } },
    );
    await q.settled([flaky, broken], timeoutMs);

    const { logs } = await q.queue.getJobLogs(flaky);
    const attemptStarts = logs
      .map((line) => Number(/started at (\d+)/.exec(line)?.[1]))
      .filter(Number.isFinite);
    const gaps = attemptStarts.slice(1).map((t, i) => t - (attemptStarts[i] as number));
    const flakyJob = await q.queue.getJob(flaky);
    const brokenJob = await q.queue.getJob(broken);
    return {
      attemptStarts,
      gaps,
      delayMs,
      recovered: {
        state: await q.queue.getJobState(flaky),
        attemptsMade: flakyJob?.attemptsMade ?? 0,
        primes: q.completed.get(flaky)?.primes,
      },
      exhausted: {
        state: await q.queue.getJobState(broken),
        attemptsMade: brokenJob?.attemptsMade ?? 0,
        failedReason: brokenJob?.failedReason ?? '',
      },
    };
  } finally {
    await worker.handle.stop();
    await q.destroy();
  }
}
