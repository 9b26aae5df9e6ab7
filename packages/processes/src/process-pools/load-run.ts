import { get } from 'node:http';
import { withTimeout } from '@course/runtime';

export interface LoadRunResult {
  /** Responses per worker pid. */
  byPid: Map<number, number>;
  failed: number;
  ms: number;
}

function oneRequest(port: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // agent: false -> a new connection per request, so the primary's round-robin sees every one.
    const req = get({ host: '127.0.0.1', port, path: '/', agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(Number.parseInt(body, 10)));
      res.on('error', reject);
    });
    req.on('timeout', () =>
      req.destroy(new Error(`no answer from 127.0.0.1:${port} within ${timeoutMs} ms`)),
    );
    req.on('error', reject);
  });
}

/**
 * A bounded local load run: `requests` GETs to 127.0.0.1:`port`, at most `concurrency` at a time,
 * each with its own budget, counting which worker pid answered. Loopback only, by construction.
 *
 * @example
 * const r = await loadRun(port, { requests: 100, concurrency: 8 }); // r.byPid: Map { 1234 => 50, 1235 => 50 }
 */
export async function loadRun(
  port: number,
  { requests, concurrency, timeoutMs = 5_000 }: { requests: number; concurrency: number; timeoutMs?: number },
): Promise<LoadRunResult> {
  const byPid = new Map<number, number>();
  let failed = 0;
  let next = 0;
  const t0 = performance.now();
  const lane = async () => {
    while (next < requests) {
      next++;
      try {
        const pid = await oneRequest(port, timeoutMs);
        byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
      } catch {
        failed++;
      }
    }
  };
  await withTimeout(Promise.all(Array.from({ length: concurrency }, lane)), timeoutMs * requests, 'load run');
  return { byPid, failed, ms: performance.now() - t0 };
}
