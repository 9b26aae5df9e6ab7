export interface TimeoutOptions {
  /** Budget for the whole exchange: connect, headers and body. */
  timeoutMs: number;
  /** An outer signal (the batch's, the user's): either one aborting stops the request. */
  signal?: AbortSignal;
  init?: RequestInit;
}

export interface FetchedText {
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

/**
 * `fetch` with a per-request timeout, combined with an optional outer signal, and the body read
 * under the same budget (a server that sends headers fast and the body slowly is still cut off).
 *
 * On timeout it rejects with a `TimeoutError`; on the outer signal, with that signal's reason
 * (an `AbortError` by default).
 *
 * @example
 * const page = await fetchText(site.urlFor('/page/1'), { timeoutMs: 2_000 });
 */
export async function fetchText(url: string, options: TimeoutOptions): Promise<FetchedText> {
  const signals = [AbortSignal.timeout(options.timeoutMs)];
  if (options.signal) signals.push(options.signal);
  const res = await fetch(url, { ...options.init, signal: AbortSignal.any(signals) });
  const text = await res.text();
  return { url: res.url, status: res.status, headers: res.headers, text };
}
