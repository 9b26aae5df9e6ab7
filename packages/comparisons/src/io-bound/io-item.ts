import { readFile } from 'node:fs/promises';

/** One unit of the I/O job: a request to the local site, or a file to read. */
export type IoItem = { kind: 'url'; url: string } | { kind: 'file'; path: string };

/**
 * Do one item and return how many bytes it produced. Every request has a budget; a failure names
 * the URL or file, so a broken run never reads as a fast one.
 */
export async function doItem(item: IoItem, timeoutMs = 10_000): Promise<number> {
  if (item.kind === 'file') return (await readFile(item.path)).byteLength;
  const res = await fetch(item.url, { signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET ${item.url} answered ${res.status}, expected 200`);
  return body.byteLength;
}

/** Do a share of the items one after another: the thread-per-connection (blocking) style. */
export async function doSequentially(items: readonly IoItem[]): Promise<number> {
  let bytes = 0;
  for (const item of items) bytes += await doItem(item);
  return bytes;
}

/** What a worker thread or child process reports back about its share. */
export interface ShareReport {
  bytes: number;
  /** CPU time of the child (processes only; a worker's CPU time is already in the parent's). */
  cpuMs: number;
  /** Resident memory of the child at the end (processes only). */
  rssBytes: number;
}
