import { createServer } from 'node:net';

/**
 * Ask the OS for a free TCP port on 127.0.0.1: bind port 0, read the port, close.
 *
 * Warning: the port is free only at that instant; another process may take it before you bind it
 * (a time-of-check/time-of-use race). Callers retry on "address already in use".
 *
 * @example
 * const port = await freePort(); // e.g. 41873
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() =>
        port > 0 ? resolve(port) : reject(new Error('The OS gave no port for 127.0.0.1:0')),
      );
    });
  });
}
