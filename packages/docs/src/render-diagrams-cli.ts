// `pnpm --filter @course/docs render`: write every Mermaid diagram of docs/ as an SVG beside its
// Markdown (docs/diagrams/rendered/<file>-<n>.svg), for readers whose viewer does not draw Mermaid.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { workspaceRoot } from '@course/runtime';
import { markdownFiles, mermaidBlocks } from './markdown';
import { renderMermaid } from './render-mermaid';

async function main(): Promise<void> {
  const root = workspaceRoot(__dirname);
  const out = join(root, 'docs', 'diagrams', 'rendered');
  mkdirSync(out, { recursive: true });
  const blocks = markdownFiles(join(root, 'docs')).flatMap((f) => mermaidBlocks(readFileSync(f, 'utf8'), f));
  const tmp = mkdtempSync(join(tmpdir(), 'course-render-'));
  try {
    const rendered = await renderMermaid(blocks, tmp);
    let failed = 0;
    const seen = new Map<string, number>();
    for (const r of rendered) {
      const name = basename(r.block.file, '.md');
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      if (r.error || !r.svg) {
        failed++;
        console.error(`${relative(root, r.block.file)}:${r.block.line}: ${r.error}`);
        continue;
      }
      const file = join(out, `${name}${n > 1 ? `-${n}` : ''}.svg`);
      writeFileSync(file, r.svg);
      console.log(`wrote ${relative(root, file)}`);
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
