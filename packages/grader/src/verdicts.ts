import { basename } from 'node:path';
import { stripAnsi } from '@course/runtime';
import type { ExerciseMeta } from './exercise-meta';
import type { RawTest, RunOutcome } from './run/outcome';

/** One test, as the grader reports it. */
export interface TestVerdict {
  /** "Task 1: ... > it title" */
  name: string;
  taskId: number | null;
  status: 'pass' | 'fail' | 'error';
  message: string;
  diff?: string;
  output: string;
  durationMs: number;
  file: string;
}

export interface TaskVerdict {
  id: number;
  title: string;
  points: number;
  /** Every test of the task passed and the tests are as shipped. */
  passed: boolean;
  /** Every test of the task passed (whatever the tamper check says): what --verify's stub check needs. */
  testsPassed: boolean;
  tests: TestVerdict[];
}

/** The verdict on one exercise run. */
export interface ExerciseVerdict {
  name: string;
  title: string;
  target: 'exercise' | 'solution';
  /** pass: every task passed and nothing else went wrong; error: the run itself failed. */
  status: 'pass' | 'fail' | 'error';
  tasks: TaskVerdict[];
  /** Tests outside any "Task N:" describe. */
  untasked: TestVerdict[];
  points: number;
  maxPoints: number;
  /** Problems beyond failing tests: overrun, crash, errors outside tests, orphans, tampering. */
  problems: string[];
  wallMs: number;
}

const TASK_TITLE = /^Task (\d+)\s*:/;

/** The task a test belongs to, by its outermost describe title ("Task 2: ..."). */
export function taskIdOf(path: readonly string[]): number | null {
  const m = TASK_TITLE.exec(path[0] ?? '');
  return m ? Number(m[1]) : null;
}

/** The task of a test file by its name (task-2-*.test.ts), for files that failed to load. */
export function taskIdOfFile(file: string): number | null {
  const m = /^task-(\d+)/.exec(basename(file));
  return m ? Number(m[1]) : null;
}

/** Say what a raw error means for a learner, keeping the original message. */
export function explain(message: string, testBudgetMs?: number): string {
  const exit = /process\.exit unexpectedly called with "(-?\d+)"/.exec(message);
  if (exit) {
    return `Your code called process.exit(${exit[1]}): that ends the whole program, not just your function. Return a value or throw an error instead.`;
  }
  const timeout = /Test timed out in (\d+)ms/.exec(message) ?? /Hook timed out in (\d+)ms/.exec(message);
  if (timeout) {
    return `Timed out after ${timeout[1]} ms${testBudgetMs ? ' (the test budget)' : ''}: something never settled — a promise nobody resolves, a worker that never answers, a deadlock? (${message.split('\n')[0]})`;
  }
  return message;
}

function fromRaw(t: RawTest, testBudgetMs: number): TestVerdict {
  const first = t.errors[0];
  const status = t.state === 'passed' ? 'pass' : 'fail';
  return {
    name: t.path.join(' > '),
    taskId: taskIdOf(t.path),
    status,
    message:
      status === 'pass' ? '' : first ? explain(stripAnsi(first.message), testBudgetMs) : `test ${t.state}`,
    ...(first?.diff ? { diff: stripAnsi(first.diff) } : {}),
    output: t.output,
    durationMs: t.durationMs,
    file: t.file,
  };
}

/**
 * Turn a run's outcome into the exercise's verdict: tests grouped by task, points for the tasks
 * whose every test passed, and every problem that makes the run untrustworthy named.
 */
export function judge(
  meta: ExerciseMeta,
  target: 'exercise' | 'solution',
  outcome: RunOutcome,
  testBudgetMs: number,
  tampered: string[] = [],
): ExerciseVerdict {
  const tests = outcome.tests
    .filter((t) => t.state !== 'skipped' && t.state !== 'pending')
    .map((t) => fromRaw(t, testBudgetMs));
  const problems: string[] = [];

  if (outcome.overrun?.kind === 'load' && outcome.overrun.load) {
    const { file, ranMs } = outcome.overrun.load;
    const message = `Stopped: importing ${basename(file)} had not finished after ${(ranMs / 1000).toFixed(1)} s (the ${outcome.overrun.budgetMs} ms budget for loading a test file). No test had started: the code that runs when a module is imported (its top level, outside any function) never finished — an infinite loop, a busy-wait or a blocking call there? Look at the top level of the files this test file imports (your src/ files). The run and everything it started were killed.`;
    problems.push(message);
    tests.push({
      name: `${basename(file)} (loading the file)`,
      taskId: taskIdOfFile(file),
      status: 'error',
      message,
      output: '',
      durationMs: ranMs,
      file,
    });
  } else if (outcome.overrun) {
    const o = outcome.overrun;
    const what = o.test
      ? `"${o.test.name}" was still running after ${(o.test.ranMs / 1000).toFixed(1)} s`
      : 'the tests had not finished';
    const budget =
      o.kind === 'test'
        ? `the ${o.budgetMs} ms budget per test`
        : `the ${o.budgetMs} ms budget for the exercise`;
    const message = `Stopped: ${what}, over ${budget}. An infinite loop, a busy-wait or a blocked event loop never lets the test finish. The run and everything it started were killed.${o.lastOutput ? `\nLast output:\n${o.lastOutput.trim().slice(-500)}` : ''}`;
    problems.push(message);
    if (o.test) {
      const name = o.test.name;
      tests.push({
        name,
        taskId: taskIdOf(name.split(' > ')),
        status: 'error',
        message,
        output: o.lastOutput,
        durationMs: o.test.ranMs,
        file: o.test.file,
      });
    }
  }
  if (outcome.crash) problems.push(outcome.crash);
  for (const m of outcome.moduleErrors) {
    const message = m.errors.map((e) => explain(stripAnsi(e.message), testBudgetMs)).join('\n');
    problems.push(`${basename(m.file)}: ${message}`);
    // A file-level error (failed to load, a leak found after its tests) fails every test of that file.
    const inFile = tests.filter((t) => t.file === m.file);
    for (const t of inFile) if (t.status === 'pass') Object.assign(t, { status: 'fail', message });
    const taskId = taskIdOfFile(m.file);
    if (inFile.length === 0)
      tests.push({
        name: `${basename(m.file)} (the whole file)`,
        taskId,
        status: 'error',
        message,
        output: '',
        durationMs: 0,
        file: m.file,
      });
  }
  for (const u of outcome.unhandled) {
    const message = `An error was thrown outside any test${u.test ? ` (while "${u.test}" ran)` : ''}: ${explain(stripAnsi(u.message))}. A callback (timer, event, worker message) threw after its test had moved on.`;
    problems.push(message);
    const t = u.test ? tests.find((x) => x.name.endsWith(u.test as string)) : undefined;
    if (t) Object.assign(t, { status: 'fail', message });
  }
  if (outcome.orphans.length > 0) {
    problems.push(
      `Processes were still running after the tests ended (the grader killed them):\n${outcome.orphans.map((o) => `  ${o}`).join('\n')}\nEvery child you start must be stopped before your function returns.`,
    );
  }
  for (const t of tampered) problems.push(t);

  const tasks: TaskVerdict[] = meta.tasks.map((task) => {
    const mine = tests.filter((t) => t.taskId === task.id);
    const testsPassed = mine.length > 0 && mine.every((t) => t.status === 'pass');
    return { ...task, tests: mine, testsPassed, passed: testsPassed && tampered.length === 0 };
  });
  for (const task of tasks) {
    if (task.tests.length === 0) {
      const why =
        outcome.overrun || outcome.crash || outcome.cancelled
          ? 'not run: the run was stopped before it got here'
          : `no test found with a describe('Task ${task.id}: ...') title`;
      task.tests.push({
        name: `Task ${task.id}: ${task.title}`,
        taskId: task.id,
        status: 'error',
        message: why,
        output: '',
        durationMs: 0,
        file: '',
      });
    }
  }
  const untasked = tests.filter((t) => t.taskId === null || !meta.tasks.some((k) => k.id === t.taskId));
  const points = tasks.filter((t) => t.passed).reduce((a, t) => a + t.points, 0);
  const allPassed = tasks.every((t) => t.passed) && untasked.every((t) => t.status === 'pass');
  const status =
    outcome.crash || outcome.overrun || outcome.cancelled
      ? 'error'
      : allPassed && problems.length === 0
        ? 'pass'
        : 'fail';
  return {
    name: meta.name,
    title: meta.title,
    target,
    status,
    tasks,
    untasked,
    points: status === 'pass' || tampered.length === 0 ? points : 0,
    maxPoints: meta.tasks.reduce((a, t) => a + t.points, 0),
    problems,
    wallMs: outcome.wallMs,
  };
}
