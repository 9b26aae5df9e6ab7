import { courseCommand, formatMs, paint } from '@course/runtime';
import type { ExerciseVerdict, TestVerdict } from '../verdicts';

const MAX_DIFF_LINES = 16;

/** The first failing test of an exercise, in task order (the one to fix next). */
export function firstFailure(v: ExerciseVerdict): TestVerdict | undefined {
  for (const task of v.tasks) {
    const t = task.tests.find((x) => x.status !== 'pass');
    if (t) return t;
  }
  return v.untasked.find((x) => x.status !== 'pass');
}

/**
 * One exercise's report: a line per task, then the first failing test with its message (and diff),
 * any problem beyond failing tests, and the command for a hint.
 *
 * @example
 * console.log(formatExercise(verdict));
 */
export function formatExercise(v: ExerciseVerdict): string {
  const lines: string[] = [];
  const mark = v.status === 'pass' ? paint.ok('✔') : v.status === 'error' ? paint.fail('✖') : paint.warn('●');
  const where = v.target === 'solution' ? paint.dim(' (solution)') : '';
  lines.push(
    `${mark} ${paint.heading(v.name)}${where} ${paint.dim('—')} ${v.title}  ${paint.figure(`${v.points}/${v.maxPoints} points`)} ${paint.dim(formatMs(v.wallMs))}`,
  );
  for (const task of v.tasks) {
    const passed = task.tests.filter((t) => t.status === 'pass').length;
    const icon = task.passed ? paint.ok('✔') : paint.fail('✖');
    lines.push(
      `  ${icon} Task ${task.id}: ${task.title} ${paint.dim(`(${passed}/${task.tests.length} tests, ${task.points} pt)`)}`,
    );
  }
  const fail = firstFailure(v);
  if (fail) {
    lines.push('', `  ${paint.fail('First failing test:')} ${fail.name}`);
    for (const l of fail.message.split('\n').slice(0, 12)) lines.push(`    ${l}`);
    if (fail.diff) {
      const diff = fail.diff.split('\n');
      for (const l of diff.slice(0, MAX_DIFF_LINES))
        lines.push(`    ${l.startsWith('+') ? paint.ok(l) : l.startsWith('-') ? paint.fail(l) : l}`);
      if (diff.length > MAX_DIFF_LINES)
        lines.push(paint.dim(`    … ${diff.length - MAX_DIFF_LINES} more lines`));
    }
  }
  const shown = fail?.message ?? '';
  for (const p of v.problems) {
    if (shown.includes(p.split('\n')[0] ?? p)) continue;
    lines.push('', `  ${paint.warn('!')} ${p.split('\n').join('\n    ')}`);
  }
  if (v.status !== 'pass' && v.target === 'exercise') {
    lines.push(
      '',
      `  ${paint.dim('Stuck? A hint:')} ${paint.code(courseCommand('grade', ['--hint', v.name]))}`,
    );
  }
  return lines.join('\n');
}

/** The line after all exercises: how far along the learner is. */
export function formatProgress(verdicts: readonly ExerciseVerdict[]): string {
  const done = verdicts.filter((v) => v.status === 'pass').length;
  const tasks = verdicts.flatMap((v) => v.tasks);
  const points = verdicts.reduce((a, v) => a + v.points, 0);
  const max = verdicts.reduce((a, v) => a + v.maxPoints, 0);
  const width = 20;
  const filled = max === 0 ? 0 : Math.round((points / max) * width);
  const bar = paint.ok('█'.repeat(filled)) + paint.dim('░'.repeat(width - filled));
  return `${bar} ${paint.figure(`${done}/${verdicts.length}`)} exercises, ${tasks.filter((t) => t.passed).length}/${tasks.length} tasks, ${points}/${max} points`;
}
