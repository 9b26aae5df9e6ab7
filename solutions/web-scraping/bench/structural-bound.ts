import { createSiteModel, NO_FEATURES } from '@course/web-fixture';

/**
 * How many rounds of one latency a perfect breadth-first crawler needs on the benchmark's site:
 * robots.txt first, then `concurrency` requests at a time, each taking exactly one round, a page's
 * links known only when it has been fetched. It is above ceil(pages / concurrency) because the crawl
 * starts from one page: the first rounds cannot fill every slot. The measured time over this bound
 * is what the machine (CPU, scheduling) added, not the crawl order.
 *
 * @example
 * structuralRounds({ pages: 2000, concurrency: 32, seed: 1 }); // 66 (ideal: 63)
 */
export function structuralRounds(options: { pages: number; concurrency: number; seed: number }): number {
  const { pages, concurrency, seed } = options;
  const origin = 'http://127.0.0.1:1';
  const model = createSiteModel({ seed, pages, origin, features: NO_FEATURES });
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const inFlight: Array<{ path: string; done: number }> = [];
  let now = 1; // robots.txt took the first round
  while (queue.length > 0 || inFlight.length > 0) {
    while (inFlight.length < concurrency && queue.length > 0)
      inFlight.push({ path: queue.shift()!, done: now + 1 });
    inFlight.sort((a, b) => a.done - b.done);
    const next = inFlight.shift()!;
    now = next.done;
    const resource = model.resolve(next.path);
    if (resource.kind !== 'html') continue;
    for (const link of resource.links) {
      const url = new URL(link.href, origin + next.path);
      if (url.origin !== origin) continue;
      const path = url.pathname + url.search;
      if (!seen.has(path) && seen.size < pages) {
        seen.add(path);
        queue.push(path);
      }
    }
  }
  return now;
}
