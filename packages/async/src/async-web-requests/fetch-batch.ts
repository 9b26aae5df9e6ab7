import { type FetchedText, fetchText } from './fetch-with-timeout';
import { createLimiter } from './limiter';

export interface BatchOutcome {
  url: string;
  status?: number;
  /** `name: message` of the error, if the request failed or was cancelled. */
  error?: string;
}

export interface BatchOptions {
  /** 1 = sequential, Infinity = everything at once (unbounded), n = at most n at a time. */
  concurrency: number;
  timeoutMs: number;
  /** Aborting cancels the whole batch: running requests are aborted, queued ones never start. */
  signal?: AbortSignal;
  fetchOne?: (url: string, signal: AbortSignal | undefined, timeoutMs: number) => Promise<FetchedText>;
}

/**
 * Fetch every URL with a concurrency limit and collect one outcome per URL, in input order. One
 * failure does not stop the others (allSettled semantics); a cancelled batch resolves with every
 * unfinished URL marked as aborted, and never starts a request after the abort.
 *
 * @example
 * const outcomes = await fetchBatch(urls, { concurrency: 4, timeoutMs: 5_000 });
 */
export async function fetchBatch(urls: readonly string[], options: BatchOptions): Promise<BatchOutcome[]> {
  const { signal, timeoutMs } = options;
  const fetchOne = options.fetchOne ?? ((url, s, ms) => fetchText(url, { timeoutMs: ms, signal: s }));
  const limit = createLimiter(options.concurrency);
  const settled = await Promise.allSettled(
    urls.map((url) =>
      limit(() => {
        // Checked when the slot opens, not when queued: a batch cancelled while this URL waited must not start it.
        signal?.throwIfAborted();
        return fetchOne(url, signal, timeoutMs);
      }),
    ),
  );
  return settled.map((s, i) => {
    const url = urls[i]!;
    if (s.status === 'fulfilled') return { url, status: s.value.status };
    const e = s.reason as Error;
    return { url, error: `${e.name}: ${e.message}` };
  });
}
