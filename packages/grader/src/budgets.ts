import type { ExerciseMeta } from './exercise-meta';
import type { ReferenceTimes } from './tamper';

/** What a run is allowed: per test and for the whole exercise (start-up included). */
export interface Budgets {
  testMs: number;
  /** Importing one test file, with everything it imports (the top level of the student's modules). */
  loadMs: number;
  exerciseMs: number;
}

/**
 * The import budget unless exercise.json sets `budgets.loadMs`. Importing a test file takes well under
 * a second (vite transforms it and what it imports); the budget is generous for a loaded one-core
 * machine and still gives an infinite loop at a module's top level its verdict within ~10 s of the
 * start instead of after the whole exercise budget (which is minutes for some exercises).
 */
export const LOAD_MS = 5_000;

/** The hard cap per exercise unless exercise.json sets its own. */
export const EXERCISE_CAP_MS = 20_000;

/**
 * The budgets of one exercise run. An exercise's own `budgets` win. Otherwise they come from the
 * reference solution's recorded times (see --update-hashes): a test may take 5x the slowest reference
 * test (+1 s of slack for a loaded machine), the whole run 3x the reference run (+5 s for start-up),
 * within [2 s, 15 s] per test and [10 s, 20 s] per exercise. Without a record: 10 s and 20 s.
 *
 * Why generous multiples: the budget exists to stop a hang quickly, not to grade speed; a correct
 * solution on a busy 2-core machine must never be stopped.
 *
 * @example
 * deriveBudgets(meta, { totalMs: 3000, slowestTestMs: 400 }) // { testMs: 3000, loadMs: 5000, exerciseMs: 14000, source: 'reference' }
 */
export function deriveBudgets(meta: ExerciseMeta, reference?: ReferenceTimes): Budgets & { source: string } {
  const clamp = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)));
  const derivedTest = reference ? clamp(5 * reference.slowestTestMs + 1_000, 2_000, 15_000) : 10_000;
  const derivedExercise = reference
    ? clamp(3 * reference.totalMs + 5_000, 10_000, EXERCISE_CAP_MS)
    : EXERCISE_CAP_MS;
  const testMs = meta.budgets.testMs ?? derivedTest;
  const exerciseMs =
    meta.budgets.exerciseMs ?? Math.max(derivedExercise, Math.min(EXERCISE_CAP_MS, testMs * 2));
  const source =
    meta.budgets.testMs || meta.budgets.exerciseMs || meta.budgets.loadMs
      ? 'exercise.json'
      : reference
        ? 'reference solution'
        : 'default';
  return { testMs, loadMs: meta.budgets.loadMs ?? LOAD_MS, exerciseMs, source };
}
