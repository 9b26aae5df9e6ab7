import { chooseRedis, findRedisServer, startRedisServer } from './redis-server';

export type AcquiredRedis =
  | { ok: true; url: string; source: 'REDIS_URL' | 'private redis-server'; release(): Promise<void> }
  | { ok: false; reason: string };

/**
 * Get a Redis for a lesson: the learner's REDIS_URL, or a private redis-server started on a free
 * 127.0.0.1 port (and stopped by `release`), or a clear reason why there is none.
 *
 * @example
 * const redis = await acquireRedis();
 * if (!redis.ok) return out.warn(redis.reason);
 * try { … redis.url … } finally { await redis.release(); }
 */
export async function acquireRedis(env: NodeJS.ProcessEnv = process.env): Promise<AcquiredRedis> {
  const choice = chooseRedis(env, findRedisServer(env.PATH));
  if (choice.kind === 'missing') return { ok: false, reason: choice.reason };
  if (choice.kind === 'url')
    return { ok: true, url: choice.url, source: 'REDIS_URL', release: async () => {} };
  const server = await startRedisServer({ binary: choice.binary });
  return { ok: true, url: server.url, source: 'private redis-server', release: () => server.stop() };
}
