import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  asTyped,
  courseState,
  detectRunner,
  formatCommand,
  formatUsage,
  onPath,
  pinnedPnpmVersion,
  readProgress,
  recordExercise,
  recordLesson,
  workspaceRoot,
} from '../src';

const NPX_PNPM = '/home/u/.npm/_npx/92afc42852bb890b/node_modules/pnpm/bin/pnpm.cjs';

describe('commands printed the way the learner can run them', () => {
  const none = () => false;
  it('the README way (pnpm through npx) prints npx -y pnpm@<version>, from the user agent', () => {
    const env = {
      npm_config_user_agent: 'pnpm/10.24.0 npm/? node/v24.1.0 linux x64',
      npm_execpath: NPX_PNPM,
    };
    const runner = detectRunner(env, '10.24.0', () => true); // npx's own .bin is on PATH while it runs
    expect(formatCommand(runner, 'grade', ['--hint', 'web-scraping'])).toBe(
      'npx -y pnpm@10.24.0 grade --hint web-scraping',
    );
  });

  it('a pnpm installed by the learner prints plain pnpm', () => {
    const env = {
      npm_config_user_agent: 'pnpm/10.24.0 npm/? node/v22.1.0 linux x64',
      npm_execpath: '/usr/lib/node_modules/pnpm/bin/pnpm.cjs',
    };
    expect(
      formatCommand(
        detectRunner(env, '10.24.0', () => true),
        'start',
        ['threads/basic-threads'],
      ),
    ).toBe('pnpm start threads/basic-threads');
  });

  it('pnpm through npx without its own execpath (pnpm exec) and no pnpm on PATH is still the README way', () => {
    const env = {
      npm_config_user_agent: 'pnpm/10.24.0 npm/? node/v22.1.0 linux x64',
      npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    };
    expect(formatCommand(detectRunner(env, '10.24.0', none), 'next')).toBe('npx -y pnpm@10.24.0 next');
  });

  it('npm run prints npm run <script> -- <options>, and npm start / npm test without run', () => {
    const runner = detectRunner(
      { npm_config_user_agent: 'npm/11.1.0 node/v24.1.0 linux x64' },
      '10.24.0',
      none,
    );
    expect(formatCommand(runner, 'grade', ['--watch', 'web-scraping'])).toBe(
      'npm run grade -- --watch web-scraping',
    );
    expect(formatCommand(runner, 'start', [])).toBe('npm start');
    expect(formatCommand(runner, 'progress')).toBe('npm run progress');
  });

  it('started by node itself: pnpm if it is on PATH, else the README way with the pinned version', () => {
    expect(
      formatCommand(
        detectRunner({}, '10.24.0', () => true),
        'next',
      ),
    ).toBe('pnpm next');
    expect(formatCommand(detectRunner({}, '10.24.0', none), 'next')).toBe('npx -y pnpm@10.24.0 next');
  });

  it('quotes an argument the shell would split', () => {
    expect(formatCommand({ kind: 'pnpm' }, 'grade', ['--json', 'my results.json'])).toBe(
      "pnpm grade --json 'my results.json'",
    );
  });

  it('does not count npx’s temporary folder as pnpm being on PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onpath-'));
    const npxBin = join(dir, '_npx', 'abc', 'node_modules', '.bin');
    const ownBin = join(dir, 'bin');
    for (const d of [npxBin, ownBin]) mkdirSync(d, { recursive: true });
    writeFileSync(join(npxBin, 'pnpm'), '');
    chmodSync(join(npxBin, 'pnpm'), 0o755);
    expect(onPath('pnpm', { PATH: npxBin })).toBe(false);
    writeFileSync(join(ownBin, 'pnpm'), '');
    expect(onPath('pnpm', { PATH: [npxBin, ownBin].join(':') })).toBe(true);
  });

  it('reads the pinned pnpm version from the workspace', () => {
    expect(pinnedPnpmVersion(workspaceRoot(__dirname))).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('commands inside prose and usage blocks', () => {
  const npx = { kind: 'npx-pnpm', version: '10.24.0' } as const;
  it('rewrites each `pnpm <script> …` code span, and nothing outside backticks', () => {
    expect(asTyped('see `pnpm bench job-queue`, or pnpm docs', npx)).toBe(
      'see `npx -y pnpm@10.24.0 bench job-queue`, or pnpm docs',
    );
    expect(asTyped('`pnpm grade --watch web-scraping`', { kind: 'npm' })).toBe(
      '`npm run grade -- --watch web-scraping`',
    );
  });

  it('keeps a pnpm-only form (--filter) runnable for an npm user, through npx', () => {
    expect(asTyped('`pnpm --filter @course/distributed worker`', { kind: 'npm' })).toMatch(
      /^`npx -y pnpm@\d+\.\d+\.\d+ --filter @course\/distributed worker`$/,
    );
  });

  it('a usage block keeps placeholders unquoted and puts npm’s -- before them', () => {
    expect(
      formatUsage({ kind: 'npm' }, [
        ['grade', '<name>', 'one'],
        ['progress', '', 'all'],
      ]),
    ).toBe('Usage:\n  npm run grade -- <name>  one\n  npm run progress         all');
  });
});

describe('progress and the next step', () => {
  const order = [
    { kind: 'lesson', id: 'threads/basic-threads' },
    { kind: 'exercise', id: 'thread-safe-structures' },
    { kind: 'lesson', id: 'threads/worker-pool' },
  ] as const;
  const record = (status: 'pass' | 'fail') => ({
    name: 'thread-safe-structures',
    at: new Date(0).toISOString(),
    status,
    points: status === 'pass' ? 100 : 20,
    maxPoints: 100,
    tasks: [
      { id: 1, title: 'Mutex', passed: true, passedTests: 4, tests: 4 },
      { id: 2, title: 'Semaphore', passed: status === 'pass', passedTests: 1, tests: 3 },
    ],
  });

  it('a fresh learner starts at the first step', () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    const s = courseState(order, readProgress(dir));
    expect(s.next?.step.id).toBe('threads/basic-threads');
    expect(s.steps.map((x) => x.state)).toEqual(['not started', 'not started', 'not started']);
  });

  it('a lesson that was interrupted is started, not done; one finished run makes it done for good', () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    recordLesson(dir, 'threads/basic-threads', 'interrupted', false);
    expect(courseState(order, readProgress(dir)).steps[0]?.state).toBe('started');
    recordLesson(dir, 'threads/basic-threads', 'finished', true);
    recordLesson(dir, 'threads/basic-threads', 'interrupted', false);
    const s = courseState(order, readProgress(dir));
    expect(s.steps[0]?.state).toBe('done');
    expect(s.next?.step.id).toBe('thread-safe-structures');
  });

  it('an exercise is started until its last grading passed every task', () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    recordLesson(dir, 'threads/basic-threads', 'finished', false);
    recordExercise(dir, record('fail'));
    let s = courseState(order, readProgress(dir));
    expect(s.steps[1]?.state).toBe('started');
    expect(s.next?.exercise?.tasks.find((t) => !t.passed)?.id).toBe(2);
    recordExercise(dir, record('pass'));
    s = courseState(order, readProgress(dir));
    expect(s.next?.step.id).toBe('threads/worker-pool');
    expect(s.done).toBe(2);
  });

  it('a broken record is an error naming the file, not silently "not started"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'progress-'));
    mkdirSync(join(dir, 'exercises'), { recursive: true });
    writeFileSync(join(dir, 'exercises', 'web-scraping.json'), '{ oops');
    expect(() => readProgress(dir)).toThrow(/web-scraping\.json: not valid JSON/);
  });
});
