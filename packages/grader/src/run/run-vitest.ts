import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Budgets } from '../budgets';
import type { ExerciseMeta } from '../exercise-meta';
import type { Layout } from '../layout';
import { foldProgress, parseProgress, type TestProgress } from '../vitest/progress-events';
import { foldOutcome, type Overrun, parseResults, type RunOutcome } from './outcome';
import { groupMembers, killGroup, trackGroup, untrackGroup } from './process-group';
import { overrunOf } from './watchdog';

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

const POLL_MS = 100;

const VITEST_BIN = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const REPORTER = join(__dirname, '..', 'vitest', 'grade-reporter.ts');

/** The files through which the test process reports to the grader. */
interface RunFiles {
  scratch: string;
  progress: string;
  results: string;
}

/** vitest's command line for one exercise: its config, the grade reporter, the test budget. */
function vitestArgs(config: string, budgets: Budgets): string[] {
  return [
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
}

/** The test process's environment: where to report, no colour, and which code is under test. */
function vitestEnv(request: RunRequest, files: RunFiles): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...request.env,
    COURSE_GRADE_PROGRESS: files.progress,
    COURSE_GRADE_RESULTS: files.results,
    NO_COLOR: '1',
  };
  delete env.FORCE_COLOR;
  if (request.target === 'solution') {
    env.COURSE_TARGET = 'solutions';
    env.COURSE_SOLUTIONS_DIR = request.layout.solutionsDir;
  } else {
    delete env.COURSE_TARGET;
    delete env.COURSE_SOLUTIONS_DIR;
    delete env.COURSE_SRC_REDIRECT;
  }
  return env;
}

/**
 * Run one exercise's tests in their own process group, against the exercise or the solution, and
 * never for longer than its budgets: every 100 ms the watchdog (watchdog.ts, pure) looks at the
 * progress the test process reports; an overrun gets the whole group SIGKILLed. What the run left
 * behind is folded into its outcome by outcome.ts (pure as well); this function only does the I/O.
 */
export function runVitest(request: RunRequest): Promise<RunOutcome> {
  const { meta, layout, budgets } = request;
  const scratch = join(
    layout.stateDir,
    'runs',
    `${meta.name}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
  );
  const files: RunFiles = {
    scratch,
    progress: join(scratch, 'progress.ndjson'),
    results: join(scratch, 'results.ndjson'),
  };
  const config = join(meta.dir, 'vitest.config.ts');
  if (!existsSync(config))
    throw new Error(`${config} is missing: every exercise runs its tests through exerciseConfig.`);
  mkdirSync(scratch, { recursive: true });

  const startedAt = Date.now();
  const child = spawn(process.execPath, vitestArgs(config, budgets), {
    cwd: meta.dir,
    env: vitestEnv(request, files),
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
      return foldProgress(parseProgress(readFileSync(files.progress, 'utf8')));
    } catch {
      return [];
    }
  };

  const watchdog = setInterval(() => {
    overrun = overrunOf(budgets, { now: Date.now(), startedAt, progress: readProgress(), tail });
    if (overrun) {
      clearInterval(watchdog);
      killGroup(pgid);
    }
  }, POLL_MS);

  const onAbort = () => {
    cancelled = true;
    killGroup(pgid);
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
      const outcome = foldOutcome({
        results: existsSync(files.results) ? parseResults(readFileSync(files.results, 'utf8')) : [],
        progress: readProgress(),
        leftRunning: left.map((m) => `${m.pid} ${m.command}`),
        ...(overrun ? { overrun } : {}),
        cancelled,
        exit: { code, signal },
        tail,
        wallMs: Date.now() - startedAt,
      });
      rmSync(scratch, { recursive: true, force: true });
      resolve(outcome);
    });
  });
}
