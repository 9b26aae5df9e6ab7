import { newRunId, planBatches } from './batch-job';
import { openQueue } from './job-tracker';
import { type QueueWorkerProcess, startQueueWorker } from './start-queue-worker';

export interface RateLimitResult {
  max: number;
  durationMs: number;
  jobs: number;
  workers: number;
  /** When each job's processor started, ms after the limiter's first window opened (at the latest). */
  startOffsets: number[];
  /** From the window opening to the last job's start. */
  spanMs: number;
  /** Jobs that started within one duration of the window opening: all admitted in the first window. */
  inFirstWindow: number;
  /** The least the span can be if no more than `max` jobs start per window: (⌈jobs/max⌉ − 1) × duration. */
  minSpanMs: number;
  completed: number;
}

/**
 * A rate limit held across worker processes: BullMQ keeps the limiter's counter in Redis, so two
 * processes with concurrency 4 each still start at most `max` jobs per `durationMs` between them.
 *
 * @example
 * const r = await rateLimited(redisUrl, { max: 4, durationMs: 300, jobs: 12 });
 * r.spanMs >= r.minSpanMs; // true
 */
export async function rateLimited(
  redisUrl: string,
  {
    max = 4,
    durationMs = 300,
    jobs = 12,
    workers = 2,
    timeoutMs = 30_000,
    signal,
  }: {
    max?: number;
    durationMs?: number;
    jobs?: number;
    workers?: number;
    timeoutMs?: number;
    signal?: AbortSignal;
  } = {},
): Promise<RateLimitResult> {
  const runId = newRunId('rate');
  const q = await openQueue(redisUrl, runId);
  const started: QueueWorkerProcess[] = [];
  try {
    const all = await Promise.allSettled(
      Array.from({ length: workers }, (_, i) =>
        startQueueWorker({
          redisUrl,
          queue: runId,
          concurrency: 4,
          rateLimit: { max, durationMs },
          name: `limited-${i + 1}`,
          signal,
        }),
      ),
    );
    for (const s of all) if (s.status === 'fulfilled') started.push(s.value);
    const failed = all.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;

    const planned = planBatches(runId, jobs * 100, jobs);
    const ids = planned.map((j) => j.opts.jobId);
    await q.queue.addBulk(planned);
    await q.settled(ids, timeoutMs);
    // Two clocks that bracket the moment BullMQ admitted a job (INCR on the limiter key, whose
    // first increment starts the window): a worker stamps `processedOn` with Date.now() *before*
    // sending the admitting script, and the processor starts *after* it. So the earliest
    // processedOn is at or before the window opened, and a job that started less than one duration
    // after it was admitted in the first window, however slow the machine is.
    let windowOpen = Number.POSITIVE_INFINITY;
    const starts: number[] = [];
    for (const id of ids) {
      const job = await q.queue.getJob(id);
      if (job?.processedOn) windowOpen = Math.min(windowOpen, job.processedOn);
      const startedAt = q.completed.get(id)?.startedAt;
      if (startedAt !== undefined) starts.push(startedAt);
    }
    starts.sort((a, b) => a - b);
    const offsets = starts.map((t) => t - windowOpen);
    return {
      max,
      durationMs,
      jobs,
      workers,
      startOffsets: offsets,
      spanMs: offsets[offsets.length - 1] ?? 0,
      inFirstWindow: offsets.filter((t) => t < durationMs).length,
      minSpanMs: (Math.ceil(jobs / max) - 1) * durationMs,
      completed: ids.filter((id) => q.completed.has(id)).length,
    };
  } finally {
    await Promise.allSettled(started.map((w) => w.handle.stop()));
    await q.destroy();
  }
}
