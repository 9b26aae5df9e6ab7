import type { ResultLine } from '../vitest/grade-reporter';
import type { TestProgress } from '../vitest/progress-events';

/** One finished test as vitest reported it, plus what it printed. */
export interface RawTest {
  id: string;
  file: string;
  path: string[];
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  durationMs: number;
  errors: Array<{ message: string; diff?: string }>;
  output: string;
}

/** Why a run was stopped before it finished. */
export interface Overrun {
  /** A test over the test budget, a file's import over the load budget, the run over the exercise's. */
  kind: 'test' | 'load' | 'exercise';
  budgetMs: number;
  /** The test that was running, if one was. */
  test?: { name: string; file: string; ranMs: number };
  /** kind 'load': the test file whose import (with everything it imports) never finished. */
  load?: { file: string; ranMs: number };
  lastOutput: string;
}

/** Everything one vitest run of an exercise produced, before it is judged (verdicts.ts). */
export interface RunOutcome {
  tests: RawTest[];
  moduleErrors: Array<{ file: string; errors: Array<{ message: string }> }>;
  unhandled: Array<{ message: string; test?: string }>;
  /** vitest reached the end of the run and reported it. */
  completed: boolean;
  overrun?: Overrun;
  /** vitest ended without reporting the end: its exit status and last output. */
  crash?: string;
  /** Processes still in the run's process group after vitest ended (then killed). */
  orphans: string[];
  cancelled: boolean;
  wallMs: number;
}

/** Parse the reporter's results file; a line torn by SIGKILL is skipped. */
export function parseResults(text: string): ResultLine[] {
  const out: ResultLine[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as ResultLine);
    } catch {
      // a line torn by SIGKILL
    }
  }
  return out;
}

/** What was known when vitest's process closed. */
export interface RunEnd {
  /** The reporter's lines (results.ndjson). */
  results: readonly ResultLine[];
  /** The setup file's view of each test (progress.ndjson): where each test's output comes from. */
  progress: readonly TestProgress[];
  /** Processes of the run still alive after vitest ended, as "pid command". */
  leftRunning: readonly string[];
  overrun?: Overrun;
  cancelled: boolean;
  exit: { code: number | null; signal: NodeJS.Signals | null };
  /** The last output of vitest itself (stdout and stderr). */
  tail: string;
  wallMs: number;
}

/**
 * Fold what a run left behind into its outcome. A run the grader stopped (overrun, cancel) reports
 * no orphans — the grader killed everything on purpose — and a run that ended without the reporter's
 * `end` line, when nobody stopped it, is a crash named with vitest's last output.
 *
 * @example
 * foldOutcome({ results: [{ kind: 'end' }], progress: [], leftRunning: [], cancelled: false,
 *   exit: { code: 0, signal: null }, tail: '', wallMs: 900 }).completed // true
 */
export function foldOutcome(end: RunEnd): RunOutcome {
  const outputs = new Map(end.progress.map((t) => [t.id, t.output]));
  const stopped = end.overrun !== undefined || end.cancelled;
  const outcome: RunOutcome = {
    tests: [],
    moduleErrors: [],
    unhandled: [],
    completed: end.results.some((l) => l.kind === 'end'),
    orphans: stopped ? [] : [...end.leftRunning],
    cancelled: end.cancelled,
    wallMs: end.wallMs,
    ...(end.overrun ? { overrun: end.overrun } : {}),
  };
  for (const l of end.results) {
    if (l.kind === 'test') outcome.tests.push({ ...l, output: outputs.get(l.id) ?? '' });
    else if (l.kind === 'module') outcome.moduleErrors.push({ file: l.file, errors: l.errors });
    else if (l.kind === 'unhandled') outcome.unhandled.push(...l.errors);
  }
  if (!outcome.completed && !stopped) {
    const { code, signal } = end.exit;
    const last = end.tail.trim().split('\n').slice(-15).join('\n');
    outcome.crash = `vitest ended (${signal ?? `exit code ${code}`}) before reporting the end of the run. Last output:\n${last}`;
  }
  return outcome;
}
