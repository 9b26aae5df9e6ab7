import { describe, expect, it } from 'vitest';
import { isLoopbackRedisUrl, parseRedisUrl } from '../src/redis/redis-url';

describe('parseRedisUrl', () => {
  it('reads host, port, database and credentials', () => {
    expect(parseRedisUrl('redis://user:p%40ss@127.0.0.1:6380/2')).toEqual({
      host: '127.0.0.1',
      port: 6380,
      db: 2,
      username: 'user',
      password: 'p@ss',
      maxRetriesPerRequest: null,
    });
  });

  it('defaults to port 6379 and database 0', () => {
    expect(parseRedisUrl('redis://localhost')).toMatchObject({ host: 'localhost', port: 6379, db: 0 });
  });

  it('names the variable, the value and the expected form for a bad URL', () => {
    expect(() => parseRedisUrl('localhost:6379')).toThrow(/REDIS_URL="localhost:6379".*expected redis:\/\//);
    expect(() => parseRedisUrl('http://127.0.0.1:6379')).toThrow(/uses http:/);
    expect(() => parseRedisUrl('redis://127.0.0.1/x', 'QUEUE_REDIS')).toThrow(/QUEUE_REDIS=.*database "x"/);
  });
});

describe('isLoopbackRedisUrl', () => {
  it('accepts only loopback hosts', () => {
    expect(isLoopbackRedisUrl('redis://127.0.0.1:6379')).toBe(true);
    expect(isLoopbackRedisUrl('redis://localhost:1')).toBe(true);
    expect(isLoopbackRedisUrl('redis://[::1]:6379')).toBe(true);
    expect(isLoopbackRedisUrl('redis://10.0.0.5:6379')).toBe(false);
    expect(isLoopbackRedisUrl('redis://redis:6379')).toBe(false);
    expect(isLoopbackRedisUrl('not a url')).toBe(false);
  });
});
