import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import { type ConnectionTarget, connectionVerdict } from './connection-verdict';

/**
 * Enforce `connectionVerdict` in this process: every TCP/TLS/HTTP/fetch connection goes through
 * `net.Socket.prototype.connect`, every name lookup through `dns.lookup`, so guarding those two (plus
 * the DNS resolver and UDP) covers http, https, fetch (undici) and raw sockets. A refused connection
 * fails like a network error would, before any packet leaves the machine.
 *
 * Limit: it guards the test process only. A worker thread has its own copy of `net`; the runtime can
 * preload a guard into every worker and child (COURSE_PRELOAD), but doing so here changed worker
 * start-up timing enough to hide the wrong-mutex fixture of thread-safe-structures, so it is off.
 */
export function installNetGuard(): void {
  const marker = Symbol.for('course.netGuard');
  const g = globalThis as Record<symbol, unknown>;
  if (g[marker]) return;
  g[marker] = true;

  const refuse = (message: string) => Object.assign(new Error(message), { code: 'ECONNREFUSED_BY_COURSE' });

  const originalConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const verdict = connectionVerdict(socketTarget(args));
    if (!verdict.allowed) {
      const err = refuse(verdict.message);
      // Fail the way a refused connection does: asynchronously, through 'error'.
      process.nextTick(() => this.destroy(err));
      return this;
    }
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;

  const originalLookup = dns.lookup;
  (dns as { lookup: unknown }).lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    const verdict = connectionVerdict({ host: hostname, via: 'dns.lookup' });
    if (!verdict.allowed) {
      const callback = rest[rest.length - 1];
      if (typeof callback === 'function') process.nextTick(() => callback(refuse(verdict.message)));
      return {};
    }
    return (originalLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  };
  const originalPromiseLookup = dns.promises.lookup;
  (dns.promises as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) => {
    const verdict = connectionVerdict({ host: hostname, via: 'dns.promises.lookup' });
    if (!verdict.allowed) return Promise.reject(refuse(verdict.message));
    return (originalPromiseLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  };
  for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny'] as const) {
    const original = dns[name] as (...a: unknown[]) => unknown;
    (dns as Record<string, unknown>)[name] = (hostname: string, ...rest: unknown[]) => {
      const verdict = connectionVerdict({ host: hostname, via: `dns.${name}` });
      if (!verdict.allowed) {
        const callback = rest[rest.length - 1];
        if (typeof callback === 'function') process.nextTick(() => callback(refuse(verdict.message)));
        return undefined;
      }
      return original(hostname, ...rest);
    };
  }

  const originalSend = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function guardedSend(this: dgram.Socket, ...args: unknown[]) {
    const address = args.find((a, i) => i > 0 && typeof a === 'string') as string | undefined;
    const verdict = connectionVerdict({ host: address, via: 'dgram.send' });
    if (!verdict.allowed) throw refuse(verdict.message);
    return (originalSend as (...a: unknown[]) => void).apply(this, args);
  } as typeof dgram.Socket.prototype.send;
}

/** Normalise the overloads of socket.connect(options | port, host | path). */
export function socketTarget(args: readonly unknown[]): ConnectionTarget {
  let first = args[0];
  // net.connect passes [options, cb] as one normalised array in some Node versions.
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') {
    const o = first as { host?: string; hostname?: string; port?: number | string; path?: string };
    return { host: o.host ?? o.hostname, port: o.port, path: o.path, via: 'net.connect' };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first, via: 'net.connect' };
  const host = typeof args[1] === 'string' ? args[1] : undefined;
  return { host, port: first as number | string | undefined, via: 'net.connect' };
}
