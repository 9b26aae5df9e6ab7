import { countPrimes, splitRange } from '@course/runtime';
import type { Job } from 'bullmq';
import { type BatchJob, type BatchResult, checkBatchJob } from './batch-job';

/** What the process around the processor provides: where results go, and whether it is closing. */
export interface ProcessorHooks {
  /** `host:pid`, stamped on results and logs. */
  worker: string;
  /** The job became active in this worker (attempt 1, 2...). */
  onActive?(jobId: string, attempt: number): void;
  /**
   * The "external write": the result leaves the worker before BullMQ records the job as done.
   * A crash between the two is exactly where at-least-once delivery produces a duplicate.
   */
  deliver?(jobId: string, result: BatchResult): void;
  /** Resolves once the worker has been asked to shut down. */
  closing: Promise<void>;
}

/**
 * The BullMQ processor: count primes in the job's range, chunk by chunk, reporting progress.
 * The CPU work is small per chunk on purpose: a worker's lock is renewed by a timer on its event
 * loop, and a long synchronous stretch would let the lock expire and the job be declared stalled
 * while it is still running (then run twice). Long CPU jobs belong in sandboxed processors.
 *
 * @example
 * new Worker('course-jobs', createProcessor({ worker: 'me', closing: new Promise(() => {}) }), { connection });
 */
export function createProcessor(
  hooks: ProcessorHooks,
): (job: Job<BatchJob, BatchResult>) => Promise<BatchResult> {
  return async (job) => {
    const id = job.id ?? '(no id)';
    const data = checkBatchJob(id, job.data);
    // attemptsMade counts finished (failed) attempts; this run is the next one.
    const startedAt = Date.now();
    const attempt = job.attemptsMade + 1;
    hooks.onActive?.(id, attempt);
    await job.log(`attempt ${attempt} started at ${Date.now()} on ${hooks.worker}`);
    if (data.failFirstAttempts !== undefined && attempt <= data.failFirstAttempts) {
      throw new Error(
        `job ${id}: attempt ${attempt} failed (injected: fails its first ${data.failFirstAttempts})`,
      );
    }

    const chunks = splitRange(data.from, data.to, Math.max(1, data.chunks ?? 1));
    let primes = 0;
    for (const [i, [from, to]] of chunks.entries()) {
      primes += countPrimes(from, to);
      await job.updateProgress(Math.round((100 * (i + 1)) / chunks.length));
      if (i === 0 && data.holdUntilClosing) await hooks.closing;
    }

    const result: BatchResult = { primes, worker: hooks.worker, attempt, startedAt };
    hooks.deliver?.(id, result);
    // attemptsStarted counts every move to active, stalls included: only the first start crashes.
    if (data.crashAfterDelivery && job.attemptsStarted <= 1) await new Promise<never>(() => {});
    return result;
  };
}
