import { intBetween, mulberry32 } from './prng';
import { ALL_FEATURES, EXTERNAL_ORIGINS, type Link, type Resource, type SiteFeatures } from './resources';
import { pagePath, special } from './special-paths';
import { sentenceFrom, titleFrom } from './words';

export interface SiteModelOptions {
  seed: number;
  /** How many ordinary pages, the home page included (`/` plus `/page/1` … `/page/<pages-1>`). */
  pages: number;
  /** `http://127.0.0.1:<port>`: absolute links and the sitemap need it. */
  origin: string;
  features?: Partial<SiteFeatures>;
  /** Size of the `/big` page in bytes. Default 2 MiB. */
  oversizeBytes?: number;
}

export interface SiteModel {
  readonly seed: number;
  readonly pages: number;
  readonly origin: string;
  readonly features: SiteFeatures;
  readonly oversizeBytes: number;
  /** What is served at a path with its query string (e.g. `/page/3?view=print`). */
  resolve(pathAndQuery: string): Resource;
  /** `/`, `/page/1`, … : the ordinary pages, in order. */
  pagePaths(): string[];
}

const MAX_PAGES = 100_000;

type HtmlResource = Extract<Resource, { kind: 'html' }>;

/**
 * Build the site's model: every page's title and links, derived from the seed alone, so two runs
 * with the same seed serve byte-identical pages and a crawler's result can be compared with
 * `groundTruth`.
 *
 * @example
 * const model = createSiteModel({ seed: 1, pages: 20, origin: 'http://127.0.0.1:8080' });
 * model.resolve('/page/3'); // { kind: 'html', title: 'The Amber Lantern', links: [...] }
 */
export function createSiteModel(options: SiteModelOptions): SiteModel {
  const { seed, pages, origin } = options;
  if (!Number.isInteger(pages) || pages < 1 || pages > MAX_PAGES) {
    throw new Error(`web-fixture: "pages" must be an integer from 1 to ${MAX_PAGES}, got ${pages}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`web-fixture: "seed" must be an integer, got ${seed}`);
  const features: SiteFeatures = { ...ALL_FEATURES, ...options.features };
  const oversizeBytes = options.oversizeBytes ?? 2 * 1024 * 1024;
  const cache = new Map<number, HtmlResource>();

  const page = (i: number): HtmlResource => {
    const cached = cache.get(i);
    if (cached) return cached;
    const fresh = ordinaryPage(i, pages, seed, origin, features);
    cache.set(i, fresh);
    return fresh;
  };

  const resolve = (pathAndQuery: string): Resource => {
    const q = pathAndQuery.indexOf('?');
    const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : pathAndQuery.slice(q + 1));
    const index = pageIndex(path, pages);
    if (index !== undefined) {
      const p = page(index);
      // The print view is a leaf: same title, no links. It exists so query-string links lead somewhere.
      if (query.get('view') === 'print') return { ...p, title: `${p.title} (print)`, links: [] };
      return p;
    }
    return special(path, { seed, pages, origin, features, oversizeBytes });
  };

  return {
    seed,
    pages,
    origin,
    features,
    oversizeBytes,
    resolve,
    pagePaths: () => Array.from({ length: pages }, (_, i) => pagePath(i)),
  };
}

function pageIndex(path: string, pages: number): number | undefined {
  if (path === '/') return 0;
  const m = /^\/page\/([1-9][0-9]*)$/.exec(path);
  if (!m) return undefined;
  const i = Number(m[1]);
  return i < pages ? i : undefined;
}

/** A link to page `j` from page `i`, written in one of the ways real sites write links. */
function linkTo(i: number, j: number, style: number, origin: string, title: string): Link {
  const target = pagePath(j);
  switch (style) {
    case 0:
      // Relative to the current directory: from `/` that is `page/j`, from `/page/i` just `j`.
      if (j === 0) return { href: i === 0 ? './' : '../', text: title, kind: 'relative' };
      return { href: i === 0 ? `page/${j}` : `${j}`, text: title, kind: 'relative' };
    case 1:
      return { href: `${origin}${target}`, text: title, kind: 'absolute-url' };
    case 2:
      // The same page as `target`: a crawler that keeps fragments fetches it twice.
      return { href: `${target}#section-${(j % 3) + 1}`, text: title, kind: 'fragment' };
    default:
      return { href: target, text: title, kind: 'absolute-path' };
  }
}

function ordinaryPage(
  i: number,
  pages: number,
  seed: number,
  origin: string,
  features: SiteFeatures,
): HtmlResource {
  const next = mulberry32(seed * 1_000_003 + i);
  const title = i === 0 ? 'Home' : titleFrom(next);
  const links: Link[] = [];
  const titleOf = (j: number) => (j === 0 ? 'Home' : `Page ${j}`);
  // A binary tree keeps every page reachable within log2(pages) hops of home...
  for (const child of [2 * i + 1, 2 * i + 2]) {
    if (child < pages) links.push(linkTo(i, child, intBetween(next, 0, 3), origin, titleOf(child)));
  }
  // ...and a few random cross links make it a graph with cycles, like a real site.
  const extra = intBetween(next, 1, 3);
  for (let k = 0; k < extra && pages > 1; k++) {
    const j = intBetween(next, 0, pages - 1);
    links.push(linkTo(i, j, intBetween(next, 0, 3), origin, titleOf(j)));
  }
  links.push({ href: '#top', text: 'Back to top', kind: 'fragment' });
  if (next() < 0.3 && pages > 1) {
    const j = intBetween(next, 1, pages - 1);
    links.push({ href: `/page/${j}?view=print`, text: `Print page ${j}`, kind: 'query' });
  }
  if (features.external && next() < 0.4) {
    const host = EXTERNAL_ORIGINS[intBetween(next, 0, EXTERNAL_ORIGINS.length - 1)]!;
    links.push({ href: `${host}/articles/${intBetween(next, 1, 999)}`, text: 'Elsewhere', kind: 'external' });
  }
  if (features.disallowed && next() < 0.15) {
    links.push({ href: `/private/${intBetween(next, 1, 5)}`, text: 'Members only', kind: 'absolute-path' });
  }
  const paragraphs = Array.from({ length: intBetween(next, 1, 3) }, () => sentenceFrom(next));
  if (i === 0) links.push(...homeExtras(pages, origin, features));
  return {
    kind: 'html',
    title,
    links,
    paragraphs,
    variant: 'normal',
    contentType: 'text/html; charset=utf-8',
  };
}

/** The home page links to every special part of the site, so a crawler meets each one. */
function homeExtras(pages: number, origin: string, f: SiteFeatures): Link[] {
  const links: Link[] = [];
  const add = (href: string, text: string, kind: Link['kind'] = 'absolute-path') =>
    links.push({ href, text, kind });
  if (f.resources) {
    add('/img/logo.png', 'Logo');
    add('/docs/guide.pdf', 'Guide (PDF)');
    add('/api/stats.json', 'Stats (JSON)');
  }
  if (f.traps) {
    add('/calendar/2024/01', 'Calendar');
    add('/loop/a', 'Go round in circles');
  }
  if (f.redirects) add(`/old/${Math.min(1, pages - 1)}`, 'Old address');
  if (f.oddities) {
    add('/broken', 'Sloppy markup');
    add('/big', 'A very long page');
    add('/notes.txt', 'Notes (plain text)');
    add('/download/data.bin', 'Data (mislabelled)');
  }
  if (f.disallowed) {
    add('/private/1', 'Private area');
    add('/admin', 'Admin');
  }
  if (f.external) {
    add(`${EXTERNAL_ORIGINS[0]}/`, 'Example', 'external');
    add('mailto:webmaster@example.com', 'Write to us', 'mailto');
    // Same host, different port: a different origin that must not be followed either.
    add(`${origin.replace(/:\d+$/, '')}:9/elsewhere`, 'Another port', 'external');
  }
  return links;
}
