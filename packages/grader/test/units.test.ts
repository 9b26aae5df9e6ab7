import { describe, expect, it } from 'vitest';
import { parseGradeArgs } from '../src/args';
import { deriveBudgets } from '../src/budgets';
import { parseExerciseMeta } from '../src/exercise-meta';
import { parseHints } from '../src/hints';
import { toJsonReport } from '../src/report/json-report';
import type { RunOutcome } from '../src/run/outcome';
import { compareHashes } from '../src/tamper';
import { explain, judge, taskIdOf } from '../src/verdicts';
import { foldProgress, parseProgress, runningTests } from '../src/vitest/progress-events';

const meta = parseExerciseMeta(
  {
    name: 'demo',
    title: 'Demo',
    tasks: [
      { id: 1, title: 'One', points: 2 },
      { id: 2, title: 'Two', points: 1 },
    ],
  },
  'demo/exercise.json',
  '/c/exercises/demo',
);

function outcome(partial: Partial<RunOutcome>): RunOutcome {
  return {
    tests: [],
    moduleErrors: [],
    unhandled: [],
    completed: true,
    orphans: [],
    cancelled: false,
    wallMs: 10,
    ...partial,
  };
}

const test = (path: string[], state: 'passed' | 'failed', message = '') => ({
  id: path.join('/'),
  file: `/c/exercises/demo/test/task-${taskIdOf(path)}.test.ts`,
  path,
  state,
  durationMs: 5,
  errors: message ? [{ message }] : [],
  output: '',
});

describe('parseExerciseMeta', () => {
  it('names the file and the field of a mistake', () => {
    expect(() =>
      parseExerciseMeta({ name: 'x', title: 'X', tasks: [{ id: 1, title: 'a' }] }, 'x/exercise.json', '/x'),
    ).toThrow('x/exercise.json: tasks[0].points must be a number >= 0');
    expect(() =>
      parseExerciseMeta(
        { name: 'x', title: 'X', tasks: [{ id: 1, title: 'a', points: 1 }], budgets: { testMs: -1 } },
        'f',
        '/x',
      ),
    ).toThrow('f: budgets.testMs must be a positive number of milliseconds');
  });
});

describe('parseGradeArgs', () => {
  it('reads modes, names and options', () => {
    expect(parseGradeArgs([])).toMatchObject({ mode: 'grade', names: [], solutions: false, runs: 3 });
    expect(parseGradeArgs(['--solutions', 'a', '--json', 'r.json'])).toMatchObject({
      mode: 'grade',
      names: ['a'],
      solutions: true,
      json: 'r.json',
    });
    expect(parseGradeArgs(['--verify', '--runs', '5'])).toMatchObject({ mode: 'verify', runs: 5 });
    expect(parseGradeArgs(['--reset', 'a', '--yes'])).toMatchObject({
      mode: 'reset',
      names: ['a'],
      yes: true,
    });
  });

  it('refuses a mistake with a message that says what is expected', () => {
    expect(() => parseGradeArgs(['--hint'])).toThrow('--hint needs exactly one exercise name');
    expect(() => parseGradeArgs(['--watch', '--verify'])).toThrow(/Choose one of --watch, --verify/);
    expect(() => parseGradeArgs(['--runs', '0', '--verify'])).toThrow(
      '--runs must be a positive integer, got "0"',
    );
    expect(() => parseGradeArgs(['--nope'])).toThrow(/Unknown option '--nope'/);
  });
});

describe('deriveBudgets', () => {
  it('uses the exercise budgets when it sets them', () => {
    const m = { ...meta, budgets: { testMs: 3000, exerciseMs: 40_000 } };
    expect(deriveBudgets(m, { totalMs: 100, slowestTestMs: 10 })).toMatchObject({
      testMs: 3000,
      exerciseMs: 40_000,
      source: 'exercise.json',
    });
  });

  it('derives them from the reference solution, capped at 20 s per exercise', () => {
    expect(deriveBudgets(meta, { totalMs: 3000, slowestTestMs: 400 })).toMatchObject({
      testMs: 3000,
      exerciseMs: 14_000,
      source: 'reference solution',
    });
    expect(deriveBudgets(meta, { totalMs: 30_000, slowestTestMs: 9000 })).toMatchObject({
      testMs: 15_000,
      exerciseMs: 20_000,
    });
    expect(deriveBudgets(meta)).toMatchObject({
      testMs: 10_000,
      loadMs: 5_000,
      exerciseMs: 20_000,
      source: 'default',
    });
    expect(deriveBudgets({ ...meta, budgets: { loadMs: 2_000 } })).toMatchObject({
      loadMs: 2_000,
      source: 'exercise.json',
    });
  });
});

describe('parseHints', () => {
  it('reads numbered hints per task, a hint may span lines', () => {
    const hints = parseHints(
      '# Hints\n\n## Task 1\n1. First.\n2. Second,\n   continued.\n\n## Task 2: Title\n1) Only.\n',
    );
    expect(hints.get(1)).toEqual(['First.', 'Second,\ncontinued.']);
    expect(hints.get(2)).toEqual(['Only.']);
  });
});

describe('progress events', () => {
  it('names the test still running and what it printed, ignoring a line torn by SIGKILL', () => {
    const text = [
      JSON.stringify({ ev: 'start', id: 'a', name: 'T1 > a', file: 'f', pid: 1, at: 100 }),
      JSON.stringify({ ev: 'end', id: 'a', pid: 1, at: 150 }),
      JSON.stringify({ ev: 'start', id: 'b', name: 'T1 > b', file: 'f', pid: 1, at: 160 }),
      JSON.stringify({ ev: 'out', id: 'b', pid: 1, text: 'looping\n' }),
      '{"ev":"out","id":"b","te',
    ].join('\n');
    const running = runningTests(foldProgress(parseProgress(text)));
    expect(running).toEqual([
      expect.objectContaining({ name: 'T1 > b', startedAt: 160, output: 'looping\n' }),
    ]);
  });
});

describe('compareHashes', () => {
  it('lists changed, deleted and added files', () => {
    expect(compareHashes({ a: '1', b: '2', c: '3' }, { a: '1', b: 'x', d: '4' })).toEqual({
      changed: ['b'],
      deleted: ['c'],
      added: ['d'],
    });
  });
});

describe('explain', () => {
  it('turns process.exit and timeouts into advice, keeping other messages', () => {
    expect(explain('Error: process.exit unexpectedly called with "0"')).toMatch(
      /^Your code called process\.exit\(0\)/,
    );
    expect(explain('Test timed out in 3000ms.\nIf this is a long-running test...', 3000)).toMatch(
      /^Timed out after 3000 ms \(the test budget\): something never settled/,
    );
    expect(explain('expected 1 to be 2')).toBe('expected 1 to be 2');
  });
});

describe('judge', () => {
  it('maps tests to tasks by their describe title and gives points for fully passing tasks', () => {
    expect(taskIdOf(['Task 12: x', 'y'])).toBe(12);
    expect(taskIdOf(['Helpers', 'y'])).toBeNull();
    const v = judge(
      meta,
      'exercise',
      outcome({
        tests: [
          test(['Task 1: One', 'a'], 'passed'),
          test(['Task 1: One', 'b'], 'passed'),
          test(['Task 2: Two', 'c'], 'failed', 'expected 1 to be 2'),
        ],
      }),
      1000,
    );
    expect(v.tasks.map((t) => t.passed)).toEqual([true, false]);
    expect(v).toMatchObject({ status: 'fail', points: 2, maxPoints: 3 });
  });

  it('fails a task with no tests, and passes nothing when the tests were tampered with', () => {
    const v = judge(meta, 'exercise', outcome({ tests: [test(['Task 1: One', 'a'], 'passed')] }), 1000, [
      'The test file demo/test/a.test.ts was changed',
    ]);
    expect(v.tasks[1]?.tests[0]?.message).toMatch(/no test found with a describe\('Task 2: \.\.\.'\) title/);
    expect(v).toMatchObject({ status: 'fail', points: 0 });
    expect(v.tasks[0]?.passed).toBe(false);
    // --verify's "fails as shipped" must still see that the task's tests passed.
    expect(v.tasks[0]?.testsPassed).toBe(true);
  });

  it('reports an overrun as an error naming the test, its time and its last output', () => {
    const v = judge(
      meta,
      'exercise',
      outcome({
        completed: false,
        overrun: {
          kind: 'test',
          budgetMs: 3000,
          test: { name: 'Task 2: Two > loops', file: 'f', ranMs: 4600 },
          lastOutput: 'tick\n',
        },
      }),
      3000,
    );
    expect(v.status).toBe('error');
    expect(v.tasks[1]?.tests[0]).toMatchObject({ status: 'error', name: 'Task 2: Two > loops' });
    expect(v.problems[0]).toMatch(
      /^Stopped: "Task 2: Two > loops" was still running after 4\.6 s, over the 3000 ms budget per test\.[\s\S]*Last output:\ntick/,
    );
  });

  it('fails the tests of a file whose file-level check failed, and reports errors thrown outside tests', () => {
    const v = judge(
      meta,
      'exercise',
      outcome({
        tests: [test(['Task 1: One', 'a'], 'passed'), test(['Task 2: Two', 'b'], 'passed')],
        moduleErrors: [
          {
            file: '/c/exercises/demo/test/task-1.test.ts',
            errors: [{ message: 'Left running after the tests of this file: a worker (w.ts)' }],
          },
        ],
        unhandled: [{ message: 'late boom' }],
      }),
      1000,
    );
    expect(v.tasks[0]).toMatchObject({ passed: false });
    expect(v.tasks[1]).toMatchObject({ passed: true });
    expect(v.status).toBe('fail');
    expect(v.problems.join('\n')).toMatch(/An error was thrown outside any test: late boom/);
  });
});

describe('toJsonReport', () => {
  it('has the exercism v3 shape: message only for error, task ids, output capped at 500 characters with the notice', () => {
    const long = 'x'.repeat(900);
    const v = judge(
      meta,
      'exercise',
      outcome({
        tests: [
          { ...test(['Task 1: One', 'a'], 'passed'), output: long },
          test(['Task 2: Two', 'b'], 'failed', 'nope'),
        ],
      }),
      1000,
    );
    const report = toJsonReport([v]);
    expect(report).toMatchObject({ version: 3, status: 'fail', message: null });
    const [a, b] = report.tests;
    expect(a).toEqual({
      name: 'Task 1: One > a',
      task_id: 1,
      status: 'pass',
      message: null,
      output: expect.any(String),
    });
    expect(a?.output).toHaveLength(500);
    expect(a?.output).toMatch(/\nOutput was truncated\. Please limit to 500 chars$/);
    expect(b).toEqual({ name: 'Task 2: Two > b', task_id: 2, status: 'fail', message: 'nope', output: null });
    expect(report.exercises[0]).toMatchObject({ name: 'demo', status: 'fail', points: 2, max_points: 3 });
    expect(toJsonReport([v, { ...v, name: 'other' }]).tests[0]?.name).toBe('demo: Task 1: One > a');
  });
});
