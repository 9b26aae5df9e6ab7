import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_FEATURES, startSite } from '@course/web-fixture';
import type { IoItem } from './io-item';

export interface IoJobOptions {
  /** Requests to the local site. */
  requests: number;
  /** Latency the site adds to every response. */
  latencyMs: number;
  /** Files to read. */
  files: number;
  fileBytes: number;
}

export interface IoJob {
  items: IoItem[];
  /** Live request counters of the site (max in flight, connections). */
  site: Awaited<ReturnType<typeof startSite>>;
  dispose(): Promise<void>;
}

/**
 * The same I/O job for every runner: requests to a local site with realistic latency, interleaved
 * with reads of real files in a temp folder. Everything stays on this machine (127.0.0.1).
 */
export async function prepareIoJob(options: IoJobOptions): Promise<IoJob> {
  const site = await startSite({
    seed: 7,
    pages: Math.max(2, options.requests),
    latencyMs: options.latencyMs,
    features: NO_FEATURES,
  });
  const dir = mkdtempSync(join(tmpdir(), 'course-io-bound-'));
  const items: IoItem[] = [];
  for (let i = 0; i < Math.max(options.requests, options.files); i++) {
    if (i < options.requests) items.push({ kind: 'url', url: site.urlFor(i === 0 ? '/' : `/page/${i}`) });
    if (i < options.files) {
      const path = join(dir, `file-${i}.bin`);
      writeFileSync(path, Buffer.alloc(options.fileBytes, i % 256));
      items.push({ kind: 'file', path });
    }
  }
  return {
    items,
    site,
    async dispose() {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
