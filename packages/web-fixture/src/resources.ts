/** What the site serves at a URL, before any fault is applied. Pure data; `render-html.ts` turns it into bytes. */

export type LinkKind =
  | 'relative'
  | 'absolute-path'
  | 'absolute-url'
  | 'fragment'
  | 'query'
  | 'external'
  | 'mailto';

/** One `<a href>` as written in the page. `href` is what a parser extracts (before URL resolution). */
export interface Link {
  href: string;
  text: string;
  kind: LinkKind;
}

export type Resource =
  | {
      kind: 'html';
      title: string;
      links: Link[];
      paragraphs: string[];
      /** `malformed`: sloppy markup that a tolerant parser still reads; `oversized`: padded to a size. */
      variant: 'normal' | 'malformed' | 'oversized';
      /** Usually `text/html; charset=utf-8`; a mislabelled resource says otherwise. */
      contentType: string;
    }
  | { kind: 'redirect'; status: 301 | 302; location: string }
  | { kind: 'file'; contentType: string; body: Buffer }
  | { kind: 'not-found' };

/** Which optional parts of the site exist and are linked from the home page. All default to true. */
export interface SiteFeatures {
  /** The endless calendar and the redirect loop. */
  traps: boolean;
  /** `/old/<n>` permanent redirects to pages. */
  redirects: boolean;
  /** Images, a PDF, JSON. */
  resources: boolean;
  /** Malformed HTML, an oversized page, wrong content types. */
  oddities: boolean;
  /** Links to other origins and mailto: (never to be fetched). */
  external: boolean;
  /** Links into robots-disallowed paths. */
  disallowed: boolean;
}

export const ALL_FEATURES: SiteFeatures = {
  traps: true,
  redirects: true,
  resources: true,
  oddities: true,
  external: true,
  disallowed: true,
};

/** Every feature off: plain HTML pages linking to each other, for tests and benches about timing or counts. */
export const NO_FEATURES: SiteFeatures = {
  traps: false,
  redirects: false,
  resources: false,
  oddities: false,
  external: false,
  disallowed: false,
};

/**
 * Hosts a crawler must never fetch. All are reserved by RFC 2606 / RFC 6761 (`example.*`, `.invalid`,
 * `.test`), so even a broken crawler that follows them cannot reach a real site.
 */
export const EXTERNAL_ORIGINS: readonly string[] = [
  'https://example.com',
  'http://example.org',
  'https://www.example.net',
  'http://shop.example.invalid',
  'https://docs.example.test',
];
