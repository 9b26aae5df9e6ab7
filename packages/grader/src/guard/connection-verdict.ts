import { isIP } from 'node:net';

/**
 * The network rule for exercise tests: they may talk to this machine's loopback only. A test that
 * reached the internet would be slow, flaky, and could hit someone else's server with a student's
 * half-finished scraper.
 *
 * Pure: this decides, `install-net-guard.ts` enforces it, so the rule is tested without ever opening
 * a connection to an outside address.
 */
export interface ConnectionTarget {
  /** Host name or IP as given by the caller (undefined means Node's default, localhost). */
  host?: string | undefined;
  port?: number | string | undefined;
  /** A Unix socket / named pipe path: local by definition. */
  path?: string | undefined;
  /** What asked: net.connect, dns.lookup, dgram.send... (for the message). */
  via: string;
}

/** Allowed, or refused with a message that says what was attempted and what is allowed. */
export type ConnectionVerdict = { allowed: true } | { allowed: false; message: string };

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.', 'ip6-localhost', 'ip6-loopback']);

/** True for 127.0.0.0/8, ::1, ::ffff:127.x.x.x and the loopback host names. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (LOOPBACK_NAMES.has(h)) return true;
  const v = isIP(h);
  if (v === 4) return h.startsWith('127.');
  if (v === 6) {
    if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    return mapped !== null && (mapped[1] ?? '').startsWith('127.');
  }
  return false;
}

/**
 * May an exercise test open this connection (or look up this name)?
 *
 * @example
 * connectionVerdict({ host: '127.0.0.1', port: 8080, via: 'net.connect' }); // { allowed: true }
 * connectionVerdict({ host: 'example.com', port: 443, via: 'fetch' }).allowed; // false
 */
export function connectionVerdict(target: ConnectionTarget): ConnectionVerdict {
  if (target.path !== undefined) return { allowed: true };
  const host = target.host === undefined || target.host === '' ? 'localhost' : String(target.host);
  if (isLoopback(host)) return { allowed: true };
  const where = target.port === undefined ? host : `${host}:${target.port}`;
  return {
    allowed: false,
    message:
      `Blocked a network connection to ${where} (${target.via}): exercise tests may only reach this machine ` +
      '(127.0.0.1, ::1 or localhost). Start a local server in the test and point your code at it.',
  };
}
