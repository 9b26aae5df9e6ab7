import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPage } from '@course/test-support/chromium';
import type { MermaidBlock } from './markdown';

export interface Rendered {
  block: MermaidBlock;
  svg?: string;
  /** Width and height of the drawn SVG in the page, to prove it has a real size. */
  box?: { width: number; height: number };
  error?: string;
}

/**
 * Render Mermaid blocks with the real mermaid library in headless Chromium (a page that loads
 * mermaid's own browser bundle from node_modules). A syntax error comes back as `error`, with the
 * block's file and line kept for the message.
 */
export async function renderMermaid(blocks: readonly MermaidBlock[], workDir: string): Promise<Rendered[]> {
  const mermaidJs = require.resolve('mermaid/dist/mermaid.min.js');
  const page = join(workDir, 'mermaid.html');
  writeFileSync(
    page,
    `<!doctype html><html><head><meta charset="utf-8"><script src="file://${mermaidJs}"></script></head><body><div id="out"></div></body></html>`,
  );
  return withPage(page, async (p) => {
    const results: Rendered[] = [];
    for (const [i, block] of blocks.entries()) {
      const r = await p.evaluate(
        async ({ source, id }) => {
          const m = (
            globalThis as unknown as {
              mermaid: {
                initialize(o: object): void;
                render(id: string, s: string): Promise<{ svg: string }>;
              };
            }
          ).mermaid;
          // SVG text labels (not HTML in foreignObject) so the written .svg files are valid XML on their own.
          m.initialize({
            startOnLoad: false,
            securityLevel: 'strict',
            htmlLabels: false,
            flowchart: { htmlLabels: false },
          });
          try {
            const { svg } = await m.render(id, source);
            const xmlError = new DOMParser()
              .parseFromString(svg, 'image/svg+xml')
              .querySelector('parsererror');
            if (xmlError) return { error: `the SVG is not valid XML: ${xmlError.textContent}` };
            const host = document.getElementById('out')!;
            host.innerHTML = svg;
            const el = host.querySelector('svg')!;
            const rect = el.getBoundingClientRect();
            return { svg, box: { width: rect.width, height: rect.height } };
          } catch (e) {
            return { error: String((e as Error).message ?? e) };
          }
        },
        { source: block.source, id: `diagram${i}` },
      );
      results.push({ block, ...r });
    }
    return results;
  });
}
