import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { gradeExercise } from '../src/grade';
import type { ExerciseVerdict } from '../src/verdicts';
import { copyCourse, fixtureLayout, running, WRONG } from './helpers/fixture-course';

/**
 * The grader against a tiny fixture exercise, its reference solution, and deliberately wrong
 * solutions: each must get the right verdict, within the budget, leaving nothing running.
 * (Real vitest runs in real process groups: these are the slow tests of this package.)
 */
// Each grading is a real vitest run (2-4 s idle; several times that on a loaded 2-core machine).
vi.setConfig({ testTimeout: 90_000 });

const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const c of cleanups) c();
});

async function grade(
  target: 'exercise' | 'solution',
  solutionsDir?: string,
  env?: Record<string, string>,
): Promise<ExerciseVerdict> {
  const { layout, cleanup } = fixtureLayout(solutionsDir ? { solutionsDir } : {});
  cleanups.push(cleanup);
  return gradeExercise(layout, 'tiny', { target, ...(env ? { env } : {}) });
}

const failing = (v: ExerciseVerdict, task: number) =>
  v.tasks.find((t) => t.id === task)?.tests.find((t) => t.status !== 'pass');

describe('grading the fixture exercise', () => {
  it('fails every task of the shipped stubs, with the stub message', async () => {
    const v = await grade('exercise');
    expect(v.status, v.problems.join('\n')).toBe('fail');
    expect(v.tasks.map((t) => t.passed)).toEqual([false, false]);
    expect(failing(v, 1)?.message).toMatch(/Not implemented yet: sumOnWorkers/);
    expect(v.points).toBe(0);
  });

  it('passes every task of the reference solution', async () => {
    const v = await grade('solution');
    expect(v.problems).toEqual([]);
    const fail = v.tasks.flatMap((t) => t.tests).find((t) => t.status !== 'pass');
    expect(fail, `${fail?.name}: ${fail?.message}`).toBeUndefined();
    expect(v).toMatchObject({ status: 'pass', points: 3, maxPoints: 3 });
  });
});

describe('grading deliberately wrong solutions', () => {
  it('a sequential solution fails the parallelism task saying so; a busy-wait fails with the loop delay', async () => {
    const v = await grade('solution', join(WRONG, 'sequential-busy-wait'));
    expect(v.status, v.problems.join('\n')).toBe('fail');
    expect(failing(v, 1)?.message).toMatch(/at most 1 were busy at the same time.*sequential solution/);
    expect(failing(v, 2)?.message).toMatch(
      /The event loop was blocked for \d+ ms while pause\(600\) ran \(budget 400 ms\)/,
    );
  });

  it('never-terminated workers fail as a leak naming the worker file; process.exit(0) is explained', async () => {
    const v = await grade('solution', join(WRONG, 'leaky-worker-process-exit'));
    expect(v.status, v.problems.join('\n')).toBe('fail');
    expect(failing(v, 1)?.message).toMatch(
      /left these running after it finished:\n- a worker \(.*sum-worker\.ts\)/,
    );
    expect(failing(v, 2)?.message).toMatch(/^Your code called process\.exit\(0\)/);
  });

  it('an error thrown outside any test (a timer left behind) fails the exercise, saying so', async () => {
    const v = await grade('solution', join(WRONG, 'throws-later'));
    expect(v.status, v.problems.join('\n')).toBe('fail');
    expect(v.problems.join('\n')).toMatch(
      /An error was thrown outside any test.*: the cleanup timer of pause\(\) failed/,
    );
  });

  it('an infinite loop is stopped within the budget, named with its last output, and leaves no process behind', async () => {
    const { layout, cleanup } = fixtureLayout({ solutionsDir: join(WRONG, 'infinite-loop') });
    cleanups.push(cleanup);
    const pidFile = join(layout.stateDir, '..', 'pids.txt');
    const started = Date.now();
    const v = await gradeExercise(layout, 'tiny', {
      target: 'solution',
      env: { COURSE_FIXTURE_PID_FILE: pidFile },
    });
    const elapsed = Date.now() - started;
    expect(v.status, v.problems.join('\n')).toBe('error');
    const stuck = failing(v, 2);
    expect(stuck?.name).toBe('Task 2: Wait without blocking > waits at least the given time');
    expect(stuck?.message).toMatch(
      /was still running after \d+\.\d s, over the 8000 ms budget per test[\s\S]*Last output:\npausing for 100 ms/,
    );
    expect(elapsed).toBeLessThan(60_000); // the exercise budget (generous: the machine may be loaded)
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    expect(pids).toHaveLength(2); // the helper process and the test process that looped
    for (const pid of pids) expect(running(pid), `process ${pid} survived the grading`).toBe(false);
  });

  it('an infinite loop at a module’s top level is stopped by the load budget, naming the file being loaded', async () => {
    const { layout, cleanup } = fixtureLayout({ solutionsDir: join(WRONG, 'import-loop') });
    cleanups.push(cleanup);
    const pidFile = join(layout.stateDir, '..', 'pids.txt');
    const started = Date.now();
    const v = await gradeExercise(layout, 'tiny', {
      target: 'solution',
      env: { COURSE_FIXTURE_PID_FILE: pidFile },
    });
    const elapsed = Date.now() - started;
    expect(v.status, v.problems.join('\n')).toBe('error');
    const stuck = failing(v, 2);
    expect(stuck?.name).toBe('task-2-pause.test.ts (loading the file)');
    expect(stuck?.message).toMatch(
      /^Stopped: importing task-2-pause\.test\.ts had not finished after \d+\.\d s \(the 5000 ms budget for loading a test file\)\. No test had started/,
    );
    // Well before the exercise budget (60 s here): the load budget (5 s) plus vitest's start-up.
    expect(elapsed).toBeLessThan(30_000);
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) expect(running(pid), `process ${pid} survived the grading`).toBe(false);
  });

  it('processes that left the process group (detached, double fork + setsid) are found, reported and killed', async () => {
    const { layout, cleanup } = fixtureLayout({ solutionsDir: join(WRONG, 'escapes-the-group') });
    cleanups.push(cleanup);
    const pidFile = join(layout.stateDir, '..', 'pids.txt');
    const v = await gradeExercise(layout, 'tiny', {
      target: 'solution',
      env: { COURSE_FIXTURE_PID_FILE: pidFile },
    });
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(running(pid), `process ${pid} survived the grading`).toBe(false);
    // Every task passed, but the exercise did not: what it left behind is named, pid by pid.
    expect(v.tasks.map((t) => t.testsPassed)).toEqual([true, true]);
    expect(v.status).toBe('fail');
    const problem = v.problems.find((p) => p.startsWith('Processes were still running'));
    expect(problem, v.problems.join('\n')).toBeDefined();
    for (const pid of pids)
      expect(problem).toMatch(new RegExp(`^  ${pid} .*\\(it had left the process group\\)$`, 'm'));
  });

  it('a modified or deleted test file is reported by name and the exercise is not counted as passed', async () => {
    const { root, layout, cleanup } = copyCourse();
    cleanups.push(cleanup);
    const testFile = join(root, 'exercises', 'tiny', 'test', 'task-2-pause.test.ts');
    writeFileSync(
      testFile,
      readFileSync(testFile, 'utf8').replace('toBeGreaterThanOrEqual(95)', 'toBeGreaterThanOrEqual(0)'),
    );
    rmSync(join(root, 'exercises', 'tiny', 'test', 'task-1-sum.test.ts'));
    const v = await gradeExercise(layout, 'tiny', { target: 'solution' });
    expect(v.status, v.problems.join('\n')).toBe('fail');
    expect(v.points).toBe(0);
    expect(v.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^The test file tiny\/test\/task-2-pause\.test\.ts was changed/),
        expect.stringMatching(/^The test file tiny\/test\/task-1-sum\.test\.ts was deleted/),
      ]),
    );
  });
});
