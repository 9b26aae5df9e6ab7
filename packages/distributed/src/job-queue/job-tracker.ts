import { deferred, withTimeout } from '@course/runtime';
import { Queue, QueueEvents } from 'bullmq';
import { parseRedisUrl } from '../redis/redis-url';
import type { BatchJob, BatchResult } from './batch-job';

/** One event as the producer saw it, in arrival order. */
export interface TrackedEvent {
  event: 'active' | 'progress' | 'completed' | 'failed' | 'stalled';
  jobId: string;
  at: number;
  progress?: number;
}

/**
 * The producer's side of a queue: the Queue to add jobs, QueueEvents to hear about them, and
 * per-job promises that settle when a job completes or finally fails, so nothing is awaited by sleeping.
 *
 * QueueEvents reads the queue's Redis event stream from the beginning (`lastEventId: '0-0'`): events
 * of jobs added before the listener's first read are not missed (a classic race with '$').
 *
 * @example
 * const q = await openQueue(redisUrl, 'course-jobs');
 * await q.queue.addBulk(planBatches('run', 10_000, 8));
 * const results = await q.settled(ids, 30_000);
 * await q.close();
 */
export class TrackedQueue {
  readonly queue: Queue<BatchJob, BatchResult>;
  readonly events: QueueEvents;
  readonly log: TrackedEvent[] = [];
  readonly completed = new Map<string, BatchResult>();
  readonly failed = new Map<string, string>();
  readonly #finished = new Map<string, ReturnType<typeof deferred<void>>>();

  constructor(redisUrl: string, name: string) {
    const connection = parseRedisUrl(redisUrl);
    this.queue = new Queue<BatchJob, BatchResult>(name, { connection });
    this.events = new QueueEvents(name, { connection, lastEventId: '0-0' });
    this.queue.on('error', (e) => console.error(`queue ${name}: ${e.message}`));
    this.events.on('error', (e) => console.error(`queue events ${name}: ${e.message}`));
    const at = () => Date.now();
    this.events.on('active', ({ jobId }) => this.log.push({ event: 'active', jobId, at: at() }));
    this.events.on('stalled', ({ jobId }) => this.log.push({ event: 'stalled', jobId, at: at() }));
    this.events.on('progress', ({ jobId, data }) => {
      this.log.push({ event: 'progress', jobId, at: at(), progress: Number(data) });
    });
    this.events.on('completed', ({ jobId, returnvalue }) => {
      this.log.push({ event: 'completed', jobId, at: at() });
      // Depending on the version the value arrives as JSON text or already parsed.
      const value = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as BatchResult;
      this.completed.set(jobId, value);
      this.#done(jobId).resolve();
    });
    this.events.on('failed', ({ jobId, failedReason }) => {
      this.log.push({ event: 'failed', jobId, at: at() });
      // 'failed' is only emitted once no attempt is left (retries go to 'delayed'); check anyway.
      void this.queue.getJobState(jobId).then((state) => {
        if (state !== 'failed') return;
        this.failed.set(jobId, failedReason);
        this.#done(jobId).resolve();
      });
    });
  }

  #done(jobId: string) {
    let d = this.#finished.get(jobId);
    if (!d) {
      d = deferred<void>();
      this.#finished.set(jobId, d);
    }
    return d;
  }

  /** Wait until the listener is connected (before workers start, so no event is late). */
  async ready(): Promise<void> {
    await Promise.all([this.queue.waitUntilReady(), this.events.waitUntilReady()]);
  }

  /** Resolves once every job completed or finally failed; rejects naming the missing ones after `timeoutMs`. */
  async settled(jobIds: readonly string[], timeoutMs: number): Promise<void> {
    const all = Promise.all(jobIds.map((id) => this.#done(id).promise));
    try {
      await withTimeout(all, timeoutMs, `${jobIds.length} jobs settling`);
    } catch (error) {
      const missing = jobIds.filter((id) => !this.completed.has(id) && !this.failed.has(id));
      throw new Error(
        `${(error as Error).message}; still open: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? '…' : ''}`,
      );
    }
  }

  /** Resolves when `jobId` has settled, within a budget. */
  finished(jobId: string, timeoutMs: number): Promise<void> {
    return withTimeout(this.#done(jobId).promise, timeoutMs, `job ${jobId} settling`);
  }

  /** Counts per state: after a run, `wait`, `active` and `delayed` at 0 mean no job was left behind. */
  counts() {
    return this.queue.getJobCounts(
      'wait',
      'active',
      'delayed',
      'completed',
      'failed',
      'prioritized',
      'paused',
    );
  }

  /** Close the listener and the queue connections (the queue's data stays in Redis). */
  async close(): Promise<void> {
    await Promise.allSettled([this.events.close(), this.queue.close()]);
  }

  /** Delete this queue's keys from Redis, then close. For the lesson's private, per-run queues. */
  async destroy(): Promise<void> {
    await this.queue.obliterate({ force: true }).catch(() => {});
    await this.close();
  }
}

/** Open a tracked queue and wait until it listens. */
export async function openQueue(redisUrl: string, name: string): Promise<TrackedQueue> {
  const q = new TrackedQueue(redisUrl, name);
  await q.ready();
  return q;
}
