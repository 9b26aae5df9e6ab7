/** What BullMQ (through ioredis) needs to reach one Redis server. */
export interface RedisConnection {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  /**
   * BullMQ workers block on Redis for new jobs; ioredis must not give up on a blocked command after a
   * few retries, or a worker silently stops consuming. BullMQ requires `null` here for workers.
   */
  maxRetriesPerRequest: null;
}

/**
 * Parse a `redis://[user:password@]host[:port][/db]` URL into connection options, with an error
 * that names the URL and the expected form.
 *
 * @example
 * parseRedisUrl('redis://127.0.0.1:6379/0'); // { host: '127.0.0.1', port: 6379, db: 0, maxRetriesPerRequest: null }
 */
export function parseRedisUrl(url: string, source = 'REDIS_URL'): RedisConnection {
  const expected = 'expected redis://[user:password@]host[:port][/db], e.g. redis://127.0.0.1:6379';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${source}="${url}" is not a URL: ${expected}`);
  }
  if (parsed.protocol !== 'redis:')
    throw new Error(`${source}="${url}" uses ${parsed.protocol}: ${expected}`);
  if (!parsed.hostname) throw new Error(`${source}="${url}" has no host: ${expected}`);
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  const dbText = parsed.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0)
    throw new Error(`${source}="${url}" has database "${dbText}": ${expected}`);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port,
    db,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    maxRetriesPerRequest: null,
  };
}

/**
 * Whether a Redis URL points at this machine's loopback interface. Tests only ever connect to
 * loopback; a REDIS_URL elsewhere is for learners running workers on several machines.
 *
 * @example
 * isLoopbackRedisUrl('redis://localhost:6379'); // true
 * isLoopbackRedisUrl('redis://10.0.0.5:6379'); // false
 */
export function isLoopbackRedisUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
