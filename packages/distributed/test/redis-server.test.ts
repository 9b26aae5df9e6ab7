import { connect } from 'node:net';
import { withTimeout } from '@course/runtime';
import { describe, expect, it } from 'vitest';
import { chooseRedis, findRedisServer, startRedisServer } from '../src/redis/redis-server';
import { isLoopbackRedisUrl } from '../src/redis/redis-url';

/** Send PING over a raw socket and read the reply: the server is real and listening. */
function ping(port: number): Promise<string> {
  return withTimeout(
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().trim());
      });
      socket.once('error', reject);
    }),
    5_000,
    `PING on 127.0.0.1:${port}`,
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('chooseRedis', () => {
  const loopbackOnly = { loopbackOnly: true, isLoopback: isLoopbackRedisUrl };

  it('prefers the REDIS_URL the learner gave', () => {
    expect(chooseRedis({ REDIS_URL: 'redis://10.1.2.3:6379' }, '/usr/bin/redis-server')).toEqual({
      kind: 'url',
      url: 'redis://10.1.2.3:6379',
    });
  });

  it('starts a private server when there is no REDIS_URL', () => {
    expect(chooseRedis({}, '/usr/bin/redis-server')).toEqual({
      kind: 'local',
      binary: '/usr/bin/redis-server',
    });
  });

  it('ignores a REDIS_URL beyond loopback when only loopback is allowed', () => {
    expect(
      chooseRedis({ REDIS_URL: 'redis://10.1.2.3:6379' }, '/usr/bin/redis-server', loopbackOnly),
    ).toEqual({ kind: 'local', binary: '/usr/bin/redis-server' });
    const missing = chooseRedis({ REDIS_URL: 'redis://10.1.2.3:6379' }, undefined, loopbackOnly);
    expect(missing.kind).toBe('missing');
    expect(missing.kind === 'missing' && missing.reason).toMatch(/not on loopback/);
  });

  it('explains what is needed when there is no Redis at all', () => {
    const choice = chooseRedis({}, undefined);
    expect(choice.kind).toBe('missing');
    expect(choice.kind === 'missing' && choice.reason).toMatch(
      /REDIS_URL[\s\S]*redis-server[\s\S]*docker compose up/,
    );
  });
});

describe('findRedisServer', () => {
  it('finds nothing on an empty PATH', () => {
    expect(findRedisServer('')).toBeUndefined();
  });
});

describe.skipIf(!findRedisServer())('startRedisServer', () => {
  it('starts a real redis-server on a free 127.0.0.1 port and stops it without an orphan', async () => {
    const redis = await startRedisServer();
    try {
      expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
      expect(await ping(redis.port)).toBe('+PONG');
    } finally {
      await redis.stop();
    }
    expect(alive(redis.pid)).toBe(false);
  });

  it('gives two servers two ports', async () => {
    const [a, b] = await Promise.all([startRedisServer(), startRedisServer()]);
    try {
      expect(a.port).not.toBe(b.port);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('names the missing binary and how to get Redis', async () => {
    await expect(startRedisServer({ binary: undefined })).rejects.toThrow(
      /redis-server is not on PATH[\s\S]*REDIS_URL/,
    );
  });
});
