import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { stripAnsi } from '@course/runtime';
import type * as TS from 'typescript';
import type { ExerciseVerdict, TestVerdict } from '../verdicts';
import { testCodeLookup } from './test-code';

/** The `output` cap of the exercism test-runner interface, and the notice it asks for when cut. */
export const OUTPUT_LIMIT = 500;
export const TRUNCATION_NOTICE = 'Output was truncated. Please limit to 500 chars';

/** One test, exactly the per-test fields of the exercism test-runner interface, version 3. */
export interface JsonTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  message: string | null;
  /** What the learner's code printed during the test (console.*), at most 500 characters. */
  output: string | null;
  /** The body of the test, as written in its file. */
  test_code?: string;
  /** The task the test belongs to; absent for a test outside every task. */
  task_id?: number;
}

export type JsonStatus = 'pass' | 'fail' | 'error';

/** The course's addition beside the interface's fields: points and tasks per exercise. */
export interface JsonExercise {
  name: string;
  target: 'exercise' | 'solution';
  status: JsonStatus;
  message: string | null;
  points: number;
  max_points: number;
  duration_ms: number;
  tasks: Array<{ id: number; title: string; points: number; passed: boolean }>;
}

export interface JsonReport {
  version: 3;
  status: JsonStatus;
  /** Set only when status is `error` (the tests could not run): what went wrong. */
  message: string | null;
  tests: JsonTest[];
  exercises: JsonExercise[];
}

/** Output as the interface wants it: plain text, null when empty, cut to 500 characters with its notice. */
export function capOutput(text: string): string | null {
  const plain = stripAnsi(text);
  if (plain === '') return null;
  if (plain.length <= OUTPUT_LIMIT) return plain;
  const keep = OUTPUT_LIMIT - TRUNCATION_NOTICE.length - 1;
  return `${plain.slice(0, keep)}\n${TRUNCATION_NOTICE}`;
}

/**
 * The interface's status of one exercise: `error` only when no test ran (every test is an error:
 * the code could not be loaded, the run was stopped before any test finished), `pass` when every
 * test passed and nothing else went wrong, otherwise `fail`.
 */
export function interfaceStatus(v: ExerciseVerdict): JsonStatus {
  const tests = allTests(v);
  if (tests.length === 0 || tests.every((t) => t.status === 'error')) return 'error';
  return v.status === 'pass' ? 'pass' : 'fail';
}

function allTests(v: ExerciseVerdict): TestVerdict[] {
  return [...v.tasks.flatMap((t) => t.tests), ...v.untasked];
}

/** Absolute paths inside the course written relative to it (the interface asks for no machine paths). */
function relativePaths(text: string, root: string | undefined): string {
  if (!root) return text;
  return text.split(`${root}/`).join('').split(root).join('.');
}

/**
 * The results as the exercism test runner's `results.json`, version 3
 * (https://exercism.org/docs/building/tooling/test-runners/interface): `version`, `status`,
 * `message` (only for `error`), and `tests` in file order with `name`, `status`, `message`, `output`,
 * `test_code` and `task_id`. Every test of the exercise is listed, also those that did not run
 * (status `error`, the message says why). Several exercises: one `tests` list, names prefixed with
 * the exercise; `exercises` adds the course's points per exercise.
 *
 * @example
 * writeFileSync('results.json', JSON.stringify(toJsonReport(verdicts, { root }), null, 2));
 */
export function toJsonReport(
  verdicts: readonly ExerciseVerdict[],
  options: { root?: string; ts?: typeof TS } = {},
): JsonReport {
  const code = options.ts ? testCodeLookup(options.ts) : () => undefined;
  const rel = (s: string) => relativePaths(stripAnsi(s), options.root);
  const prefix = verdicts.length > 1;
  const exercises: JsonExercise[] = [];
  const tests: JsonTest[] = [];
  for (const v of verdicts) {
    const status = interfaceStatus(v);
    exercises.push({
      name: v.name,
      target: v.target,
      status,
      message: status === 'error' ? rel(errorMessage(v)) : null,
      points: v.points,
      max_points: v.maxPoints,
      duration_ms: v.wallMs,
      tasks: v.tasks.map((t) => ({ id: t.id, title: t.title, points: t.points, passed: t.passed })),
    });
    for (const t of allTests(v)) {
      const testCode = code(t.file, t.name);
      const known = t.taskId !== null && v.tasks.some((k) => k.id === t.taskId);
      tests.push({
        name: prefix ? `${v.name}: ${t.name}` : t.name,
        status: t.status,
        message: t.status === 'pass' ? null : rel(t.message) || null,
        output: capOutput(t.output),
        ...(testCode !== undefined ? { test_code: testCode } : {}),
        ...(known ? { task_id: t.taskId as number } : {}),
      });
    }
  }
  const status: JsonStatus = exercises.every((e) => e.status === 'error')
    ? 'error'
    : exercises.every((e) => e.status === 'pass')
      ? 'pass'
      : 'fail';
  const errors = exercises.filter((e) => e.status === 'error');
  return {
    version: 3,
    status,
    message:
      status === 'error'
        ? errors.map((e) => (prefix ? `${e.name}: ${e.message}` : (e.message as string))).join('\n\n')
        : null,
    tests,
    exercises,
  };
}

/** What to tell the learner when no test ran: the problems, else the first test's reason. */
function errorMessage(v: ExerciseVerdict): string {
  if (v.problems.length > 0) return v.problems.join('\n');
  return allTests(v)[0]?.message ?? 'No test ran.';
}

/** Write results.json; test_code is read from the test files with TypeScript's parser. */
export function writeJsonReport(file: string, verdicts: readonly ExerciseVerdict[], root?: string): void {
  const ts = require('typescript') as typeof TS;
  writeFileSync(
    file,
    `${JSON.stringify(toJsonReport(verdicts, { ...(root ? { root } : {}), ts }), null, 2)}\n`,
  );
}
