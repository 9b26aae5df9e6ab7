import { closeMatches, courseCommand, paint, runLesson } from '@course/runtime';
import { courseLessons } from './course';
import { interactiveMenu } from './interactive';
import { formatList, usage } from './list';
import { courseView, formatNext, formatProgress, recordLessonRun } from './progress';
import { watchStatus } from './status';
import { typedStream } from './typed-stream';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin?: NodeJS.ReadableStream;
  isTTY: boolean;
}

const VIEWS = ['--progress', '--next', '--status'] as const;
const FLAGS = ['--list', '--quick', '-q', '--help', '-h', ...VIEWS];

/**
 * `pnpm start [--list | <id> [--quick]]`, and the root scripts `progress`, `next`, `status`
 * (`--progress`, `--next`, `--status`). Never waits on stdin without a TTY: with no terminal and no
 * arguments it prints the list and a usage hint and exits 0.
 */
export async function menuCli(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('-'));
  const ids = argv.filter((a) => !a.startsWith('-'));
  const unknown = flags.filter((f) => !FLAGS.includes(f));
  if (unknown.length) {
    io.stderr.write(`Unknown option ${unknown.join(', ')}\n${usage()}\n`);
    return 2;
  }
  if (flags.includes('--help') || flags.includes('-h')) {
    io.stdout.write(`${usage()}\n`);
    return 0;
  }
  const view = VIEWS.find((v) => flags.includes(v));
  if (view) {
    if (ids.length > 0 || flags.length > 1) {
      io.stderr.write(`${view} takes no other arguments (got ${argv.join(' ')}).\n${usage()}\n`);
      return 2;
    }
    if (view === '--progress') io.stdout.write(`${formatProgress(courseView())}\n`);
    else if (view === '--next') io.stdout.write(`${formatNext(courseView())}\n`);
    else return watchStatus(io);
    return 0;
  }
  const lessons = courseLessons();
  const quick = flags.includes('--quick') || flags.includes('-q');
  if (flags.includes('--list')) {
    io.stdout.write(`${formatList(lessons)}\n`);
    return 0;
  }
  if (ids.length > 1) {
    io.stderr.write(`Give one lesson id at a time (got ${ids.join(', ')}).\n${usage()}\n`);
    return 2;
  }
  const [id] = ids;
  if (id !== undefined) {
    const lesson = lessons.find((l) => l.id === id);
    if (!lesson) {
      const near = closeMatches(
        id,
        lessons.map((l) => l.id),
      );
      io.stderr.write(
        `${paint.fail(`Unknown lesson "${id}".`)}${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}\nRun \`${courseCommand('start', ['--list'])}\` to see them all.\n`,
      );
      return 2;
    }
    const controller = new AbortController();
    const onSigint = () => controller.abort(new Error('interrupted (Ctrl-C)'));
    process.once('SIGINT', onSigint);
    try {
      const code = await runLesson(lesson, {
        quick,
        signal: controller.signal,
        stream: typedStream(io.stdout),
      });
      recordLessonRun(lesson.id, code, quick);
      return code;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  }
  if (!io.isTTY) {
    io.stdout.write(`${formatList(lessons)}\n\n${usage()}\n(No terminal here, so no interactive menu.)\n`);
    return 0;
  }
  return interactiveMenu(quick);
}
