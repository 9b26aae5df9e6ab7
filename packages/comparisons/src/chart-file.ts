import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HtmlSection, htmlPage, workspaceRoot } from '@course/runtime';

/**
 * Write a lesson's charts as one self-contained HTML page under `bench-results/lessons/` and return
 * its path, so the lesson can print where to open it.
 */
export function writeLessonPage(
  name: string,
  title: string,
  sections: HtmlSection[],
  intro?: string,
): string {
  const dir = join(workspaceRoot(__dirname), 'bench-results', 'lessons');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.html`);
  writeFileSync(file, htmlPage({ title, intro, sections }));
  return file;
}
