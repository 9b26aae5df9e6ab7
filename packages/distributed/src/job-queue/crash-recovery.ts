import { countPrimes } from '@course/runtime';
import { type BatchResult, newRunId, planBatches } from './batch-job';
import { openQueue } from './job-tracker';
import { ResultLedger } from './result-ledger';
import { type QueueWorkerProcess, startQueueWorker } from './start-queue-worker';

export interface CrashResult {
  expected: number;
  /** Every delivery summed, duplicates included: what a non-idempotent sink would store. */
  naiveTotal: number;
  /** Deliveries merged by job id. */
  ledgerTotal: number;
  /** How many times the crashed job's result was delivered (2: before the crash, after the retry). */
  crashedJobDeliveries: number;
  duplicates: number;
  killedWorker: string;
  recoveredBy: string | undefined;
  /** BullMQ reported the job as stalled before it was run again. */
  stalledReported: boolean;
  /** From SIGKILL to the job's completion by another worker. */
  recoveryMs: number;
  lockMs: number;
  stalledMs: number;
  completed: number;
  jobs: number;
  leftBehind: number;
}

/**
 * A worker is SIGKILLed mid-job, after it delivered the job's result but before BullMQ recorded the
 * job as done. Its lock expires, another worker's stalled check puts the job back, and it runs
 * again: at-least-once delivery. The result reaches the sink twice; the ledger counts it once.
 *
 * @example
 * const r = await crashMidJob(redisUrl, { lockMs: 1000, stalledMs: 500 });
 * r.naiveTotal > r.expected; r.ledgerTotal === r.expected; // true, true
 */
export async function crashMidJob(
  redisUrl: string,
  {
    limit = 20_000,
    lockMs = 1_000,
    stalledMs = 500,
    timeoutMs = 30_000,
    signal,
  }: { limit?: number; lockMs?: number; stalledMs?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<CrashResult> {
  const runId = newRunId('crash');
  const q = await openQueue(redisUrl, runId);
  const ledger = new ResultLedger<BatchResult>();
  let naiveTotal = 0;
  const deliveries = new Map<string, number>();
  const sink = (w: QueueWorkerProcess) =>
    w.handle.child.on('message', (m: { type: string; jobId?: string; result?: BatchResult }) => {
      if (m.type !== 'delivered' || !m.jobId || !m.result) return;
      naiveTotal += m.result.primes;
      ledger.record(m.jobId, m.result);
      deliveries.set(m.jobId, (deliveries.get(m.jobId) ?? 0) + 1);
    });
  const workers: QueueWorkerProcess[] = [];
  try {
    const planned = planBatches(runId, limit, 4);
    const doomed = planned[1];
    if (!doomed) throw new Error('crashMidJob needs at least two batches');
    doomed.data.crashAfterDelivery = true;
    const ids = planned.map((j) => j.opts.jobId);

    const first = await startQueueWorker({
      redisUrl,
      queue: runId,
      concurrency: 1,
      lockMs,
      stalledMs,
      name: 'doomed',
      signal,
    });
    workers.push(first);
    sink(first);
    await q.queue.addBulk(planned);
    // Ordered by the worker's own message, not by a sleep: the result is out, the ack is not.
    await first.waitFor('delivered', (m) => m.jobId === doomed.opts.jobId, timeoutMs);
    first.handle.child.kill('SIGKILL');
    const killedAt = Date.now();
    await first.handle.exited;

    const second = await startQueueWorker({
      redisUrl,
      queue: runId,
      concurrency: 1,
      lockMs,
      stalledMs,
      name: 'survivor',
      signal,
    });
    workers.push(second);
    sink(second);
    await q.settled(ids, timeoutMs);
    const doneAt =
      q.log.find((e) => e.event === 'completed' && e.jobId === doomed.opts.jobId)?.at ?? Number.NaN;

    let leftBehind = 0;
    for (const id of ids) if (!['completed', 'failed'].includes(await q.queue.getJobState(id))) leftBehind++;
    return {
      expected: countPrimes(0, limit),
      naiveTotal,
      ledgerTotal: ledger.total((r) => r.primes),
      crashedJobDeliveries: deliveries.get(doomed.opts.jobId) ?? 0,
      duplicates: ledger.duplicates,
      killedWorker: first.worker,
      recoveredBy: q.completed.get(doomed.opts.jobId)?.worker,
      stalledReported: q.log.some((e) => e.event === 'stalled' && e.jobId === doomed.opts.jobId),
      recoveryMs: doneAt - killedAt,
      lockMs,
      stalledMs,
      completed: ids.filter((id) => q.completed.has(id)).length,
      jobs: ids.length,
      leftBehind,
    };
  } finally {
    await Promise.allSettled(workers.map((w) => w.handle.stop()));
    await q.destroy();
  }
}
