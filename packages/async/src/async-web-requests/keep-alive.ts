import type { Site } from '@course/web-fixture';
import { fetchText } from './fetch-with-timeout';

export interface ConnectionRun {
  mode: 'keep-alive' | 'connection: close';
  requests: number;
  /** Distinct TCP connections the requests arrived on, as the server saw them. */
  connections: number;
  ms: number;
}

/**
 * Fetch `requests` pages one after another, either reusing the connection (fetch's default: undici
 * keeps sockets alive) or asking for a new one each time (`connection: close`). Counts connections
 * on the server's side, so the difference is a fact, not a guess.
 *
 * @example
 * const [reuse, fresh] = [await sequentialRequests(site, 20, true), await sequentialRequests(site, 20, false)];
 */
export async function sequentialRequests(
  site: Site,
  requests: number,
  keepAlive: boolean,
): Promise<ConnectionRun> {
  site.reset();
  const t0 = performance.now();
  for (let i = 0; i < requests; i++) {
    const init: RequestInit | undefined = keepAlive ? undefined : { headers: { connection: 'close' } };
    await fetchText(site.urlFor(`/page/${(i % (site.model.pages - 1)) + 1}`), { timeoutMs: 10_000, init });
  }
  return {
    mode: keepAlive ? 'keep-alive' : 'connection: close',
    requests,
    connections: new Set(site.counters.log.map((r) => r.connection)).size,
    ms: performance.now() - t0,
  };
}
