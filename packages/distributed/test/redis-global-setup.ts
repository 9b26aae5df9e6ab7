import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProvidedContext } from 'vitest';
import { chooseRedis, findRedisServer, type LocalRedis, startRedisServer } from '../src/redis/redis-server';
import { isLoopbackRedisUrl } from '../src/redis/redis-url';

declare module 'vitest' {
  export interface ProvidedContext {
    /** redis://127.0.0.1:<port> of the Redis the tests use, or '' when there is none. */
    redisUrl: string;
    /** Why the Redis tests are skipped ('' when they run). */
    redisSkipReason: string;
  }
}

const banner = (reason: string) =>
  [
    '',
    '='.repeat(78),
    ' @course/distributed: the BullMQ/Redis tests are SKIPPED on this machine.',
    ` ${reason.split('\n').join('\n ')}`,
    '='.repeat(78),
    '',
  ].join('\n');

/**
 * Start one private redis-server (127.0.0.1, random port, temp dir, no persistence) for the run and
 * stop it afterwards. Prefer a private server over REDIS_URL: a clean, isolated Redis. Tests never
 * connect beyond loopback, so a REDIS_URL elsewhere is ignored.
 */
/** The part of vitest's TestProject a global setup uses (typed here: vitest/node is ESM-only for tsc). */
interface Provider {
  provide<K extends keyof ProvidedContext>(key: K, value: ProvidedContext[K]): void;
}

export default async function setup(project: Provider): Promise<() => Promise<void>> {
  const choice = chooseRedis(
    findRedisServer() ? {} : { REDIS_URL: process.env.REDIS_URL },
    findRedisServer(),
    { loopbackOnly: true, isLoopback: isLoopbackRedisUrl },
  );
  let redis: LocalRedis | undefined;
  if (choice.kind === 'local') redis = await startRedisServer({ binary: choice.binary });
  const url = choice.kind === 'url' ? choice.url : (redis?.url ?? '');
  const reason = choice.kind === 'missing' ? choice.reason : '';
  project.provide('redisUrl', url);
  project.provide('redisSkipReason', reason);
  // Loud at the start and again after the summary: never a silent skip. The file lets the
  // workspace summary (course-test-summary) repeat the reason beside this package's skip count.
  const reasonFile = join(__dirname, '..', '.vitest-skip-reason.txt');
  rmSync(reasonFile, { force: true });
  if (choice.kind === 'url' && !findRedisServer()) {
    console.warn(
      `@course/distributed: using REDIS_URL=${choice.url}; the startRedisServer tests are skipped (no redis-server on PATH).`,
    );
  }
  if (reason) {
    console.warn(banner(reason));
    writeFileSync(reasonFile, `${reason.split('\n')[0]}\n`);
  }
  return async () => {
    await redis?.stop();
    if (reason) console.warn(banner(reason));
  };
}
