/**
 * The site's robots.txt and the one rule the ground truth applies: a path is disallowed when it
 * starts with a `Disallow:` prefix (the original robots.txt prefix semantics, RFC 9309 §2.2.2).
 */

/** Paths every user agent is asked not to fetch. A polite crawler never requests these. */
export const DISALLOWED_PREFIXES: readonly string[] = ['/private/', '/admin'];

/** The robots.txt text the site serves. */
export function robotsTxt(origin: string): string {
  return [
    '# Test site: please do not crawl the private area.',
    'User-agent: *',
    ...DISALLOWED_PREFIXES.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}

/**
 * Whether robots.txt disallows a path (with its query string, if any).
 *
 * @example
 * isDisallowed('/private/3'); // true
 * isDisallowed('/page/3');    // false
 */
export function isDisallowed(pathAndQuery: string): boolean {
  return DISALLOWED_PREFIXES.some((prefix) => pathAndQuery.startsWith(prefix));
}
