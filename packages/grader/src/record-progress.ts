import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COURSE_FILE, type ExerciseRecord, progressDir, recordExercise } from '@course/runtime';
import { hintsShown, parseHints } from './hints';
import type { Layout } from './layout';
import { firstFailure } from './report/terminal-report';
import type { ExerciseVerdict } from './verdicts';

/**
 * What the learner's progress keeps of one grading: status, points, each task's count, the first
 * failing test (to show it again in `status`), and the hints seen for the first open task.
 */
export function exerciseRecord(layout: Layout, v: ExerciseVerdict, now = new Date()): ExerciseRecord {
  const fail = firstFailure(v);
  const open = v.tasks.find((t) => !t.passed);
  const hintsFile = join(layout.exercisesDir, v.name, 'hints.md');
  const total =
    open && existsSync(hintsFile)
      ? (parseHints(readFileSync(hintsFile, 'utf8')).get(open.id)?.length ?? 0)
      : 0;
  return {
    name: v.name,
    at: now.toISOString(),
    status: v.status,
    points: v.points,
    maxPoints: v.maxPoints,
    tasks: v.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      passed: t.passed,
      passedTests: t.tests.filter((x) => x.status === 'pass').length,
      tests: t.tests.length,
    })),
    ...(fail ? { firstFailure: { name: fail.name, message: fail.message.split('\n')[0] ?? '' } } : {}),
    ...(open ? { hints: { task: open.id, shown: hintsShown(layout, v.name)[open.id] ?? 0, total } } : {}),
  };
}

/**
 * Keep a grading of the learner's own code in the course's progress (`.course/`), so `progress`,
 * `next` and `status` know it. Only the real course records: a course root without course.json
 * (the grader's fixture courses) and `--solutions` runs leave no trace.
 */
export function recordGrading(layout: Layout, v: ExerciseVerdict): void {
  if (v.target !== 'exercise' || !existsSync(join(layout.root, COURSE_FILE))) return;
  recordExercise(progressDir(layout.root), exerciseRecord(layout, v));
}
