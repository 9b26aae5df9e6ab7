import net from 'node:net';

/**
 * A safety net for the tests, not part of what is graded: the crawler under test may be unfinished,
 * and the test site links to other origins on purpose. Importing this file makes every TCP connect
 * in this test process to a host other than loopback fail at once (before any DNS lookup), and
 * records it, so a crawler that does not keep to its origin fails its test instead of contacting
 * the internet.
 */
const attempts: string[] = [];
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;
const original = net.Socket.prototype.connect;

type ConnectArgs = Parameters<typeof original>;

function targetOf(args: unknown[]): { host?: string; port?: unknown; path?: string } {
  let first = args[0];
  // net.connect() passes its arguments already normalised, as an array [options, callback].
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') {
    const o = first as { host?: string; port?: unknown; path?: string };
    return { host: o.host ?? 'localhost', port: o.port, path: o.path };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
}

if (!(net.Socket.prototype.connect as { courseGuard?: boolean }).courseGuard) {
  const guarded = function connect(this: net.Socket, ...args: unknown[]) {
    const { host, port, path } = targetOf(args);
    if (path === undefined && host !== undefined && !LOOPBACK.test(host)) {
      attempts.push(`${host}:${String(port)}`);
      process.nextTick(() =>
        this.destroy(
          new Error(
            `test guard: refused to connect to ${host}:${String(port)}: the tests only allow 127.0.0.1`,
          ),
        ),
      );
      return this;
    }
    return original.apply(this, args as ConnectArgs);
  } as typeof original & { courseGuard?: boolean };
  guarded.courseGuard = true;
  net.Socket.prototype.connect = guarded;
}

/** The non-loopback hosts something in this process tried to connect to (and was refused). */
export function offLoopbackAttempts(): string[] {
  return [...attempts];
}
