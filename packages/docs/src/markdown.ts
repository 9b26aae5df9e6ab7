import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A fenced ```mermaid block, with where it stands so a failure names the file and line. */
export interface MermaidBlock {
  file: string;
  line: number;
  source: string;
}

/** Every ```mermaid block of a Markdown text. Pure. */
export function mermaidBlocks(markdown: string, file: string): MermaidBlock[] {
  const lines = markdown.split('\n');
  const blocks: MermaidBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```mermaid') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== '```') end++;
    if (end >= lines.length) throw new Error(`${file}:${i + 1}: a \`\`\`mermaid block is never closed`);
    blocks.push({ file, line: i + 1, source: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** Relative links `[text](target)` of a Markdown text, with their line numbers. Pure. */
export function relativeLinks(markdown: string): Array<{ target: string; line: number }> {
  const out: Array<{ target: string; line: number }> = [];
  let inFence = false;
  markdown.split('\n').forEach((text, i) => {
    if (text.trim().startsWith('```')) inFence = !inFence;
    if (inFence) return;
    for (const m of text.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue; // external or in-page
      out.push({ target, line: i + 1 });
    }
  });
  return out;
}

/** Markdown files under `dir` (recursively), skipping node_modules. */
export function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) found.push(...markdownFiles(p));
    else if (name.endsWith('.md')) found.push(p);
  }
  return found.sort();
}

/** Links in `file` whose target does not exist, as "file:line -> target" strings. */
export function brokenLinks(file: string, root: string): string[] {
  const text = readFileSync(file, 'utf8');
  return relativeLinks(text)
    .filter(({ target }) => !existsSync(resolve(dirname(file), decodeURI(target.split('#')[0]!))))
    .map(({ target, line }) => `${relative(root, file)}:${line} -> ${target}`);
}
