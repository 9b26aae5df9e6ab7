import { isDisallowed } from './robots';
import type { SiteModel } from './site-model';

export interface GroundTruthOptions {
  /** Follow links at most this many hops from the start page (the start page is depth 0). */
  maxDepth?: number;
  /**
   * Stop after this many HTML pages. Which pages depends on visit order; the truth is that of a
   * sequential breadth-first crawl in link order, so compare a concurrent crawler by count only.
   */
  maxPages?: number;
  /** Skip robots.txt-disallowed paths. Default true. */
  obeyRobots?: boolean;
  /** Redirect hops before giving up on a URL. Default 5. */
  maxRedirects?: number;
}

export interface GroundTruth {
  /** Same-origin URLs answered 200 with `text/html`, fragment removed, sorted. */
  pages: string[];
  /** Same-origin URLs answered 200 with anything else (image, PDF, JSON, text), sorted. */
  resources: string[];
  /** Each redirect hop followed. A redirect does not add depth. */
  redirects: Array<{ from: string; to: string }>;
  /** URLs that could not be fetched: `404`, or `redirect-loop`, sorted by URL. */
  broken: Array<{ url: string; reason: string }>;
  /** Links to other origins or non-HTTP schemes (mailto:). Never to be fetched. Unique, sorted. */
  external: string[];
  /** Same-origin URLs skipped because robots.txt disallows them (empty when robots are ignored). */
  disallowed: string[];
  /** Depth of each page and resource. */
  depth: Record<string, number>;
}

/**
 * What a correct crawler collects from the start page, computed from the site's model (not over
 * HTTP, and ignoring injected faults). Rules: resolve each href against the page's URL (WHATWG
 * URL, like `new URL(href, base)`), drop the fragment, keep the query; follow only http(s) URLs of
 * the same origin; skip robots-disallowed paths; parse links only out of `text/html` responses;
 * follow redirects without adding depth.
 *
 * @example
 * const truth = site.groundTruth({ maxDepth: 3 });
 * expect(crawl.pages.sort()).toEqual(truth.pages);
 */
export function groundTruth(model: SiteModel, options: GroundTruthOptions = {}): GroundTruth {
  const {
    maxDepth = Number.POSITIVE_INFINITY,
    maxPages = Number.POSITIVE_INFINITY,
    obeyRobots = true,
    maxRedirects = 5,
  } = options;
  if (
    model.features.traps &&
    maxDepth === Number.POSITIVE_INFINITY &&
    maxPages === Number.POSITIVE_INFINITY
  ) {
    throw new Error(
      'web-fixture groundTruth: the calendar is endless; give maxDepth or maxPages (or start the site with features.traps = false)',
    );
  }
  const start = `${model.origin}/`;
  const truth: GroundTruth = {
    pages: [],
    resources: [],
    redirects: [],
    broken: [],
    external: [],
    disallowed: [],
    depth: {},
  };
  const external = new Set<string>();
  const disallowed = new Set<string>();
  const seen = new Set<string>([start]);
  const queue: Array<{ url: string; depth: number }> = [{ url: start, depth: 0 }];

  /** Classify a URL: null if it must not be fetched (recorded as external or disallowed). */
  const admissible = (url: URL): string | null => {
    url.hash = '';
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== model.origin) {
      external.add(url.href);
      return null;
    }
    if (obeyRobots && isDisallowed(url.pathname + url.search)) {
      disallowed.add(url.href);
      return null;
    }
    return url.href;
  };

  for (let head = 0; head < queue.length && truth.pages.length < maxPages; head++) {
    const { url, depth } = queue[head]!;
    let current = url;
    let resource = model.resolve(pathOf(current));
    const chain = new Set([current]);
    let stop = false;
    while (resource.kind === 'redirect' && !stop) {
      const target = admissible(new URL(resource.location, current));
      if (target === null) break; // redirected off-site or into a disallowed path: nothing to collect
      truth.redirects.push({ from: current, to: target });
      if (chain.has(target) || chain.size > maxRedirects) {
        truth.broken.push({ url, reason: 'redirect-loop' });
        stop = true;
      } else if (seen.has(target)) {
        stop = true; // the target is collected where it was first found
      } else {
        chain.add(target);
        seen.add(target);
        current = target;
        resource = model.resolve(pathOf(current));
      }
    }
    if (stop || resource.kind === 'redirect') continue;
    if (resource.kind === 'not-found') {
      truth.broken.push({ url: current, reason: '404' });
      continue;
    }
    truth.depth[current] = depth;
    const isHtml = resource.contentType.startsWith('text/html');
    if (!isHtml) {
      truth.resources.push(current);
      continue;
    }
    truth.pages.push(current);
    if (resource.kind !== 'html' || depth >= maxDepth) continue;
    for (const link of resource.links) {
      // Browsers strip leading/trailing spaces from href; `new URL` does the same.
      const target = admissible(new URL(link.href, current));
      if (target !== null && !seen.has(target)) {
        seen.add(target);
        queue.push({ url: target, depth: depth + 1 });
      }
    }
  }
  truth.pages.sort();
  truth.resources.sort();
  truth.broken.sort((a, b) => a.url.localeCompare(b.url));
  truth.external = [...external].sort();
  truth.disallowed = [...disallowed].sort();
  return truth;
}

function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}
