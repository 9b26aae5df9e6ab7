import type { Lesson } from '@course/runtime';
import { lesson as jobQueue } from './job-queue';

export { crashMidJob } from './job-queue/crash-recovery';
export { distributeCount } from './job-queue/distribute';
export { gracefulShutdown } from './job-queue/graceful-shutdown';
export { progressEvents } from './job-queue/progress';
export { rateLimited } from './job-queue/rate-limit';
export { ResultLedger } from './job-queue/result-ledger';
export { retryWithBackoff } from './job-queue/retries';
export { type ExperimentResults, runExperiments } from './job-queue/run-experiments';
export { acquireRedis } from './redis/acquire-redis';
export { redisHelp, startRedisServer } from './redis/redis-server';

/** The lessons of this package, in menu order. */
export const lessons: Lesson[] = [jobQueue];
