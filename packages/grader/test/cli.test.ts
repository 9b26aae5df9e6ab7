import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { withTimeout } from '@course/runtime';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { gradeCli } from '../src/cli';
import { nextHint } from '../src/hints';
import { resolveLayout } from '../src/layout';
import { copyCourse, running, WRONG } from './helpers/fixture-course';

vi.setConfig({ testTimeout: 90_000 });

const BIN = join(__dirname, '..', 'bin', 'course-grade.cjs');
const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const c of cleanups) c();
});

function cli(args: string[], input = ''): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.stdin.end(input);
  return withTimeout(
    once(child, 'close').then(([code]) => ({ code: code as number | null, out })),
    80_000,
    `course-grade ${args.join(' ')}`,
  );
}

/** A course copy that is its own git repository, as a learner's clone is. */
function gitCourse() {
  const course = copyCourse();
  cleanups.push(course.cleanup);
  const git = (...a: string[]) => execFileSync('git', a, { cwd: course.root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '-m', 'shipped');
  return course;
}

describe('course-grade', () => {
  it('prints its usage with --help and refuses an unknown exercise by name', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/(pnpm(@[\d.]+)? grade|npm run grade --) +--verify \[--runs K\]/);
    const { root } = gitCourse();
    const unknown = await cli(['--root', root, 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toMatch(
      /No exercise "nope" \(no .*exercises\/nope\/exercise\.json\)\. Exercises: tiny\./,
    );
  });

  it('--reset asks for --yes when not on a terminal, then restores the stubs and never the tests', async () => {
    const { root } = gitCourse();
    const stub = join(root, 'exercises', 'tiny', 'src', 'pause.ts');
    const testFile = join(root, 'exercises', 'tiny', 'test', 'task-2-pause.test.ts');
    const shippedStub = readFileSync(stub, 'utf8');
    writeFileSync(stub, 'export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));\n');
    writeFileSync(testFile, `${readFileSync(testFile, 'utf8')}// edited\n`);

    const refused = await cli(['--root', root, '--reset', 'tiny']);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(
      /would discard your changes to 1 file\(s\); not a terminal, so add --yes to confirm/,
    );
    expect(readFileSync(stub, 'utf8')).not.toBe(shippedStub);

    const done = await cli(['--root', root, '--reset', 'tiny', '--yes']);
    expect(done.code).toBe(0);
    expect(readFileSync(stub, 'utf8')).toBe(shippedStub);
    expect(readFileSync(testFile, 'utf8')).toMatch(/\/\/ edited\n$/);
  });

  it('--reset on a terminal: declining keeps the changes and is not an error (exit 0, no ELIFECYCLE)', async () => {
    const { root } = gitCourse();
    const stub = join(root, 'exercises', 'tiny', 'src', 'pause.ts');
    writeFileSync(stub, '// mine\n');
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d) => {
      out += d;
      if (out.includes('[y/N]')) stdin.write('n\n'); // answer once the question is asked
    });
    const code = await gradeCli(['--root', root, '--reset', 'tiny'], {
      stdout,
      stderr: stdout,
      stdin,
      isTTY: true,
    });
    expect(out).toMatch(
      /Put the original stubs of tiny back\? Your changes to .*pause\.ts will be lost\. \[y\/N\]/,
    );
    expect(out).toMatch(/Nothing changed\./);
    expect(code).toBe(0);
    expect(readFileSync(stub, 'utf8')).toBe('// mine\n');
  });

  it('a mistyped exercise name gets a did-you-mean', async () => {
    const { root } = gitCourse();
    const typo = await cli(['--root', root, '--reset', 'tinny']);
    expect(typo.code).toBe(2);
    expect(typo.out).toMatch(/No exercise "tinny" .*Did you mean tiny\?/);
  });

  it('--hint shows the hints of the first unfinished task one at a time, counted in .course/', async () => {
    const { root } = gitCourse();
    const first = await cli(['--root', root, '--hint', 'tiny']);
    expect(first.out).toMatch(
      /Task 1: Sum on two workers — hint 1 of 2\nStart every worker before you await any of them\./,
    );
    // Kept with the learner's progress, not in node_modules/.cache (a reinstall or clean forgets that).
    expect(JSON.parse(readFileSync(join(root, '.course', 'hints', 'tiny.json'), 'utf8'))).toEqual({ 1: 1 });
    // The next call shows the next hint (same state the CLI keeps; no second grading needed here).
    expect(nextHint(resolveLayout({ root }), 'tiny', 1)).toMatchObject({ index: 2, total: 2 });
    expect(nextHint(resolveLayout({ root }), 'tiny', 1)).toMatchObject({ index: 2, total: 2 }); // the last one stays
  });

  it('--verify fails, in its table, a task that already passes as shipped; the solution passes beside a CPU hog', async () => {
    const { root } = gitCourse();
    // A "stub" that already solves task 2: verify must catch tests that do not test anything.
    writeFileSync(
      join(root, 'exercises', 'tiny', 'src', 'pause.ts'),
      'export const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));\n',
    );
    const { code, out } = await cli(['--root', root, '--verify', '--runs', '1']);
    expect(code).toBe(1);
    expect(out).toMatch(/exercise\s+tasks\s+fails as shipped\s+solution passes \(1×\)\s+with CPU hog/);
    expect(out).toMatch(/tiny\s+2\s+no: Task 2\s+1\/1\s+pass\s+.*FAIL/);
    expect(out).toMatch(/tiny: Task 2 pass\(es\) with the shipped stubs: the tests do not test the task\./);
    expect(out).toMatch(/verify: FAILED/);
  });

  it('Ctrl-C during a run stops it and leaves no process of the run behind', async () => {
    const { root } = gitCourse();
    const pidFile = join(root, 'pids.txt');
    const child = spawn(
      process.execPath,
      [BIN, '--root', root, '--solutions', '--solutions-dir', join(WRONG, 'infinite-loop')],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, COURSE_FIXTURE_PID_FILE: pidFile },
      },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    // The looping test has started (and its helper process) once the pid file exists.
    await withTimeout(
      new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim().split('\n').length === 2) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
      }),
      60_000,
      'the looping test to start',
    );
    child.kill('SIGINT');
    const [code] = await withTimeout(once(child, 'close'), 20_000, 'the grader to exit on SIGINT');
    expect(code).toBe(130);
    // The learner is told what Ctrl-C is doing (the test process, its worker, the helper child…).
    expect(err).toMatch(/Stopping [1-9]\d* test process(es)?…/);
    const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    for (const pid of pids) expect(running(pid), `process ${pid} survived Ctrl-C`).toBe(false);
  });

  it('--watch grades, re-grades on save (cancelling the run in progress), and quits on q', async () => {
    const { root } = gitCourse();
    const child = spawn(process.execPath, [BIN, '--root', root, '--watch', 'tiny'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    const seen = (re: RegExp) =>
      withTimeout(
        new Promise<void>((resolve) => {
          const check = () => {
            if (re.test(out)) {
              child.stdout.off('data', check);
              resolve();
            }
          };
          child.stdout.on('data', check);
          check();
        }),
        80_000,
        `watch output ${re}`,
      );
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await seen(/Grading tiny…/);
    // A save while the first run is in progress: that run is cancelled and a new one starts.
    const stub = join(root, 'exercises', 'tiny', 'src', 'pause.ts');
    writeFileSync(stub, `${readFileSync(stub, 'utf8')}\n`);
    await seen(/Change saved: cancelling the run of tiny/);
    await seen(/Watching for changes… \(q to quit\)/);
    expect(out).toMatch(/Next: Task 1: Sum on two workers/);
    child.stdin.write('q');
    const [code] = await withTimeout(once(child, 'close'), 20_000, 'watch to quit');
    expect(code).toBe(0);
    expect(out).toMatch(/Stopped watching\./);
  });
});
