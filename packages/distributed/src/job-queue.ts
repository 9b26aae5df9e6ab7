import { defineLesson, isMain, type LessonContext, runLessonMain } from '@course/runtime';
import { runExperiments } from './job-queue/run-experiments';
import { DEFAULT_QUEUE } from './job-queue/worker-config';
import { acquireRedis } from './redis/acquire-redis';

async function run({ quick, signal, out }: LessonContext): Promise<void> {
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

    await runExperiments(
      redis.url,
      { quick, signal, sharedQueue: redis.source === 'REDIS_URL' ? DEFAULT_QUEUE : undefined },
      out,
    );
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
