/**
 * Task 2. The one rule for "is this the same URL?": two links that normalise to the same string are
 * fetched once.
 *
 * Rules (README, Task 2):
 * 1. resolve `href` against `base` with the WHATWG URL parser (`new URL(href, base)`): this lowercases
 *    the scheme and host, drops the default port (`:80` for http, `:443` for https), resolves `.`
 *    and `..` segments, turns an empty path into `/` and percent-encodes what must be encoded;
 * 2. only `http:` and `https:` URLs are crawlable: anything else (or an href that does not parse)
 *    gives `null`;
 * 3. drop the fragment (`#...`): it names a place in the page, not another page;
 * 4. drop an empty query (`/a?` becomes `/a`); keep a non-empty query exactly as it is (order matters);
 * 5. in the path and query, decode percent-escapes of unreserved characters (`A-Z a-z 0-9 - . _ ~`,
 *    RFC 3986 §6.2.2.2) and write the remaining escapes in upper case (`%2f` becomes `%2F`, §6.2.2.1);
 * 6. leave trailing slashes alone: `/docs` and `/docs/` are different resources.
 *
 * @example
 * normalizeUrl('../b/%7Euser/?#top', 'HTTP://Example.COM:80/a/c'); // 'http://example.com/b/~user/'
 * normalizeUrl('mailto:someone@example.com');                      // null
 */
export function normalizeUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base); // rule 1
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null; // rule 2
  url.hash = ''; // rule 3
  if (url.search === '') url.search = ''; // rule 4: `search` reads '' for both "no ?" and a lone "?"; assigning removes the "?"
  url.pathname = normalizeEscapes(url.pathname); // rule 5
  if (url.search !== '') url.search = normalizeEscapes(url.search);
  return url.href;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** `%7e` -> `~` (unreserved: same character either way), `%2f` -> `%2F` (reserved: keep, upper case). */
function normalizeEscapes(text: string): string {
  return text.replace(/%[0-9a-fA-F]{2}/g, (percentEscape) => {
    const char = String.fromCharCode(Number.parseInt(percentEscape.slice(1), 16));
    return UNRESERVED.test(char) ? char : percentEscape.toUpperCase();
  });
}

/**
 * Task 2. Whether two absolute URLs share an origin (scheme, host and port): the crawler follows
 * only links whose origin is the start URL's.
 *
 * @example
 * isSameOrigin('http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b?x'); // true
 * isSameOrigin('http://127.0.0.1:8080/a', 'http://127.0.0.1:9/a');      // false (another port)
 */
export function isSameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}
