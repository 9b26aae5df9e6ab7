import type { Link, Resource, SiteFeatures } from './resources';
import { robotsTxt } from './robots';

/** The path of ordinary page `i` (0 is the home page). */
export function pagePath(i: number): string {
  return i === 0 ? '/' : `/page/${i}`;
}

export interface SpecialContext {
  seed: number;
  pages: number;
  origin: string;
  features: SiteFeatures;
  oversizeBytes: number;
}

const HTML = 'text/html; charset=utf-8';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function htmlPage(
  title: string,
  links: Link[],
  variant: 'normal' | 'malformed' | 'oversized' = 'normal',
): Resource {
  return { kind: 'html', title, links, paragraphs: [], variant, contentType: HTML };
}

/**
 * Everything that is not an ordinary page: robots.txt, the sitemap, traps, redirects, resources,
 * oddities and the private area (each only if its feature is on). Unknown paths are 404.
 */
export function special(path: string, c: SpecialContext): Resource {
  const { features: f } = c;
  if (path === '/robots.txt')
    return { kind: 'file', contentType: 'text/plain; charset=utf-8', body: Buffer.from(robotsTxt(c.origin)) };
  if (path === '/sitemap.xml')
    return { kind: 'file', contentType: 'application/xml', body: Buffer.from(sitemapXml(c.origin, c.pages)) };

  if (f.traps) {
    // The endless calendar: every month links to the next one, forever. Only a depth or page limit stops a crawler.
    const cal = /^\/calendar\/(\d{4})\/(0[1-9]|1[0-2])$/.exec(path);
    if (cal) {
      const year = Number(cal[1]);
      const month = Number(cal[2]);
      const nextMonth = month === 12 ? `${year + 1}/01` : `${year}/${String(month + 1).padStart(2, '0')}`;
      const prevMonth = month === 1 ? `${year - 1}/12` : `${year}/${String(month - 1).padStart(2, '0')}`;
      const links: Link[] = [{ href: `/calendar/${nextMonth}`, text: 'Next month', kind: 'absolute-path' }];
      if (year > 1000)
        links.push({ href: `/calendar/${prevMonth}`, text: 'Previous month', kind: 'absolute-path' });
      if (year < 9999) return htmlPage(`Calendar: ${MONTHS[month - 1]} ${year}`, links);
    }
    if (path === '/loop/a') return { kind: 'redirect', status: 302, location: '/loop/b' };
    if (path === '/loop/b') return { kind: 'redirect', status: 302, location: '/loop/a' };
  }
  if (f.redirects) {
    const old = /^\/old\/([0-9]+)$/.exec(path);
    if (old && Number(old[1]) < c.pages)
      return { kind: 'redirect', status: 301, location: pagePath(Number(old[1])) };
  }
  if (f.resources) {
    if (path === '/img/logo.png') return { kind: 'file', contentType: 'image/png', body: TINY_PNG };
    if (path === '/docs/guide.pdf')
      return { kind: 'file', contentType: 'application/pdf', body: Buffer.from(MINI_PDF) };
    if (path === '/api/stats.json') {
      return {
        kind: 'file',
        contentType: 'application/json',
        body: Buffer.from(JSON.stringify({ seed: c.seed, pages: c.pages })),
      };
    }
  }
  if (f.oddities) {
    const p1 = Math.min(1, c.pages - 1);
    const p2 = Math.min(2, c.pages - 1);
    const p3 = Math.min(3, c.pages - 1);
    if (path === '/broken') {
      // What a tolerant HTML parser extracts from the sloppy markup in render-html.ts.
      return htmlPage(
        'Sloppy markup',
        [
          { href: pagePath(p1), text: 'unquoted', kind: 'absolute-path' },
          { href: pagePath(p2), text: 'single-quoted, upper case', kind: 'absolute-path' },
          { href: pagePath(p3), text: 'padded with spaces', kind: 'absolute-path' },
        ],
        'malformed',
      );
    }
    if (path === '/big')
      return htmlPage('A very long page', [{ href: '/', text: 'Home', kind: 'absolute-path' }], 'oversized');
    if (path === '/notes.txt') {
      // Looks like HTML but is labelled text/plain: a crawler must not follow links out of it.
      return {
        kind: 'file',
        contentType: 'text/plain; charset=utf-8',
        body: Buffer.from('Notes. <a href="/from-a-text-file">not a link</a>\n'),
      };
    }
    if (path === '/download/data.bin') {
      // Binary bytes labelled text/html: a crawler that trusts the header must survive parsing garbage.
      return {
        kind: 'file',
        contentType: HTML,
        body: Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)),
      };
    }
  }
  if (f.disallowed) {
    const priv = /^\/private\/([1-9][0-9]*)$/.exec(path);
    if (priv && Number(priv[1]) <= 5) {
      const n = Number(priv[1]);
      const links: Link[] =
        n < 5 ? [{ href: `/private/${n + 1}`, text: 'More secrets', kind: 'absolute-path' }] : [];
      return htmlPage(`Private ${n}`, links);
    }
    if (path === '/admin')
      return htmlPage('Admin', [{ href: '/private/1', text: 'Private', kind: 'absolute-path' }]);
  }
  return { kind: 'not-found' };
}

/** The sitemap lists every ordinary page (absolute URLs, as the protocol requires). */
export function sitemapXml(origin: string, pages: number): string {
  const urls = Array.from({ length: pages }, (_, i) => `  <url><loc>${origin}${pagePath(i)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

// A 1×1 transparent PNG.
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const MINI_PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
