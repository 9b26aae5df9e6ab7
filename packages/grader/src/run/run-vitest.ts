import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExerciseMeta } from '../exercise-meta';
import type { Layout } from '../layout';
import type { ResultLine } from '../vitest/grade-reporter';
import { foldProgress, parseProgress, runningTests, type TestProgress } from '../vitest/progress-events';
import { groupMembers, killGroup, trackGroup, untrackGroup } from './process-group';

/** What a run is allowed: per test and for the whole exercise (start-up included). */
export interface Budgets {
  testMs: number;
  exerciseMs: number;
}

export interface RunRequest {
  meta: ExerciseMeta;
  layout: Layout;
  target: 'exercise' | 'solution';
  budgets: Budgets;
  /** Aborting kills the run (watch mode cancels a run when a newer save arrives). */
  signal?: AbortSignal;
  /** Extra environment for the test process. */
  env?: Record<string, string>;
}

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
  kind: 'test' | 'exercise';
  budgetMs: number;
  /** The test that was running, if one was. */
  test?: { name: string; file: string; ranMs: number };
  lastOutput: string;
}

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

/** How long after its budget a test that never yields is given before the run is killed. */
const TEST_GRACE_MS = 1_500;
const POLL_MS = 100;

const VITEST_BIN = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const REPORTER = join(__dirname, '..', 'vitest', 'grade-reporter.ts');

/**
 * Run one exercise's tests in their own process group, against the exercise or the solution, and
 * never for longer than its budgets: a test still running `testMs` + grace after it started (an
 * infinite loop, a blocked event loop: vitest's own timeout cannot fire then) or a run over
 * `exerciseMs` gets the whole group SIGKILLed, and the outcome names the test and its last output.
 */
export function runVitest(request: RunRequest): Promise<RunOutcome> {
  const { meta, layout, budgets } = request;
  const scratch = join(
    layout.stateDir,
    'runs',
    `${meta.name}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
  );
  mkdirSync(scratch, { recursive: true });
  const progressFile = join(scratch, 'progress.ndjson');
  const resultsFile = join(scratch, 'results.ndjson');
  const config = join(meta.dir, 'vitest.config.ts');
  if (!existsSync(config))
    throw new Error(`${config} is missing: every exercise runs its tests through exerciseConfig.`);

  const args = [
    VITEST_BIN,
    'run',
    '--config',
    config,
    '--reporter',
    REPORTER,
    '--testTimeout',
    String(budgets.testMs),
    '--hookTimeout',
    String(budgets.testMs),
    '--teardownTimeout',
    '5000',
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...request.env,
    COURSE_GRADE_PROGRESS: progressFile,
    COURSE_GRADE_RESULTS: resultsFile,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
  };
  delete env.FORCE_COLOR;
  if (request.target === 'solution') {
    env.COURSE_TARGET = 'solutions';
    env.COURSE_SOLUTIONS_DIR = layout.solutionsDir;
  } else {
    delete env.COURSE_TARGET;
    delete env.COURSE_SOLUTIONS_DIR;
    delete env.COURSE_SRC_REDIRECT;
  }

  const started = Date.now();
  const child = spawn(process.execPath, args, {
    cwd: meta.dir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`Could not start vitest for ${meta.name}`);
  trackGroup(pgid);

  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let overrun: Overrun | undefined;
  let cancelled = false;
  const readProgress = (): TestProgress[] => {
    try {
      return foldProgress(parseProgress(readFileSync(progressFile, 'utf8')));
    } catch {
      return [];
    }
  };
  const stop = () => killGroup(pgid);

  const watchdog = setInterval(() => {
    const now = Date.now();
    const running = runningTests(readProgress());
    const stuck = running.find((t) => now - t.startedAt > budgets.testMs + TEST_GRACE_MS);
    if (stuck) {
      overrun = {
        kind: 'test',
        budgetMs: budgets.testMs,
        test: { name: stuck.name, file: stuck.file, ranMs: now - stuck.startedAt },
        lastOutput: stuck.output,
      };
      stop();
    } else if (now - started > budgets.exerciseMs) {
      const first = running[0];
      overrun = {
        kind: 'exercise',
        budgetMs: budgets.exerciseMs,
        ...(first ? { test: { name: first.name, file: first.file, ranMs: now - first.startedAt } } : {}),
        lastOutput: first?.output ?? tail.slice(-500),
      };
      stop();
    }
  }, POLL_MS);

  const onAbort = () => {
    cancelled = true;
    stop();
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });
  if (request.signal?.aborted) onAbort();

  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      clearInterval(watchdog);
      request.signal?.removeEventListener('abort', onAbort);
      // Whatever is left in the group now outlived the test run: report it, then end it.
      const left = groupMembers(pgid);
      killGroup(pgid);
      untrackGroup(pgid);
      const lines = readResults(resultsFile);
      const progress = readProgress();
      const outputs = new Map(progress.map((t) => [t.id, t.output]));
      const outcome: RunOutcome = {
        tests: [],
        moduleErrors: [],
        unhandled: [],
        completed: lines.some((l) => l.kind === 'end'),
        orphans: overrun || cancelled ? [] : left.map((m) => `${m.pid} ${m.command}`),
        cancelled,
        wallMs: Date.now() - started,
        ...(overrun ? { overrun } : {}),
      };
      for (const l of lines) {
        if (l.kind === 'test') outcome.tests.push({ ...l, output: outputs.get(l.id) ?? '' });
        else if (l.kind === 'module') outcome.moduleErrors.push({ file: l.file, errors: l.errors });
        else if (l.kind === 'unhandled') outcome.unhandled.push(...l.errors);
      }
      if (!outcome.completed && !overrun && !cancelled) {
        outcome.crash = `vitest ended (${signal ?? `exit code ${code}`}) before reporting the end of the run. Last output:\n${tail.trim().split('\n').slice(-15).join('\n')}`;
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve(outcome);
    });
  });
}

function readResults(file: string): ResultLine[] {
  if (!existsSync(file)) return [];
  const out: ResultLine[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as ResultLine);
    } catch {
      // a line torn by SIGKILL
    }
  }
  return out;
}
