import type { Narrator } from './narrator';

/** What the menu shows about a lesson. */
export interface LessonMeta {
  /** `<package>/<lesson>`, e.g. `threads/basic-threads`. */
  id: string;
  title: string;
  /** One line, shown in the menu beside the title. */
  summary: string;
  /** The concepts it teaches, shown in the menu and linked to docs. */
  concepts: readonly string[];
  /** Path of the concepts-guide page under docs/, e.g. `docs/concepts/worker-threads.md`. */
  docs?: string;
}

export interface LessonContext {
  /** `--quick`: a small size that finishes in a few seconds. Otherwise within ~30 s on 2 cores. */
  quick: boolean;
  /** Aborted on Ctrl-C: stop work, let the runner clean up. */
  signal: AbortSignal;
  out: Narrator;
}

/**
 * A lesson: metadata plus a `run` that narrates what happens and prints measured figures.
 *
 * Keep the experiments in plain exported functions that return what they measured, and let `run`
 * only narrate their results: the tests call the same functions and assert every claim `run` makes.
 */
export interface Lesson extends LessonMeta {
  run(ctx: LessonContext): Promise<void>;
}

const ID = /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/;

/** Check a lesson's metadata once, where it is defined, so a typo fails loudly in the first test. */
export function defineLesson(lesson: Lesson): Lesson {
  if (!ID.test(lesson.id)) {
    throw new Error(`Lesson id "${lesson.id}" must look like "<package>/<lesson>" in kebab-case`);
  }
  if (!lesson.title.trim() || !lesson.summary.trim()) {
    throw new Error(`Lesson ${lesson.id} needs a title and a one-line summary`);
  }
  if (lesson.summary.includes('\n')) throw new Error(`Lesson ${lesson.id}: the summary must be one line`);
  return lesson;
}
