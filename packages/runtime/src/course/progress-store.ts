import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What the learner has done, kept between runs in `<root>/.course/` (git-ignored; survives
 * `pnpm clean`, like rustlings' state file): one small JSON file per lesson seen and per exercise
 * graded. One file per entry, each written whole and renamed into place, so the menu and a
 * `grade --watch` writing at the same moment never lose each other's update.
 * `COURSE_PROGRESS_DIR` moves it (tests use a temporary folder).
 */
export interface LessonRecord {
  id: string;
  /** ISO time of the last run. */
  at: string;
  /** How the last run ended: finished, failed (an error), or interrupted (Ctrl-C). */
  outcome: 'finished' | 'failed' | 'interrupted';
  quick: boolean;
  /** Whether any run of it ever finished. */
  finishedOnce: boolean;
}

export interface ExerciseRecord {
  name: string;
  at: string;
  status: 'pass' | 'fail' | 'error';
  points: number;
  maxPoints: number;
  tasks: Array<{ id: number; title: string; passed: boolean; passedTests: number; tests: number }>;
  /** The verdict to show again: the first failing test and the first line of its message. */
  firstFailure?: { name: string; message: string };
  /** The hints seen for the first task that did not pass (hints.md holds `total`). */
  hints?: { task: number; shown: number; total: number };
}

export interface CourseProgress {
  lessons: Map<string, LessonRecord>;
  exercises: Map<string, ExerciseRecord>;
}

export function progressDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.COURSE_PROGRESS_DIR ? env.COURSE_PROGRESS_DIR : join(root, '.course');
}

function writeAtomically(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, file);
}

const lessonFile = (dir: string, id: string) => join(dir, 'lessons', `${id.replace('/', '--')}.json`);
const exerciseFile = (dir: string, name: string) => join(dir, 'exercises', `${name}.json`);

export function recordLesson(
  dir: string,
  id: string,
  outcome: LessonRecord['outcome'],
  quick: boolean,
  now = new Date(),
): LessonRecord {
  const before = readJson<LessonRecord>(lessonFile(dir, id));
  const record: LessonRecord = {
    id,
    at: now.toISOString(),
    outcome,
    quick,
    finishedOnce: outcome === 'finished' || before?.finishedOnce === true,
  };
  writeAtomically(lessonFile(dir, id), record);
  return record;
}

export function recordExercise(dir: string, record: ExerciseRecord): void {
  writeAtomically(exerciseFile(dir, record.name), record);
}

function readJson<T>(file: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // not recorded yet
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new Error(
      `${file}: not valid JSON (${(err as Error).message}). It records your progress on one step; delete it to start that step's record over.`,
    );
  }
}

function readAll<T>(folder: string): T[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return names.flatMap((f) => {
    const v = readJson<T>(join(folder, f));
    return v ? [v] : [];
  });
}

export function readProgress(dir: string): CourseProgress {
  return {
    lessons: new Map(readAll<LessonRecord>(join(dir, 'lessons')).map((r) => [r.id, r])),
    exercises: new Map(readAll<ExerciseRecord>(join(dir, 'exercises')).map((r) => [r.name, r])),
  };
}
