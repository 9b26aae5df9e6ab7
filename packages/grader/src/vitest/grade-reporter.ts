import { appendFileSync } from 'node:fs';
import type { ProgressEvent } from './progress-events';

// The parts of vitest's reporter API used here (vitest/node's types are ESM-only, this file is CJS).
interface TestCase {
  id: string;
  name: string;
  parent: { type: string; name: string; parent: unknown };
  module: { moduleId: string };
  result(): {
    state: 'passed' | 'failed' | 'skipped' | 'pending';
    errors?: ReadonlyArray<{ message?: string; diff?: string }>;
  };
  diagnostic(): { duration: number } | undefined;
}
interface TestModule {
  moduleId: string;
  errors(): ReadonlyArray<{ message: string }>;
}

/**
 * The reporter the grader gives vitest: one JSON line per finished test, and one per test file's
 * errors, appended to COURSE_GRADE_RESULTS as they happen. Appending as it goes (instead of one file
 * at the end) keeps the results of the tests that finished when a later test hangs and the grader
 * kills the run.
 */
export type ResultLine =
  | {
      kind: 'test';
      id: string;
      file: string;
      /** describe titles and the test title, outermost first. */
      path: string[];
      state: 'passed' | 'failed' | 'skipped' | 'pending';
      durationMs: number;
      errors: Array<{ message: string; diff?: string }>;
    }
  | { kind: 'module'; file: string; errors: Array<{ message: string }> }
  | { kind: 'unhandled'; errors: Array<{ message: string; test?: string }> }
  | { kind: 'end' };

export default class GradeReporter {
  private readonly out = process.env.COURSE_GRADE_RESULTS ?? '';
  private readonly progress = process.env.COURSE_GRADE_PROGRESS ?? '';

  private write(line: ResultLine): void {
    if (this.out) appendFileSync(this.out, `${JSON.stringify(line)}\n`);
  }

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    const path: string[] = [test.name];
    for (let p = test.parent; p.type === 'suite'; p = p.parent as TestCase['parent']) path.unshift(p.name);
    this.write({
      kind: 'test',
      id: test.id,
      file: test.module.moduleId,
      path,
      state: result.state,
      durationMs: Math.round(test.diagnostic()?.duration ?? 0),
      errors: (result.errors ?? []).map((e) => ({ message: e.message ?? String(e), diff: e.diff })),
    });
  }

  /** The file's top level ran (or failed): it is no longer loading (see loadingFiles). */
  private loaded(module: TestModule): void {
    if (!this.progress) return;
    const event: ProgressEvent = { ev: 'loaded', file: module.moduleId, pid: process.pid, at: Date.now() };
    appendFileSync(this.progress, `${JSON.stringify(event)}\n`);
  }

  onTestModuleCollected(module: TestModule): void {
    this.loaded(module);
  }

  onTestModuleEnd(module: TestModule): void {
    this.loaded(module);
    const errors = module.errors();
    if (errors.length > 0)
      this.write({
        kind: 'module',
        file: module.moduleId,
        errors: errors.map((e) => ({ message: e.message })),
      });
  }

  onTestRunEnd(
    _modules: ReadonlyArray<TestModule>,
    unhandled: ReadonlyArray<{ message: string; VITEST_TEST_NAME?: string }>,
  ): void {
    if (unhandled.length > 0) {
      this.write({
        kind: 'unhandled',
        errors: unhandled.map((e) => ({ message: e.message, test: e.VITEST_TEST_NAME })),
      });
    }
    this.write({ kind: 'end' });
  }
}
