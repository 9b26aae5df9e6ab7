import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COURSE_FILE, closeMatches, inCourseOrder, readCourseOrder } from '@course/runtime';
import type { Layout } from './layout';

/** One task of an exercise, from exercise.json. */
export interface TaskMeta {
  id: number;
  title: string;
  points: number;
}

/** exercise.json: the exercise's tasks, points and (optional) budgets. */
export interface ExerciseMeta {
  name: string;
  title: string;
  concepts: string[];
  tasks: TaskMeta[];
  budgets: { testMs?: number; loadMs?: number; exerciseMs?: number };
  /** The exercise folder. */
  dir: string;
}

/**
 * Validate a parsed exercise.json. Every problem is named with the file and the field, so a typo in
 * an exercise is found by its author, not by a confused student.
 */
export function parseExerciseMeta(raw: unknown, file: string, dir: string): ExerciseMeta {
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  if (raw === null || typeof raw !== 'object') fail('expected a JSON object');
  const o = raw as Record<string, unknown>;
  if (typeof o.name !== 'string' || o.name === '') fail('"name" must be a non-empty string');
  if (typeof o.title !== 'string') fail('"title" must be a string');
  if (!Array.isArray(o.tasks) || o.tasks.length === 0) fail('"tasks" must be a non-empty array');
  const tasks = (o.tasks as unknown[]).map((t, i) => {
    const task = (t ?? {}) as Record<string, unknown>;
    if (!Number.isInteger(task.id)) fail(`tasks[${i}].id must be an integer`);
    if (typeof task.title !== 'string') fail(`tasks[${i}].title must be a string`);
    if (typeof task.points !== 'number' || task.points < 0) fail(`tasks[${i}].points must be a number >= 0`);
    return { id: task.id as number, title: task.title as string, points: task.points as number };
  });
  const ids = new Set(tasks.map((t) => t.id));
  if (ids.size !== tasks.length) fail('task ids must be unique');
  const budgets = (o.budgets ?? {}) as Record<string, unknown>;
  for (const key of ['testMs', 'loadMs', 'exerciseMs'] as const) {
    const v = budgets[key];
    if (v !== undefined && !(typeof v === 'number' && v > 0))
      fail(`budgets.${key} must be a positive number of milliseconds`);
  }
  return {
    name: o.name as string,
    title: o.title as string,
    concepts: Array.isArray(o.concepts) ? (o.concepts as string[]) : [],
    tasks,
    budgets: budgets as ExerciseMeta['budgets'],
    dir,
  };
}

/** Read and validate `<exercisesDir>/<name>/exercise.json`. */
export function loadExercise(layout: Pick<Layout, 'exercisesDir'>, name: string): ExerciseMeta {
  const dir = join(layout.exercisesDir, name);
  const file = join(dir, 'exercise.json');
  if (!existsSync(file)) {
    const known = listExerciseNames(layout);
    const near = closeMatches(name, known);
    throw new Error(
      `No exercise "${name}" (no ${file}).${near.length ? ` Did you mean ${near.join(' or ')}?` : ''} Exercises: ${known.join(', ') || 'none yet'}.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return parseExerciseMeta(raw, file, dir);
}

/**
 * Every folder of exercises/ that has an exercise.json, in the course order (`course.json` beside
 * `exercises/`: the order the learner meets them), then any the order does not list, sorted. A course
 * root without a course.json (the grader's fixture courses) lists them sorted.
 */
export function listExerciseNames(layout: Pick<Layout, 'exercisesDir'>): string[] {
  if (!existsSync(layout.exercisesDir)) return [];
  const names = readdirSync(layout.exercisesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(layout.exercisesDir, d.name, 'exercise.json')))
    .map((d) => d.name)
    .sort();
  const root = dirname(layout.exercisesDir);
  if (!existsSync(join(root, COURSE_FILE))) return names;
  return inCourseOrder(names, readCourseOrder(root), 'exercise', (n) => n);
}
