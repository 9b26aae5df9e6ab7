import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { redisHelp } from '@course/distributed';
import { usage as gradeUsage, parseGradeArgs } from '@course/grader/args';
import { listExerciseNames } from '@course/grader/meta';
import { formatExercise } from '@course/grader/terminal-report';
import {
  asTyped,
  findInPackages,
  pinnedPnpmVersion,
  type Runner,
  recordExercise,
  recordLesson,
  stripAnsi,
} from '@course/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COURSE_ROOT, courseLessons } from '../src/course';
import { usage as menuUsage } from '../src/list';
import { courseView, formatNext, formatProgress, formatStatus } from '../src/progress';

// "Every command the course prints must work as printed for a user who followed the README."
// Each printed command is parsed back the way a shell and its runner would read it, and checked
// against what exists: the root script, the script's own argument parser, lesson ids, exercise
// names, benchmark names, workspace packages and their scripts.

const pinned = pinnedPnpmVersion(COURSE_ROOT);
const rootScripts = (
  JSON.parse(readFileSync(join(COURSE_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const lessonIds = courseLessons().map((l) => l.id);
const exercises = listExerciseNames({ exercisesDir: join(COURSE_ROOT, 'exercises') });
const benches = findInPackages(COURSE_ROOT, ['packages', 'solutions'], 'bench', '.bench.ts').map((f) =>
  basename(f, '.bench.ts'),
);

/** The environment each way of running the course gives the process that prints. */
const RUNNERS: Array<{ runner: Runner; env: Record<string, string>; prefix: string }> = [
  {
    runner: { kind: 'npx-pnpm', version: pinned },
    env: {
      npm_config_user_agent: `pnpm/${pinned} npm/? node/v24.1.0 linux x64`,
      npm_execpath: '/home/u/.npm/_npx/92afc42852bb890b/node_modules/pnpm/bin/pnpm.cjs',
    },
    prefix: `npx -y pnpm@${pinned}`,
  },
  {
    runner: { kind: 'npm' },
    env: { npm_config_user_agent: 'npm/11.1.0 node/v24.1.0 linux x64', npm_execpath: '/usr/lib/npm-cli.js' },
    prefix: 'npm',
  },
];

/** Split a printed command into the root script and its arguments, as its runner would. */
function parsePrinted(cmd: string, r: (typeof RUNNERS)[number]): { script: string; args: string[] } | string {
  const words = cmd.trim().split(/\s+/);
  const head = r.prefix.split(' ');
  const npxPnpm = `npx -y pnpm@${pinned}`.split(' ');
  const starts = (p: string[]) => p.every((w, i) => words[i] === w);
  if (r.runner.kind === 'npm' && !starts(head) && starts(npxPnpm)) return parseAfter(npxPnpm.length); // pnpm --filter …
  if (!starts(head))
    return `"${cmd}" does not start with "${r.prefix}", the way this learner runs the course`;
  if (r.runner.kind !== 'npm') return parseAfter(head.length);
  const rest = words.slice(1);
  const script = rest[0] === 'run' ? rest[1] : rest[0];
  if (rest[0] !== 'run' && script !== 'start' && script !== 'test')
    return `npm has no shorthand "npm ${script}"`;
  const args = rest.slice(rest[0] === 'run' ? 2 : 1);
  if (args.length > 0 && args[0] !== '--')
    return `"${cmd}": npm would take ${args[0]} as its own option (needs --)`;
  return { script: script ?? '', args: args.slice(1) };

  function parseAfter(n: number) {
    const [script = '', ...args] = words.slice(n);
    return { script, args };
  }
}

/** Why a parsed command would not work, or undefined when it would. */
function problemOf(cmd: string, r: (typeof RUNNERS)[number]): string | undefined {
  const parsed = parsePrinted(cmd, r);
  if (typeof parsed === 'string') return parsed;
  const { script, args } = parsed;
  if (script === '--filter') {
    const [pkg, pkgScript] = args;
    const dir = readdirSync(join(COURSE_ROOT, 'packages')).find((d) => {
      const f = join(COURSE_ROOT, 'packages', d, 'package.json');
      return (
        statSync(join(COURSE_ROOT, 'packages', d)).isDirectory() &&
        JSON.parse(readFileSync(f, 'utf8')).name === pkg
      );
    });
    if (!dir) return `"${cmd}": no workspace package ${pkg}`;
    const scripts =
      JSON.parse(readFileSync(join(COURSE_ROOT, 'packages', dir, 'package.json'), 'utf8')).scripts ?? {};
    return pkgScript && scripts[pkgScript] ? undefined : `"${cmd}": ${pkg} has no script ${pkgScript}`;
  }
  if (!(script in rootScripts)) return `"${cmd}": the root package.json has no script "${script}"`;
  const names = args.filter((a) => !a.startsWith('-'));
  switch (script) {
    case 'grade': {
      try {
        const g = parseGradeArgs(args);
        const unknown = g.json ? g.names.filter((n) => n !== g.json) : g.names;
        const missing = unknown.filter((n) => !exercises.includes(n));
        return missing.length ? `"${cmd}": no exercise ${missing.join(', ')}` : undefined;
      } catch (err) {
        return `"${cmd}": ${(err as Error).message.split('\n')[0]}`;
      }
    }
    case 'start': {
      const bad = args.filter((a) => a.startsWith('-') && !['--list', '--quick', '-q', '--help'].includes(a));
      const missing = names.filter((n) => !lessonIds.includes(n));
      return bad.length || missing.length
        ? `"${cmd}": unknown ${[...bad, ...missing].join(', ')}`
        : undefined;
    }
    case 'bench': {
      const missing = names.filter((n) => !benches.includes(n));
      return missing.length
        ? `"${cmd}": no benchmark ${missing.join(', ')} (known: ${benches.join(', ')})`
        : undefined;
    }
    case 'progress':
    case 'next':
    case 'status':
      return args.length ? `"${cmd}": ${script} takes no arguments` : undefined;
    default:
      return undefined; // test, lint, clean, gen:measurements…: their own tools check their options
  }
}

/** Every command in a text, by the runner's prefix, up to a backtick, two spaces or the line's end. */
function commandsIn(text: string, r: (typeof RUNNERS)[number]): string[] {
  const plain = stripAnsi(text);
  const prefixes = [r.prefix, `npx -y pnpm@${pinned}`].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?:${prefixes.join('|')})(?: [^\\s\`]+)*`, 'g');
  return [...new Set(plain.match(re) ?? [])];
}

/** A usage line's placeholders, filled with values that exist. */
function fill(cmd: string): string {
  return cmd
    .replace('<name>', exercises[0] ?? 'x')
    .replace('[name...]', exercises[1] ?? 'x')
    .replace('<id>', lessonIds[0] ?? 'x')
    .replace('<file>', 'results.json')
    .replace('[--yes]', '--yes')
    .replace('[--quick]', '--quick')
    .replace('[--runs K]', '--runs 2');
}

const failing: Parameters<typeof formatExercise>[0] = {
  name: exercises[0] ?? 'thread-safe-structures',
  title: 'x',
  target: 'exercise',
  status: 'fail',
  tasks: [{ id: 1, title: 'First', points: 10, passed: false, testsPassed: false, tests: [] }],
  untasked: [],
  points: 0,
  maxPoints: 10,
  problems: [],
  wallMs: 1,
};

for (const r of RUNNERS) {
  describe(`every command printed to a learner who runs the course with ${r.prefix}`, () => {
    const saved = { ...process.env };
    let dir = '';
    beforeEach(() => {
      Object.assign(process.env, r.env);
      dir = mkdtempSync(join(tmpdir(), 'printed-'));
    });
    afterEach(() => {
      for (const k of Object.keys(r.env)) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    });
    const expectRunnable = (text: string, atLeast: number) => {
      const cmds = commandsIn(text, r);
      expect(cmds.length, `expected commands in:\n${stripAnsi(text)}`).toBeGreaterThanOrEqual(atLeast);
      const problems = cmds.flatMap((c) => problemOf(fill(c), r) ?? []);
      expect(problems, problems.join('\n')).toEqual([]);
    };

    it('the menu’s and the grader’s usage', () => {
      expectRunnable(menuUsage(), 6);
      expectRunnable(gradeUsage(), 9);
    });

    it('"next", "progress" and "status" at each stage of the course', () => {
      expectRunnable(formatNext(courseView(COURSE_ROOT, dir)), 1); // a fresh learner: the first lesson
      for (const id of lessonIds) recordLesson(dir, id, 'finished', true);
      expectRunnable(formatNext(courseView(COURSE_ROOT, dir)), 2); // an exercise not started
      recordExercise(dir, {
        name: exercises[0] ?? '',
        at: new Date().toISOString(),
        status: 'fail',
        points: 0,
        maxPoints: 100,
        tasks: [{ id: 1, title: 'First', passed: false, passedTests: 0, tests: 3 }],
        firstFailure: { name: 'Task 1: First > works', message: 'expected 1 to be 2' },
        hints: { task: 1, shown: 1, total: 3 },
      });
      const view = courseView(COURSE_ROOT, dir);
      expectRunnable(formatNext(view), 2);
      expectRunnable(formatProgress(view), 2);
      expectRunnable(formatStatus(view), 2);
    });

    it('the grader’s hint line under a failing exercise', () => {
      expectRunnable(formatExercise(failing), 1);
    });

    it('the job-queue lesson’s advice when there is no Redis (REDIS_URL=… then the lesson’s command)', () => {
      const help = redisHelp(r.runner);
      expectRunnable(help, 1); // the same command on two lines
      for (const line of help.split('\n').filter((l) => l.includes('REDIS_URL=')))
        expect(stripAnsi(line)).toMatch(
          new RegExp(
            `REDIS_URL=redis://127\\.0\\.0\\.1:6379 ${r.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `,
          ),
        );
    });

    it('every `pnpm …` a lesson writes, as the menu prints it', () => {
      const files = ['threads', 'processes', 'async', 'comparisons', 'distributed'].flatMap((p) =>
        walk(join(COURSE_ROOT, 'packages', p, 'src')),
      );
      const spans = files.flatMap((f) => readFileSync(f, 'utf8').match(/`pnpm [^`\n$]+`/g) ?? []);
      expect(spans.length).toBeGreaterThan(0);
      expectRunnable(spans.map((s) => asTyped(s)).join('\n'), spans.length);
    });
  });
}

describe('the README', () => {
  // The README writes `pnpm <script>` and says what it stands for; each such command must exist.
  const pnpm = { runner: { kind: 'pnpm' }, env: {}, prefix: 'pnpm' } as (typeof RUNNERS)[number];
  it('names only commands that exist, with options their scripts accept', () => {
    const text = readFileSync(join(COURSE_ROOT, 'README.md'), 'utf8');
    const inBlocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
      (m[1] ?? '')
        .split('\n')
        .filter((l) => l.startsWith('pnpm '))
        .map((l) => l.replace(/\s+#.*$/, '')),
    );
    const inProse = [...text.matchAll(/`(pnpm [^`]+)`/g)].map((m) => m[1] ?? '');
    const cmds = [...inBlocks, ...inProse]
      .filter((c) => !/<script>|…/.test(c)) // the note that says what `pnpm <script>` stands for
      .map((c) => fill(c.replace(/ \/ .*$/, '')));
    expect(cmds.length).toBeGreaterThan(20);
    const problems = cmds.flatMap((c) => problemOf(c, pnpm) ?? []);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the check itself', () => {
  const r = RUNNERS[0] as (typeof RUNNERS)[number];
  it('rejects a command written for another runner, a missing script, a bad option and a typo', () => {
    expect(problemOf('pnpm grade', r)).toMatch(/does not start with/);
    expect(problemOf(`${r.prefix} grades`, r)).toMatch(/no script "grades"/);
    expect(problemOf(`${r.prefix} grade --fast`, r)).toMatch(/fast/);
    expect(problemOf(`${r.prefix} grade thread-safe`, r)).toMatch(/no exercise thread-safe/);
    expect(problemOf(`${r.prefix} start threads/basic-thread`, r)).toMatch(/unknown threads\/basic-thread/);
    expect(problemOf(`${r.prefix} bench no-such-bench`, r)).toMatch(/no benchmark no-such-bench/);
    expect(problemOf('npm run grade --watch x', RUNNERS[1] as (typeof RUNNERS)[number])).toMatch(/needs --/);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}
