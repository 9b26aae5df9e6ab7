import { defineLesson, formatMs, isMain, type LessonContext, runLessonMain } from '@course/runtime';
import { crashMidJob } from './job-queue/crash-recovery';
import { distributeCount } from './job-queue/distribute';
import { gracefulShutdown } from './job-queue/graceful-shutdown';
import { progressEvents } from './job-queue/progress';
import { rateLimited } from './job-queue/rate-limit';
import { retryWithBackoff } from './job-queue/retries';
import { DEFAULT_QUEUE } from './job-queue/worker-config';
import { acquireRedis } from './redis/acquire-redis';

async function run({ quick, signal, out }: LessonContext): Promise<void> {
  // A takeaway is printed only when this run's figures bear it out; otherwise say what went wrong.
  const verdict = (ok: boolean, takeaway: string, otherwise: string) =>
    ok ? out.takeaway(takeaway) : out.warn(otherwise);
  out.heading('A queue that lives outside the process: BullMQ on Redis');
  const redis = await acquireRedis();
  if (!redis.ok) {
    out.warn('No Redis here, so this lesson cannot run its experiments.');
    for (const line of redis.reason.split('\n')) out.say(line);
    return;
  }
  try {
    out.say(
      `Redis: ${redis.url} (${redis.source}). Worker processes are forked here; on another machine start`,
    );
    out.say(
      `more with: REDIS_URL=<this Redis> QUEUE=${DEFAULT_QUEUE} pnpm --filter @course/distributed worker`,
    );

    out.heading('Producer → Redis → worker processes, results merged by job id');
    const limit = quick ? 200_000 : 1_000_000;
    const batches = quick ? 40 : 100;
    const shared = redis.source === 'REDIS_URL' ? DEFAULT_QUEUE : undefined;
    const d = await distributeCount(redis.url, {
      limit,
      batches,
      workers: 2,
      concurrency: 2,
      queue: shared,
      signal,
    });
    out.table(
      Object.entries(d.byWorker).map(([worker, jobs]) => ({ worker, jobs })),
      [
        { header: 'worker (host:pid)', value: (r) => r.worker },
        { header: 'jobs', value: (r) => String(r.jobs), align: 'right' },
      ],
    );
    out.figure(
      `${d.jobs} jobs, primes below ${limit.toLocaleString('en')}`,
      `${d.merged} merged, ${d.expected} computed here`,
    );
    out.figure('wall time', formatMs(d.wallMs));
    out.say('Each job is a range; a worker process pulls jobs while it has a free slot (concurrency 2).');
    verdict(
      d.merged === d.expected && d.completed === d.jobs && d.leftBehind === 0,
      `Merged ${d.completed}/${d.jobs} results: the same count as one process gets, no job left behind.`,
      `Expected ${d.expected} from ${d.jobs} jobs, merged ${d.merged} from ${d.completed}; ${d.leftBehind} left behind.`,
    );

    out.heading('Retries with backoff');
    const r = await retryWithBackoff(redis.url, { delayMs: 150, signal });
    out.figure(
      'attempts of the flaky job',
      `${r.attemptStarts.length}, gaps ${r.gaps.map((g) => formatMs(g)).join(', ')} (backoff 150 ms × 2^n)`,
    );
    out.figure(
      'the job that always fails',
      `${r.exhausted.state} after ${r.exhausted.attemptsMade} attempts: "${r.exhausted.failedReason}"`,
    );
    verdict(
      r.recovered.state === 'completed' &&
        (r.gaps[0] ?? 0) >= r.delayMs &&
        (r.gaps[1] ?? 0) >= 2 * r.delayMs &&
        r.exhausted.state === 'failed',
      'A failing job is retried later, not at once; one that never succeeds is kept as failed with its reason, not dropped.',
      `Unexpected: flaky job ${r.recovered.state}, gaps ${r.gaps.join(', ')} ms, hopeless job ${r.exhausted.state}.`,
    );

    out.heading('A worker SIGKILLed mid-job');
    const c = await crashMidJob(redis.url, { lockMs: 1000, stalledMs: 500, signal });
    out.say(
      `Worker ${c.killedWorker} delivered a result, then was killed before BullMQ recorded the job as done.`,
    );
    out.figure(
      'job back and done after',
      `${formatMs(c.recoveryMs)} (lock ${c.lockMs} ms, stalled check every ${c.stalledMs} ms), by ${c.recoveredBy}`,
    );
    out.figure('that job’s result delivered', `${c.crashedJobDeliveries} times`);
    out.figure('sum of every delivery', `${c.naiveTotal} (wrong: counted twice)`);
    out.figure('merged by job id', `${c.ledgerTotal} (expected ${c.expected})`);
    verdict(
      c.crashedJobDeliveries === 2 && c.ledgerTotal === c.expected && c.naiveTotal > c.expected,
      'At-least-once: a dead worker’s job runs again. Make the effect idempotent (key it by job id) and it counts once.',
      `Unexpected: ${c.crashedJobDeliveries} deliveries of the crashed job, ledger ${c.ledgerTotal} vs ${c.expected}.`,
    );

    out.heading('Rate limiting across processes');
    const l = await rateLimited(redis.url, { max: 4, durationMs: 300, jobs: 12, workers: 2, signal });
    out.figure('job starts (ms after the window opened)', l.startOffsets.map((t) => Math.round(t)).join(' '));
    out.figure(`started in the first ${l.durationMs} ms`, `${l.inFirstWindow} (limit ${l.max})`);
    verdict(
      l.spanMs >= l.minSpanMs && l.inFirstWindow <= l.max,
      `Two processes × concurrency 4, yet ${l.jobs} jobs took ${formatMs(l.spanMs)} (≥ ${formatMs(l.minSpanMs)}): the limit lives in Redis, shared by all.`,
      `${l.jobs} jobs took ${formatMs(l.spanMs)} (limit allows no less than ${formatMs(l.minSpanMs)}), ${l.inFirstWindow} in the first window.`,
    );

    out.heading('Progress events');
    const p = await progressEvents(redis.url, { chunks: 5, signal });
    out.figure('the producer heard', `${p.sequence.join(' → ')}`);
    verdict(
      p.sequence.at(-1) === 'completed' &&
        p.progress.every((v, i) => i === 0 || v > (p.progress[i - 1] ?? 0)),
      `Progress ${p.progress.join('%, ')}% crossed processes in order, before 'completed'.`,
      `Unexpected event order: ${p.sequence.join(' → ')}`,
    );

    out.heading('Graceful shutdown');
    const g = await gracefulShutdown(redis.url, { signal });
    out.figure(
      'worker exit after SIGTERM',
      g.exit.signal ? `signal ${g.exit.signal}` : `code ${g.exit.code}`,
    );
    out.figure('its active job', g.activeJobState);
    out.figure('jobs still waiting for another worker', String(g.waitingAfterExit));
    verdict(
      g.exit.code === 0 &&
        g.activeJobState === 'completed' &&
        g.waitingAfterExit === g.jobs - 1 &&
        g.completed === g.jobs,
      `worker.close() finished the job in hand and took no new one; a successor completed ${g.completed}/${g.jobs}. No job lost.`,
      `Unexpected: exit ${g.exit.code ?? g.exit.signal}, active job ${g.activeJobState}, ${g.completed}/${g.jobs} completed.`,
    );
    out.say('The price of crossing a network per job is measured in `pnpm bench job-queue`.');
  } finally {
    await redis.release();
  }
}

export const lesson = defineLesson({
  id: 'distributed/job-queue',
  title: 'A distributed job queue',
  summary: 'Worker processes pull jobs from Redis (BullMQ): retries, crashes, rate limits, shutdown.',
  concepts: [
    'job queue',
    'at-least-once delivery',
    'idempotency',
    'stalled jobs',
    'backoff',
    'rate limiting',
    'graceful shutdown',
  ],
  docs: 'docs/distributed.md',
  run,
});

if (isMain(__filename)) runLessonMain(lesson);
