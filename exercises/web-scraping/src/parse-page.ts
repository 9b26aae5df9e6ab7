// The parser is yours to choose; htmlparser2 is installed (see hints.md, Task 1).

/** What `parsePage` finds in one HTML document. */
export interface ParsedPage {
  /** The text of the first `<title>`, whitespace collapsed to single spaces and trimmed; `''` if none. */
  title: string;
  /** Every `<a href>` in document order, resolved to an absolute URL string (fragments kept). */
  links: string[];
  /** The hrefs that do not resolve to a URL at all (e.g. `http://exa mple.com`), as written. */
  invalidHrefs: string[];
}

/**
 * Task 1. Parse an HTML document with a real HTML parser and return its title and links.
 *
 * Links are resolved the way a browser resolves them: against the document's first `<base href>`
 * if it has one, else against `pageUrl`, with `new URL(href, base)`. Nothing is filtered or
 * deduplicated here (a `mailto:` link is returned as `mailto:...`): deciding what to follow is the
 * crawler's job. Links inside comments or scripts are not links; neither is an `<a>` without `href`.
 *
 * @example
 * parsePage('<title> Hi </title><a href="b#x">B</a>', 'http://127.0.0.1:8080/a/');
 * // { title: 'Hi', links: ['http://127.0.0.1:8080/a/b#x'], invalidHrefs: [] }
 */
export function parsePage(html: string, pageUrl: string): ParsedPage {
  throw new Error(`Not implemented yet: parsePage of ${html.length} characters from ${pageUrl} (Task 1)`);
}
