import { deriveBudgets } from './budgets';
import { listExerciseNames, loadExercise } from './exercise-meta';
import type { Layout } from './layout';
import { runVitest } from './run/run-vitest';
import { readManifest, tamperFindings } from './tamper';
import { type ExerciseVerdict, judge } from './verdicts';

export interface GradeOptions {
  target: 'exercise' | 'solution';
  signal?: AbortSignal;
  env?: Record<string, string>;
}

/**
 * Grade one exercise: check its tests are as shipped, run them in their own process group within
 * its budgets, and judge the outcome.
 *
 * @example
 * const verdict = await gradeExercise(resolveLayout(), 'web-scraping', { target: 'exercise' });
 */
export async function gradeExercise(
  layout: Layout,
  name: string,
  options: GradeOptions,
): Promise<ExerciseVerdict> {
  const meta = loadExercise(layout, name);
  const manifest = readManifest(layout);
  const budgets = deriveBudgets(meta, manifest?.exercises[name]?.reference);
  const tampered = tamperFindings(meta, manifest);
  const outcome = await runVitest({
    meta,
    layout,
    target: options.target,
    budgets,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  return judge(meta, options.target, outcome, budgets.testMs, tampered);
}

/** The exercises to grade: the named ones (each checked to exist), or all of them. */
export function selectExercises(layout: Layout, names: readonly string[]): string[] {
  if (names.length === 0) return listExerciseNames(layout);
  for (const n of names) loadExercise(layout, n); // throws a clear "No exercise ..." for a typo
  return [...names];
}
