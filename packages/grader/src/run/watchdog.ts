import type { Budgets } from '../budgets';
import { type FileLoad, runningTests, type TestProgress } from '../vitest/progress-events';
import type { Overrun } from './outcome';

/** How long after its budget a test that never yields is given before the run is killed. */
export const TEST_GRACE_MS = 1_500;

/** What the watchdog sees on one look at a run. */
export interface RunView {
  now: number;
  /** When vitest was started. */
  startedAt: number;
  progress: readonly TestProgress[];
  /** Test files being imported now (see loadingFiles). */
  loading?: readonly FileLoad[];
  /** vitest's own last output, for an exercise overrun with no test running. */
  tail: string;
}

/**
 * The budget rules, pure: the overrun that must stop the run now, or undefined. A test still running
 * `testMs` + grace after it started is stuck (vitest's own timeout cannot fire inside a synchronous
 * loop); a test file still being imported `loadMs` after its import began is stuck at some module's
 * top level (no test has started, so no test budget applies); a run past `exerciseMs` is over
 * whatever is running.
 *
 * @example
 * overrunOf({ testMs: 1000, loadMs: 5000, exerciseMs: 9000 }, { now: 5000, startedAt: 0, tail: '', progress: [
 *   { id: 'a', name: 'T > a', file: 'f', pid: 1, startedAt: 1000, output: '' }] })?.kind // 'test'
 */
export function overrunOf(budgets: Budgets, view: RunView): Overrun | undefined {
  const { now } = view;
  const running = runningTests(view.progress);
  const stuck = running.find((t) => now - t.startedAt > budgets.testMs + TEST_GRACE_MS);
  if (stuck) {
    return {
      kind: 'test',
      budgetMs: budgets.testMs,
      test: { name: stuck.name, file: stuck.file, ranMs: now - stuck.startedAt },
      lastOutput: stuck.output,
    };
  }
  const load = (view.loading ?? []).find((l) => now - l.startedAt > budgets.loadMs);
  if (load) {
    return {
      kind: 'load',
      budgetMs: budgets.loadMs,
      load: { file: load.file, ranMs: now - load.startedAt },
      lastOutput: view.tail.slice(-500),
    };
  }
  if (now - view.startedAt > budgets.exerciseMs) {
    const first = running[0];
    return {
      kind: 'exercise',
      budgetMs: budgets.exerciseMs,
      ...(first ? { test: { name: first.name, file: first.file, ranMs: now - first.startedAt } } : {}),
      lastOutput: first?.output ?? view.tail.slice(-500),
    };
  }
  return undefined;
}
