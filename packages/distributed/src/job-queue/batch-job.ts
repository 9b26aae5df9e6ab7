import { splitRange } from '@course/runtime';

/**
 * One job: count the primes in [from, to). The optional fields are the lesson's fault injection,
 * carried in the job itself so any worker, on any machine, misbehaves the same way.
 */
export interface BatchJob {
  from: number;
  to: number;
  /** Count in this many chunks, reporting progress after each (default 1). */
  chunks?: number;
  /** Throw on attempts 1..n: a flaky dependency that retries with backoff get past. */
  failFirstAttempts?: number;
  /** On its first start: deliver the result, then hang until killed (a crash before the ack). */
  crashAfterDelivery?: boolean;
  /** After the first chunk, wait until the worker has been asked to shut down. */
  holdUntilClosing?: boolean;
}

/** What a worker returns for a job; BullMQ stores it as the job's return value. */
export interface BatchResult {
  primes: number;
  /** `host:pid` of the worker process that produced it. */
  worker: string;
  /** 1 for the first attempt, 2 after one retry... */
  attempt: number;
  /** Date.now() on the worker when the processor started: after BullMQ made the job active. */
  startedAt: number;
}

/** A job ready for `queue.addBulk`: the id is deterministic, so adding it twice adds it once. */
export interface PlannedJob {
  name: 'count-primes';
  data: BatchJob;
  opts: { jobId: string };
}

/**
 * Split [0, limit) into `batches` jobs whose ids name the run and the range. Deterministic ids
 * matter: a producer that retries `addBulk` after a timeout does not enqueue the work twice, and a
 * consumer can merge results keyed by job id.
 *
 * @example
 * planBatches('run1', 1000, 2).map((j) => j.opts.jobId); // ['run1-0-500', 'run1-500-1000']
 */
export function planBatches(
  runId: string,
  limit: number,
  batches: number,
  extra: Partial<BatchJob> = {},
): PlannedJob[] {
  if (!/^[A-Za-z0-9_-]+$/.test(runId))
    throw new Error(`planBatches: run id "${runId}" must be [A-Za-z0-9_-]+ (it becomes part of job ids)`);
  return splitRange(0, limit, batches).map(([from, to]) => ({
    name: 'count-primes' as const,
    data: { from, to, ...extra },
    opts: { jobId: `${runId}-${from}-${to}` },
  }));
}

/** Check a job's data at the worker, naming the job, so bad input fails the job with a clear reason. */
export function checkBatchJob(jobId: string | undefined, data: unknown): BatchJob {
  const d = data as Partial<BatchJob> | null;
  if (
    !d ||
    !Number.isInteger(d.from) ||
    !Number.isInteger(d.to) ||
    (d.from as number) < 0 ||
    (d.to as number) < (d.from as number)
  ) {
    throw new Error(
      `Job ${jobId}: expected data { from, to } with integers 0 <= from <= to, got ${JSON.stringify(data)}`,
    );
  }
  return d as BatchJob;
}

/** A short id for one run of an experiment: names its private queue and prefixes its job ids. */
export function newRunId(prefix = 'run'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
