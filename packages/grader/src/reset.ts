import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import type { Layout } from './layout';

/**
 * Put the pristine stubs of an exercise back: `git checkout HEAD -- exercises/<name>/src`. Only
 * `src/` — tests, hints and instructions are never touched. Files the learner added are kept.
 *
 * @returns the files that will change (computed before, for the question to ask).
 */
export function changedStubs(layout: Layout, name: string): string[] {
  const src = join(layout.exercisesDir, name, 'src');
  const out = git(layout.root, ['status', '--porcelain', '--', relative(layout.root, src)]);
  return out
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('??'))
    .map((l) => l.slice(3));
}

export function resetStubs(layout: Layout, name: string): void {
  const src = relative(layout.root, join(layout.exercisesDir, name, 'src'));
  git(layout.root, ['checkout', 'HEAD', '--', src]);
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? (err as Error).message;
    throw new Error(
      `--reset needs the course as a git checkout (git ${args.join(' ')} failed in ${cwd}): ${stderr.trim()}`,
    );
  }
}
