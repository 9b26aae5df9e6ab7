import { Parser } from 'htmlparser2';

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
  let title: string | undefined;
  let titleText = '';
  let inTitle = false;
  let base: string | undefined;
  const hrefs: string[] = [];

  // htmlparser2 is a tolerant streaming tokenizer: unquoted or single-quoted attributes, upper-case
  // tags and unclosed elements read the way a browser reads them, comments are comments, and
  // entities (`&amp;`) are decoded. A regex over the raw text gets each of those wrong. Callbacks
  // instead of a DOM: no tree is built for the two things we want (it is CPU work on the event
  // loop, which every other request waits behind).
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'a' && attributes.href !== undefined) hrefs.push(attributes.href);
        else if (name === 'base' && base === undefined && attributes.href !== undefined)
          base = attributes.href;
        else if (name === 'title' && title === undefined) inTitle = true;
      },
      ontext(text) {
        if (inTitle) titleText += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          title = titleText;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (title === undefined && inTitle) title = titleText; // an unclosed <title> ends with the document

  let resolveAgainst = pageUrl;
  if (base !== undefined) {
    try {
      resolveAgainst = new URL(base, pageUrl).href;
    } catch {
      // An unusable <base href> is ignored, as browsers do.
    }
  }
  const links: string[] = [];
  const invalidHrefs: string[] = [];
  for (const href of hrefs) {
    try {
      // `new URL` strips surrounding spaces and resolves `../`, `./`, `//host` and `?q` forms.
      links.push(new URL(href, resolveAgainst).href);
    } catch {
      invalidHrefs.push(href);
    }
  }
  return { title: (title ?? '').replace(/\s+/g, ' ').trim(), links, invalidHrefs };
}
