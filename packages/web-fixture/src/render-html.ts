import type { Resource } from './resources';

type HtmlResource = Resource & { kind: 'html' };

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Render a well-formed page (or the sloppy one) as a string. The oversized page streams; see `oversizedChunks`. */
export function renderHtml(page: HtmlResource): string {
  if (page.variant === 'malformed') return renderMalformed(page);
  const items = page.links.map(
    (l) => `      <li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`,
  );
  const paras = page.paragraphs.map((p) => `    <p>${escapeHtml(p)}</p>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '  <meta charset="utf-8">',
    `  <title>${escapeHtml(page.title)}</title>`,
    '</head>',
    '<body id="top">',
    `  <h1>${escapeHtml(page.title)}</h1>`,
    '  <main>',
    ...paras,
    '    <ul>',
    ...items,
    '    </ul>',
    '  </main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Markup browsers accept and naive regex parsers do not: no doctype, upper-case tags, unquoted and
 * single-quoted attributes, spaces inside href, unclosed elements, an anchor without href, a link
 * inside a comment (which is NOT a link).
 */
function renderMalformed(page: HtmlResource): string {
  const [a, b, c] = page.links;
  return [
    `<HTML><HEAD><TITLE>${escapeHtml(page.title)}</TITLE>`,
    '</HEAD><BODY>',
    '<p>An unclosed paragraph <b>bold and never closed',
    '<!-- <a href="/commented-out">a link inside a comment is not a link</a> -->',
    a ? `<a href=${a.href} class=x>${escapeHtml(a.text)}</a>` : '',
    b ? `<A HREF='${b.href}'>${escapeHtml(b.text)}</A>` : '',
    c ? `<a   href="  ${c.href}  "\n   >${escapeHtml(c.text)}</a>` : '',
    '<a name="anchor-without-href">no href</a>',
    '<div><span>nested and unclosed',
    '',
  ].join('\n');
}

/**
 * The oversized page as chunks of about 64 KiB, totalling `bytes`: a title and one link up front,
 * then filler. Produced lazily so a 50 MiB page costs no 50 MiB string.
 */
export function* oversizedChunks(page: HtmlResource, bytes: number): Generator<Buffer> {
  const head = Buffer.from(
    `<!doctype html>\n<html><head><title>${escapeHtml(page.title)}</title></head><body>\n` +
      page.links.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a>\n`).join(''),
  );
  const tail = Buffer.from('</body></html>\n');
  yield head;
  const filler = Buffer.from(
    '<p>filler filler filler filler filler filler filler filler filler filler.</p>\n',
  );
  let left = Math.max(0, bytes - head.length - tail.length);
  const block = Buffer.concat(Array.from({ length: Math.ceil(65536 / filler.length) }, () => filler));
  while (left > 0) {
    const n = Math.min(left, block.length);
    yield block.subarray(0, n);
    left -= n;
  }
  yield tail;
}
