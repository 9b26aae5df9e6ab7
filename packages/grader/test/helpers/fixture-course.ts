import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Layout, resolveLayout } from '../../src/layout';
import { recordHashes } from '../../src/update-hashes';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const COURSE = join(FIXTURES, 'course');
export const WRONG = join(FIXTURES, 'wrong');
/** Scratch copies live inside the grader package, so they resolve vitest and @course/* like the fixtures. */
const TMP = join(__dirname, '..', '..', '.tmp');

/** A layout over the committed fixture course, with a fresh tamper manifest in a scratch folder. */
export function fixtureLayout(options: { solutionsDir?: string } = {}): {
  layout: Layout;
  cleanup: () => void;
} {
  mkdirSync(TMP, { recursive: true });
  const scratch = mkdtempSync(join(TMP, 'layout-'));
  const layout = resolveLayout({
    root: COURSE,
    manifest: join(scratch, 'test-hashes.json'),
    solutionsDir: options.solutionsDir,
  });
  layout.stateDir = join(scratch, 'state');
  layout.progressDir = join(scratch, 'progress');
  recordHashes(layout);
  return { layout, cleanup: () => rmSync(scratch, { recursive: true, force: true }) };
}

/** A private copy of the fixture course (to edit, reset, watch), with its manifest recorded. */
export function copyCourse(): { root: string; layout: Layout; cleanup: () => void } {
  mkdirSync(TMP, { recursive: true });
  const root = mkdtempSync(join(TMP, 'course-'));
  cpSync(COURSE, root, {
    recursive: true,
    filter: (src) => !src.includes('node_modules') && !src.endsWith('.vitest-results.json'),
  });
  const layout = resolveLayout({ root });
  layout.stateDir = join(root, '.state');
  recordHashes(layout);
  return { root, layout, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Alive means running: a killed process may linger a moment as a zombie until its parent reaps it. */
export function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
