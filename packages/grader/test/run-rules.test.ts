import { describe, expect, it } from 'vitest';
import { foldOutcome, parseResults, type RunEnd } from '../src/run/outcome';
import { overrunOf, TEST_GRACE_MS } from '../src/run/watchdog';
import { loadingFiles, type ProgressEvent, type TestProgress } from '../src/vitest/progress-events';

const budgets = { testMs: 1_000, loadMs: 6_000, exerciseMs: 10_000 };
const test = (id: string, startedAt: number, endedAt?: number, output = ''): TestProgress => ({
  id,
  name: `T > ${id}`,
  file: `/x/test/${id}.test.ts`,
  pid: 1,
  startedAt,
  output,
  ...(endedAt === undefined ? {} : { endedAt }),
});

describe('the watchdog rules', () => {
  it('let a test run until its budget plus the grace, then name it with its time and output', () => {
    const progress = [test('done', 0, 50), test('loops', 100, undefined, 'tick\n')];
    const edge = 100 + budgets.testMs + TEST_GRACE_MS;
    expect(overrunOf(budgets, { now: edge, startedAt: 0, progress, tail: '' })).toBeUndefined();
    expect(overrunOf(budgets, { now: edge + 1, startedAt: 0, progress, tail: '' })).toEqual({
      kind: 'test',
      budgetMs: 1_000,
      test: { name: 'T > loops', file: '/x/test/loops.test.ts', ranMs: budgets.testMs + TEST_GRACE_MS + 1 },
      lastOutput: 'tick\n',
    });
  });

  it('stop a run over the exercise budget, naming the longest-running test or else vitest’s output', () => {
    const now = 10_001;
    const running = [test('late', 9_500), test('early', 9_000, undefined, 'waiting\n')];
    expect(overrunOf(budgets, { now, startedAt: 0, progress: running, tail: '' })).toMatchObject({
      kind: 'exercise',
      budgetMs: 10_000,
      test: { name: 'T > early', ranMs: 1_001 },
      lastOutput: 'waiting\n',
    });
    expect(
      overrunOf(budgets, { now, startedAt: 0, progress: [test('a', 0, 10)], tail: 'RUN  vitest' }),
    ).toEqual({ kind: 'exercise', budgetMs: 10_000, lastOutput: 'RUN  vitest' });
    expect(overrunOf(budgets, { now: 10_000, startedAt: 0, progress: [], tail: '' })).toBeUndefined();
  });
});

describe('the load budget', () => {
  const load = (file: string, pid: number, at: number): ProgressEvent => ({ ev: 'load', file, pid, at });

  it('a file is loading from its load until its loaded, a test start in its process, or its process’s next load', () => {
    expect(loadingFiles([load('a', 1, 0)])).toEqual([{ file: 'a', pid: 1, startedAt: 0 }]);
    expect(loadingFiles([load('a', 1, 0), { ev: 'loaded', file: 'a', pid: 9, at: 5 }])).toEqual([]);
    expect(
      loadingFiles([load('a', 1, 0), { ev: 'start', id: 't', name: 'T', file: 'a', pid: 1, at: 5 }]),
    ).toEqual([]);
    // Process 1 went on to b (a had no tests); process 2 is still importing c.
    expect(loadingFiles([load('a', 1, 0), load('c', 2, 1), load('b', 1, 3)])).toEqual([
      { file: 'c', pid: 2, startedAt: 1 },
      { file: 'b', pid: 1, startedAt: 3 },
    ]);
  });

  it('stops a run whose file has been loading for longer than loadMs, naming the file', () => {
    const loading = [{ file: '/x/test/task-2-a.test.ts', pid: 1, startedAt: 100 }];
    const view = { startedAt: 0, progress: [], loading, tail: 'RUN' };
    expect(overrunOf(budgets, { ...view, now: 100 + budgets.loadMs })).toBeUndefined();
    expect(overrunOf(budgets, { ...view, now: 101 + budgets.loadMs })).toEqual({
      kind: 'load',
      budgetMs: budgets.loadMs,
      load: { file: '/x/test/task-2-a.test.ts', ranMs: budgets.loadMs + 1 },
      lastOutput: 'RUN',
    });
  });
});

describe('folding a finished run', () => {
  const end = (partial: Partial<RunEnd>): RunEnd => ({
    results: [{ kind: 'end' }],
    progress: [],
    leftRunning: [],
    cancelled: false,
    exit: { code: 0, signal: null },
    tail: '',
    wallMs: 5,
    ...partial,
  });

  it('gives each test the output its progress recorded, and keeps file-level and outside errors', () => {
    const results = parseResults(
      [
        JSON.stringify({
          kind: 'test',
          id: 'a',
          file: 'f',
          path: ['Task 1: x', 'a'],
          state: 'passed',
          durationMs: 3,
          errors: [],
        }),
        JSON.stringify({ kind: 'module', file: 'f', errors: [{ message: 'leak' }] }),
        JSON.stringify({ kind: 'unhandled', errors: [{ message: 'late boom', test: 'a' }] }),
        JSON.stringify({ kind: 'end' }),
        '{"kind":"te', // torn by SIGKILL
      ].join('\n'),
    );
    const outcome = foldOutcome(end({ results, progress: [test('a', 0, 3, 'hello\n')] }));
    expect(outcome).toMatchObject({
      completed: true,
      tests: [{ id: 'a', output: 'hello\n' }],
      moduleErrors: [{ file: 'f', errors: [{ message: 'leak' }] }],
      unhandled: [{ message: 'late boom', test: 'a' }],
    });
    expect(outcome.crash).toBeUndefined();
  });

  it('report processes left running, unless the grader itself stopped the run', () => {
    expect(foldOutcome(end({ leftRunning: ['42 node helper.js'] })).orphans).toEqual(['42 node helper.js']);
    expect(foldOutcome(end({ leftRunning: ['42 x'], cancelled: true })).orphans).toEqual([]);
    const overrun = { kind: 'exercise' as const, budgetMs: 1, lastOutput: '' };
    expect(foldOutcome(end({ leftRunning: ['42 x'], overrun, results: [] }))).toMatchObject({
      orphans: [],
      overrun,
      completed: false,
    });
  });

  it('call a run that ended without the reporter’s end a crash, with the exit status and last output', () => {
    const outcome = foldOutcome(
      end({ results: [], exit: { code: null, signal: 'SIGSEGV' }, tail: 'a\nSegmentation fault\n' }),
    );
    expect(outcome.crash).toMatch(
      /^vitest ended \(SIGSEGV\) before reporting the end of the run\. Last output:\na\nSegmentation fault$/,
    );
  });
});
