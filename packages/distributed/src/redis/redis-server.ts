import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { courseRunner, formatCommand, type Runner } from '@course/runtime';
import { findRedisServer } from '@course/tooling/system-tools';
import { freePort } from './free-port';

/** A redis-server this process started: reachable at `url`, gone after `stop()`. */
export interface LocalRedis {
  url: string;
  port: number;
  pid: number;
  /** SHUTDOWN by SIGTERM, SIGKILL after a grace period, then the temp dir is removed. Idempotent. */
  stop(): Promise<void>;
}

// Found where `pnpm test` keys its cache on it, so a redis-server installed later re-runs the tests.
export { findRedisServer };

/**
 * What to tell a learner whose machine has no Redis, with the lesson's command written the way this
 * learner runs the course (see courseCommand): the line is meant to be copied as it is.
 */
export function redisHelp(runner: Runner = courseRunner()): string {
  const start = `REDIS_URL=redis://127.0.0.1:6379 ${formatCommand(runner, 'start', ['distributed/job-queue'])}`;
  return [
    'This lesson needs a Redis server (BullMQ keeps its queues there). Any one of:',
    `  • ${start}   (a Redis you already run)`,
    '  • install redis-server (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis);',
    '    the lesson then starts a private one on a free port and stops it afterwards',
    `  • docker compose up redis   (from the repository root), then ${start}`,
  ].join('\n');
}

export type RedisChoice =
  | { kind: 'url'; url: string }
  | { kind: 'local'; binary: string }
  | { kind: 'missing'; reason: string };

/**
 * Decide where Redis comes from. `REDIS_URL` wins (the learner chose it) unless `loopbackOnly`
 * (tests) and it points elsewhere; otherwise a private redis-server if one is installed.
 *
 * @example
 * chooseRedis({ REDIS_URL: undefined }, '/usr/bin/redis-server'); // { kind: 'local', binary: '/usr/bin/redis-server' }
 */
export function chooseRedis(
  env: { REDIS_URL?: string | undefined },
  binary: string | undefined,
  {
    loopbackOnly = false,
    isLoopback = (_url: string): boolean => true,
  }: { loopbackOnly?: boolean; isLoopback?: (url: string) => boolean } = {},
): RedisChoice {
  const url = env.REDIS_URL?.trim();
  if (url && (!loopbackOnly || isLoopback(url))) return { kind: 'url', url };
  if (binary) return { kind: 'local', binary };
  const ignored = url ? ` (REDIS_URL=${url} is not on loopback, and tests only use 127.0.0.1)` : '';
  return {
    kind: 'missing',
    reason: `redis-server is not on PATH and REDIS_URL is unset${ignored}.\n${redisHelp()}`,
  };
}

/**
 * Start a private redis-server on 127.0.0.1 with a free port, a temp dir, and no persistence
 * (`--save ''`, `--appendonly no`): nothing outlives it. Resolves once Redis logs that it is ready
 * to accept connections; retries with another port if the one picked was taken meanwhile.
 *
 * Warning: the server is a real process. Always `stop()` it (in `finally` / afterAll); an exit
 * handler kills it if this process exits first, but not if this process is SIGKILLed.
 *
 * @example
 * const redis = await startRedisServer();
 * try { console.log(redis.url); } finally { await redis.stop(); }
 */
export async function startRedisServer(
  options: { binary?: string | undefined; timeoutMs?: number; attempts?: number } = {},
): Promise<LocalRedis> {
  // An explicit `binary: undefined` means "none was found", not "look on PATH".
  const binary = 'binary' in options ? options.binary : findRedisServer();
  const { timeoutMs = 10_000, attempts = 5 } = options;
  if (!binary) throw new Error(`Cannot start Redis: redis-server is not on PATH.\n${redisHelp()}`);
  let lastError: Error | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = await freePort();
    try {
      return await startOn(binary, port, timeoutMs);
    } catch (error) {
      lastError = error as Error;
      // Only a port taken between freePort() and bind is worth another try.
      if (!/address already in use/i.test(lastError.message)) throw lastError;
    }
  }
  throw new Error(`redis-server could not bind a free port in ${attempts} attempts: ${lastError?.message}`);
}

function startOn(binary: string, port: number, timeoutMs: number): Promise<LocalRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'course-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push('--dir', dir, '--daemonize', 'no', '--protected-mode', 'yes', '--loglevel', 'notice');
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanup = () => {
    process.removeListener('exit', killOnExit);
    rmSync(dir, { recursive: true, force: true });
  };
  void exited.then(cleanup);

  return new Promise<LocalRedis>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`redis-server on port ${port} was not ready within ${timeoutMs} ms`)),
      timeoutMs,
    );
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      void exited.then(() =>
        reject(new Error(`${error.message}\nredis-server said:\n${log.trim().slice(-2000)}`)),
      );
    };
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (settled || !/ready to accept connections/i.test(log)) return;
      settled = true;
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume(); // keep draining, or a full pipe would block Redis
      resolve(handle(child, port, exited));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.once('error', (error) => fail(error));
    child.once('exit', (code, signal) =>
      fail(new Error(`redis-server exited early (${signal ?? `code ${code}`})`)),
    );
  });
}

function handle(child: ChildProcess, port: number, exited: Promise<void>): LocalRedis {
  let stopping: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return exited;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
