import { type Lesson, paint } from '@course/runtime';

/** One lesson per line, its id first (so `cut -d' ' -f1` gives the ids), then title and summary. */
export function formatList(lessons: readonly Lesson[]): string {
  if (lessons.length === 0) return 'No lessons are installed yet.';
  const width = Math.max(...lessons.map((l) => l.id.length));
  return lessons
    .map((l) => `${l.id.padEnd(width)}  ${paint.figure(l.title)} ${paint.dim(`— ${l.summary}`)}`)
    .join('\n');
}

export const USAGE = `Usage:
  pnpm start                 open the interactive menu (needs a terminal)
  pnpm start --list          list the lessons, one per line, id first
  pnpm start <id> [--quick]  run one lesson (--quick: a few seconds)`;
