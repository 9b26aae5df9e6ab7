import { parseRedisUrl, type RedisConnection } from '../redis/redis-url';

/** How a worker process is configured: environment variables, so it starts the same anywhere. */
export interface WorkerConfig {
  connection: RedisConnection;
  queue: string;
  concurrency: number;
  /** How long a job's lock lives without renewal; a dead worker's job is "stalled" after it. */
  lockMs: number;
  /** How often this worker looks for stalled jobs (whose lock expired) to put back in the queue. */
  stalledMs: number;
  /** At most `max` jobs per `durationMs`, across every worker of the queue. */
  rateLimit?: { max: number; durationMs: number };
  name: string;
}

export const DEFAULT_QUEUE = 'course-jobs';

/**
 * Read a worker's configuration from the environment: REDIS_URL (required), QUEUE, CONCURRENCY,
 * LOCK_MS, STALLED_MS, RATE_MAX + RATE_MS, WORKER_NAME. A bad value names the variable.
 *
 * @example
 * parseWorkerConfig({ REDIS_URL: 'redis://127.0.0.1:6379', CONCURRENCY: '4' }).concurrency; // 4
 */
export function parseWorkerConfig(env: NodeJS.ProcessEnv, fallbackName = 'worker'): WorkerConfig {
  const url = env.REDIS_URL;
  if (!url)
    throw new Error('REDIS_URL is not set: a worker needs redis://host:port of the Redis holding the queue');
  const int = (name: string, fallback: number, min: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`${name}="${text}": expected a whole number >= ${min}`);
    return value;
  };
  const rateMax = int('RATE_MAX', 0, 0);
  const rateMs = int('RATE_MS', 1000, 1);
  return {
    connection: parseRedisUrl(url),
    queue: env.QUEUE || DEFAULT_QUEUE,
    concurrency: int('CONCURRENCY', 2, 1),
    // BullMQ's defaults (30 s each) are right for production; the lesson shortens them so a dead
    // worker's job comes back in seconds. Too short and a busy event loop misses a renewal.
    lockMs: int('LOCK_MS', 30_000, 200),
    stalledMs: int('STALLED_MS', 30_000, 100),
    ...(rateMax > 0 ? { rateLimit: { max: rateMax, durationMs: rateMs } } : {}),
    name: env.WORKER_NAME || fallbackName,
  };
}
