import { writeFileSync } from 'node:fs';
import { stripAnsi } from '@course/runtime';
import type { ExerciseVerdict } from '../verdicts';

/** The `output` cap of the exercism test-runner interface. */
export const OUTPUT_LIMIT = 500;

/** One test in the exercism test-runner v3 shape (plus duration and points). */
export interface JsonTest {
  name: string;
  task_id: number | null;
  status: 'pass' | 'fail' | 'error';
  message: string | null;
  output: string | null;
  duration_ms: number;
  points: number;
}

/**
 * The results in the shape of the exercism test runner's results.json (version 3): an overall
 * `status` and `message`, and `tests` with `name`, `task_id`, `status`, `message` and `output` (capped
 * at 500 characters). Grouped by exercise here, with points; `tests` at the top level lists every test
 * of every exercise (names prefixed with the exercise) for tools that read only that.
 *
 * @example
 * writeFileSync('results.json', JSON.stringify(toJsonReport(verdicts), null, 2));
 */
export function toJsonReport(verdicts: readonly ExerciseVerdict[]) {
  const cap = (s: string) => {
    const plain = stripAnsi(s);
    return plain === '' ? null : plain.length > OUTPUT_LIMIT ? `${plain.slice(0, OUTPUT_LIMIT - 1)}…` : plain;
  };
  const exercises = verdicts.map((v) => {
    const tests: JsonTest[] = [
      ...v.tasks.flatMap((t) =>
        t.tests.map((x) => ({ x, points: t.passed ? t.points / t.tests.length : 0 })),
      ),
      ...v.untasked.map((x) => ({ x, points: 0 })),
    ].map(({ x, points }) => ({
      name: x.name,
      task_id: x.taskId,
      status: x.status,
      message: x.status === 'pass' ? null : x.message,
      output: cap(x.output),
      duration_ms: x.durationMs,
      points,
    }));
    return {
      name: v.name,
      target: v.target,
      status: v.status,
      message: v.problems.length > 0 ? v.problems.join('\n') : null,
      points: v.points,
      max_points: v.maxPoints,
      duration_ms: v.wallMs,
      tasks: v.tasks.map((t) => ({ id: t.id, title: t.title, points: t.points, passed: t.passed })),
      tests,
    };
  });
  const status = verdicts.some((v) => v.status === 'error')
    ? 'error'
    : verdicts.every((v) => v.status === 'pass')
      ? 'pass'
      : 'fail';
  const failing = verdicts.filter((v) => v.status !== 'pass').map((v) => v.name);
  return {
    version: 3,
    status,
    message: status === 'pass' ? null : `Not passed: ${failing.join(', ')}`,
    exercises,
    tests: exercises.flatMap((e) => e.tests.map((t) => ({ ...t, name: `${e.name}: ${t.name}` }))),
  };
}

export function writeJsonReport(file: string, verdicts: readonly ExerciseVerdict[]): void {
  writeFileSync(file, `${JSON.stringify(toJsonReport(verdicts), null, 2)}\n`);
}
