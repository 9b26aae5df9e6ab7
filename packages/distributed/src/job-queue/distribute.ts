import { countPrimes } from '@course/runtime';
import { newRunId, planBatches } from './batch-job';
import { openQueue } from './job-tracker';
import { ResultLedger } from './result-ledger';
import { startQueueWorker } from './start-queue-worker';

export interface DistributeOptions {
  /** Count primes in [0, limit). */
  limit: number;
  batches: number;
  /** Worker processes started here (other machines may add more with the same REDIS_URL + QUEUE). */
  workers: number;
  concurrency: number;
  /** Default: a private queue for this run, deleted afterwards. */
  queue?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface DistributeResult {
  expected: number;
  merged: number;
  jobs: number;
  completed: number;
  failed: number;
  /** Jobs completed per worker (`host:pid`). */
  byWorker: Record<string, number>;
  wallMs: number;
  /** Jobs of this run still waiting, active or delayed afterwards (0: none left behind). */
  leftBehind: number;
}

/**
 * The producer/consumer split across processes: enqueue one job per range batch, let worker
 * processes pull them with a per-worker concurrency, merge the return values keyed by job id.
 *
 * @example
 * const r = await distributeCount(redisUrl, { limit: 200_000, batches: 40, workers: 2, concurrency: 2 });
 * r.merged === r.expected; // true
 */
export async function distributeCount(
  redisUrl: string,
  options: DistributeOptions,
): Promise<DistributeResult> {
  const runId = newRunId('count');
  const name = options.queue ?? runId;
  const q = await openQueue(redisUrl, name);
  const workers = [];
  try {
    for (let i = 0; i < options.workers; i++) {
      workers.push(
        startQueueWorker({
          redisUrl,
          queue: name,
          concurrency: options.concurrency,
          name: `worker-${i + 1}`,
          signal: options.signal,
        }),
      );
    }
    const started = await Promise.allSettled(workers);
    const broken = started.find((s) => s.status === 'rejected');
    if (broken) throw (broken as PromiseRejectedResult).reason;

    const planned = planBatches(runId, options.limit, options.batches);
    const ids = planned.map((j) => j.opts.jobId);
    const t0 = performance.now();
    await q.queue.addBulk(planned);
    await q.settled(ids, options.timeoutMs ?? 60_000);
    const wallMs = performance.now() - t0;

    const ledger = new ResultLedger<{ primes: number; worker: string }>();
    const byWorker: Record<string, number> = {};
    for (const id of ids) {
      const r = q.completed.get(id);
      if (!r) continue;
      ledger.record(id, r);
      byWorker[r.worker] = (byWorker[r.worker] ?? 0) + 1;
    }
    let leftBehind = 0;
    for (const id of ids) {
      const state = await q.queue.getJobState(id);
      if (state !== 'completed' && state !== 'failed') leftBehind++;
    }
    return {
      expected: countPrimes(0, options.limit),
      merged: ledger.total((r) => r.primes),
      jobs: ids.length,
      completed: ids.filter((id) => q.completed.has(id)).length,
      failed: ids.filter((id) => q.failed.has(id)).length,
      byWorker,
      wallMs,
      leftBehind,
    };
  } finally {
    await Promise.allSettled(workers.map(async (w) => (await w).handle.stop()));
    if (options.queue) await q.close();
    else await q.destroy();
  }
}
