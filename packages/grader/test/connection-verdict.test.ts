import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectionVerdict, isLoopback } from '../src/guard/connection-verdict';
import { installNetGuard, socketTarget } from '../src/guard/install-net-guard';

describe('isLoopback', () => {
  it('accepts 127.0.0.0/8, ::1, mapped IPv4 loopback and the localhost names', () => {
    for (const h of [
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
      'localhost',
      'LOCALHOST',
    ]) {
      expect(isLoopback(h), h).toBe(true);
    }
  });

  it('refuses every other address and name', () => {
    for (const h of [
      '10.0.0.1',
      '192.168.1.1',
      '0.0.0.0',
      '::',
      '::ffff:8.8.8.8',
      'example.com',
      'localhost.example.com',
      '128.0.0.1',
    ]) {
      expect(isLoopback(h), h).toBe(false);
    }
  });
});

describe('connectionVerdict', () => {
  it('allows loopback, the default host and local socket paths', () => {
    expect(connectionVerdict({ host: '127.0.0.1', port: 80, via: 'net.connect' })).toEqual({ allowed: true });
    expect(connectionVerdict({ via: 'net.connect', port: 80 })).toEqual({ allowed: true });
    expect(connectionVerdict({ path: '/tmp/x.sock', via: 'net.connect' })).toEqual({ allowed: true });
  });

  it('refuses an outside host with a message naming it and what is allowed', () => {
    const v = connectionVerdict({ host: 'example.com', port: 443, via: 'fetch' });
    expect(v.allowed).toBe(false);
    expect(v.allowed ? '' : v.message).toMatch(
      /^Blocked a network connection to example\.com:443 \(fetch\): exercise tests may only reach this machine \(127\.0\.0\.1, ::1 or localhost\)/,
    );
  });
});

describe('socketTarget', () => {
  it('reads every overload of socket.connect', () => {
    expect(socketTarget([{ host: 'a.test', port: 1 }])).toMatchObject({ host: 'a.test', port: 1 });
    expect(socketTarget([[{ host: 'b.test', port: 2 }, null]])).toMatchObject({ host: 'b.test', port: 2 });
    expect(socketTarget([8080, 'c.test'])).toMatchObject({ host: 'c.test', port: 8080 });
    expect(socketTarget([8080])).toMatchObject({ host: undefined, port: 8080 });
    expect(socketTarget(['/tmp/s.sock'])).toMatchObject({ path: '/tmp/s.sock' });
  });
});

describe('installNetGuard', () => {
  it('still lets a test talk to a server on 127.0.0.1 (TCP and fetch)', async () => {
    installNetGuard();
    const server = createServer((s) => s.end('hello')).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    try {
      const socket = connect(port, '127.0.0.1');
      const [data] = await once(socket, 'data');
      expect(String(data)).toBe('hello');
      socket.destroy();
      const http = createServerHttp();
      await once(http, 'listening');
      const res = await fetch(`http://127.0.0.1:${(http.address() as { port: number }).port}/`);
      expect(await res.text()).toBe('ok');
      await new Promise((r) => http.close(r));
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

function createServerHttp() {
  return createHttpServer((_req, res) => {
    res.setHeader('connection', 'close');
    res.end('ok');
  }).listen(0, '127.0.0.1');
}
