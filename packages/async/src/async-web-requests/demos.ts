import type { Site } from '@course/web-fixture';
import { fetchBatch } from './fetch-batch';
import { fetchWithRetry } from './fetch-with-retry';
import { fetchText } from './fetch-with-timeout';

export interface ConcurrencyRun {
  label: string;
  concurrency: number;
  ms: number;
  maxInFlight: number;
  ok: number;
}

/** Fetch the same URLs sequentially, bounded and unbounded; the server counts what was in flight. */
export async function compareConcurrency(
  site: Site,
  urls: readonly string[],
  bound: number,
  signal?: AbortSignal,
): Promise<ConcurrencyRun[]> {
  const runs: ConcurrencyRun[] = [];
  for (const [label, concurrency] of [
    ['sequential', 1],
    [`bounded (${bound})`, bound],
    ['unbounded', Number.POSITIVE_INFINITY],
  ] as const) {
    site.reset();
    const t0 = performance.now();
    const outcomes = await fetchBatch(urls, { concurrency, timeoutMs: 10_000, signal });
    runs.push({
      label,
      concurrency,
      ms: performance.now() - t0,
      maxInFlight: site.counters.maxInFlight,
      ok: outcomes.filter((o) => o.status === 200).length,
    });
  }
  return runs;
}

/** One request to a path that never answers, with a timeout: how long it took and how it ended. */
export async function timeoutDemo(
  site: Site,
  path: string,
  timeoutMs: number,
): Promise<{ name: string; ms: number }> {
  const t0 = performance.now();
  const err = await fetchText(site.urlFor(path), { timeoutMs }).then(
    () => new Error('expected a timeout, got an answer'),
    (e: Error) => e,
  );
  return { name: err.name, ms: performance.now() - t0 };
}

/** A flaky path (fails `failures` times) fetched with retries: attempts, waits and the server's count. */
export async function retryDemo(site: Site, path: string, baseMs: number) {
  site.reset();
  const r = await fetchWithRetry(site.urlFor(path), {
    policy: { retries: 4, baseMs, maxMs: 2_000 },
    timeoutMs: 5_000,
  });
  const starts = site.counters.log.filter((l) => l.path === path).map((l) => l.startedAt);
  return {
    status: r.status,
    attempts: r.attempts,
    waits: r.waits,
    serverSaw: site.counters.requestsTo(path),
    gapsMs: starts.slice(1).map((t, i) => t - starts[i]!),
  };
}

/** Start a batch, cancel it once `afterRequests` have reached the server, and report what the server saw. */
export async function cancelDemo(
  site: Site,
  urls: readonly string[],
  concurrency: number,
  afterRequests: number,
) {
  site.reset();
  const controller = new AbortController();
  const batch = fetchBatch(urls, { concurrency, timeoutMs: 10_000, signal: controller.signal });
  await site.waitForRequests(afterRequests);
  controller.abort(new Error('user cancelled the batch'));
  const outcomes = await batch;
  return {
    urls: urls.length,
    cancelled: outcomes.filter((o) => o.error !== undefined).length,
    serverReceived: site.counters.total,
  };
}
