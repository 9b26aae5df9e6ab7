import { escapeXml } from './escape';

export interface HtmlSection {
  heading: string;
  /** Trusted HTML (an SVG from the chart writers, a table from htmlTable). */
  html: string;
  note?: string;
}

/**
 * One self-contained HTML page (inline CSS, inline SVG, no scripts, no network) that opens from disk.
 */
export function htmlPage({
  title,
  intro,
  sections,
}: {
  title: string;
  intro?: string;
  sections: readonly HtmlSection[];
}): string {
  const body = sections
    .map(
      (s) =>
        `<section>\n<h2>${escapeXml(s.heading)}</h2>\n${s.note ? `<p>${escapeXml(s.note)}</p>\n` : ''}${s.html}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 980px; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; } th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #ddd; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
${intro ? `<p>${escapeXml(intro)}</p>` : ''}
${body}
</body>
</html>
`;
}

/** A plain HTML table; numbers are right-aligned. */
export function htmlTable(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const head = `<tr>${headers.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr>`;
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c) => (typeof c === 'number' ? `<td class="num">${c}</td>` : `<td>${escapeXml(c)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
