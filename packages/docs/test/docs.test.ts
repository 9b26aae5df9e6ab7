import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumMissingReason } from '@course/test-support/chromium';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, markdownFiles, mermaidBlocks, relativeLinks } from '../src/markdown';
import { renderMermaid } from '../src/render-mermaid';

const root = join(__dirname, '..', '..', '..');
const exerciseReadmes = ['thread-safe-structures', 'data-processing', 'web-scraping'].map((e) =>
  join(root, 'exercises', e, 'README.md'),
);
const docFiles = [...markdownFiles(join(root, 'docs')), join(root, 'README.md'), ...exerciseReadmes];
const blocks = docFiles.flatMap((f) => mermaidBlocks(readFileSync(f, 'utf8'), f));

describe('mermaidBlocks and relativeLinks', () => {
  it('find each mermaid block with the line it starts on', () => {
    const md = 'text\n```mermaid\nflowchart LR\n  a --> b\n```\n';
    expect(mermaidBlocks(md, 'x.md')).toEqual([{ file: 'x.md', line: 2, source: 'flowchart LR\n  a --> b' }]);
  });

  it('name the file and line of a block that is never closed', () => {
    expect(() => mermaidBlocks('```mermaid\nflowchart LR', 'y.md')).toThrow(/y\.md:1/);
  });

  it('collect relative links but not web links, anchors or links inside code', () => {
    const md = '[a](guide.md) [b](https://x.test) [c](#top)\n```\n[d](code.md)\n```\n[e](dir/f.md#part)';
    expect(relativeLinks(md).map((l) => l.target)).toEqual(['guide.md', 'dir/f.md#part']);
  });
});

describe('the docs', () => {
  it('have the five diagrams of the course', () => {
    const names = new Set(blocks.map((b) => b.file.split('/').pop()));
    for (const d of [
      'concurrency-models.md',
      'worker-lifecycle.md',
      'communication-patterns.md',
      'synchronization-mechanisms.md',
      'language-comparison.md',
    ]) {
      expect(names).toContain(d);
    }
  });

  it('every exercise links to the concepts it needs', () => {
    for (const f of exerciseReadmes) {
      const links = relativeLinks(readFileSync(f, 'utf8')).map((l) => l.target);
      expect(
        links.some((t) => t.includes('docs/concepts/')),
        `${f} links no concepts page`,
      ).toBe(true);
    }
  });

  it('link only to files that exist', () => {
    expect(docFiles.flatMap((f) => brokenLinks(f, root))).toEqual([]);
  });
});

const missing = chromiumMissingReason();
if (missing) console.warn(`\n[SKIPPED] diagram rendering: ${missing}\n`);

describe.skipIf(missing)('every Mermaid diagram in the docs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'course-mermaid-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders with mermaid in headless Chromium to an SVG of real size', async () => {
    const rendered = await renderMermaid(blocks, dir);
    const failures = rendered
      .filter((r) => r.error || !r.box || r.box.width < 50 || r.box.height < 50)
      .map((r) => `${r.block.file}:${r.block.line}: ${r.error ?? `drawn at ${JSON.stringify(r.box)}`}`);
    expect(failures).toEqual([]);
    expect(rendered.length).toBe(blocks.length);
  }, 60_000);

  it('reports a syntax error with the file and line of the block', async () => {
    const [bad] = await renderMermaid(
      [{ file: 'bad.md', line: 7, source: 'flowchart LR\n  a --> --> b(' }],
      dir,
    );
    expect(bad?.error).toBeTruthy();
    expect(bad?.block.line).toBe(7);
  }, 60_000);
});
