import { courseRunner, formatUsage, type Lesson, paint, type Runner } from '@course/runtime';

/** One lesson per line, its id first (so `cut -d' ' -f1` gives the ids), then title and summary. */
export function formatList(lessons: readonly Lesson[]): string {
  if (lessons.length === 0) return 'No lessons are installed yet.';
  const width = Math.max(...lessons.map((l) => l.id.length));
  return lessons
    .map((l) => `${l.id.padEnd(width)}  ${paint.figure(l.title)} ${paint.dim(`— ${l.summary}`)}`)
    .join('\n');
}

/** How to call the menu and the progress views, written the way this learner types them. */
export function usage(runner: Runner = courseRunner()): string {
  return formatUsage(runner, [
    ['start', '', 'open the interactive menu (needs a terminal)'],
    ['start', '--list', 'list the lessons in the course order, one per line, id first'],
    ['start', '<id> [--quick]', 'run one lesson (--quick: a few seconds)'],
    ['progress', '', 'every lesson and exercise: done, in progress, not started'],
    ['next', '', 'the one thing to do now, and the command for it'],
    ['status', '', 'one screen to keep open: it redraws after every grading (q quits)'],
  ]);
}
