import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One step of the course: a lesson to run (`<package>/<lesson>`) or an exercise to solve
 * (`exercises/<name>`). `course.json` at the workspace root is an ordered array of them: the order
 * a learner is shown (menu, `grade --list`, progress, "next"). Whoever adds a lesson or an exercise
 * appends a step; a test fails while something exists that the order does not list.
 */
export type CourseStep = { kind: 'lesson'; id: string } | { kind: 'exercise'; id: string };

export const COURSE_FILE = 'course.json';

/**
 * Parse course.json's content. Every mistake names the file and the step (1-based, as an editor
 * counts), so whoever appends a step with a typo is told where.
 *
 * @example
 * parseCourseOrder('[{ "lesson": "threads/basic-threads" }, { "exercise": "web-scraping" }]', 'course.json')
 * // [{ kind: 'lesson', id: 'threads/basic-threads' }, { kind: 'exercise', id: 'web-scraping' }]
 */
export function parseCourseOrder(text: string, file: string): CourseStep[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(raw))
    throw new Error(
      `${file}: expected an array of steps like { "lesson": "<id>" } or { "exercise": "<name>" }`,
    );
  const seen = new Map<string, number>();
  return raw.map((entry: unknown, i) => {
    const where = `${file}: step ${i + 1}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw new Error(
        `${where}: expected { "lesson": "<id>" } or { "exercise": "<name>" }, got ${JSON.stringify(entry)}`,
      );
    const keys = Object.keys(entry);
    const kind = keys[0];
    if (keys.length !== 1 || (kind !== 'lesson' && kind !== 'exercise'))
      throw new Error(
        `${where}: expected exactly one key, "lesson" or "exercise"; got ${JSON.stringify(entry)}`,
      );
    const id = (entry as Record<string, unknown>)[kind];
    const shape = kind === 'lesson' ? /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/ : /^[a-z][a-z0-9-]*$/;
    if (typeof id !== 'string' || !shape.test(id))
      throw new Error(
        `${where}: ${kind} ${JSON.stringify(id)} is not ${kind === 'lesson' ? 'a lesson id "<package>/<lesson>"' : 'an exercise folder name'} (kebab-case)`,
      );
    const key = `${kind} ${id}`;
    const before = seen.get(key);
    if (before !== undefined) throw new Error(`${where}: ${key} is listed twice (also step ${before})`);
    seen.set(key, i + 1);
    return { kind, id };
  });
}

/** Read `<root>/course.json`. */
export function readCourseOrder(root: string): CourseStep[] {
  const file = join(root, COURSE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read the course order (${(err as Error).message})`);
  }
  return parseCourseOrder(text, file);
}

/**
 * What disagrees between the order and what exists: a lesson or exercise the order does not list,
 * or a step naming something that does not exist. Empty when they agree.
 */
export function courseOrderProblems(
  steps: readonly CourseStep[],
  existing: { lessons: readonly string[]; exercises: readonly string[] },
): string[] {
  const problems: string[] = [];
  for (const kind of ['lesson', 'exercise'] as const) {
    const have = kind === 'lesson' ? existing.lessons : existing.exercises;
    const listed = new Set(steps.filter((s) => s.kind === kind).map((s) => s.id));
    for (const id of have)
      if (!listed.has(id))
        problems.push(
          `${kind} ${id} exists but ${COURSE_FILE} does not list it: add { "${kind}": "${id}" } where it belongs`,
        );
    for (const id of listed)
      if (!have.includes(id)) problems.push(`${COURSE_FILE} lists ${kind} ${id}, which does not exist`);
  }
  return problems;
}

/**
 * Sort `items` by their place in the course order; items the order does not list keep their
 * relative order and come last.
 */
export function inCourseOrder<T>(
  items: readonly T[],
  steps: readonly CourseStep[],
  kind: CourseStep['kind'],
  idOf: (item: T) => string,
): T[] {
  const rank = new Map(steps.filter((s) => s.kind === kind).map((s, i) => [s.id, i]));
  return items
    .map((item, i) => ({ item, i, r: rank.get(idOf(item)) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.item);
}
