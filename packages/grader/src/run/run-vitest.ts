import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Budgets } from '../budgets';
import type { ExerciseMeta } from '../exercise-meta';
import type { Layout } from '../layout';
import { foldProgress, loadingFiles, type ProgressEvent, parseProgress } from '../vitest/progress-events';
import { foldOutcome, type Overrun, parseResults, type RunOutcome } from './outcome';
import { newRunMarker, type RunProcesses, runMembers, sweep, trackRun, untrackRun } from './process-group';
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
function vitestEnv(request: RunRequest, files: RunFiles, marker: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...request.env,
    // Inherited by everything the run starts, however it detaches: how the sweep finds it.
    [marker]: '1',
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
  const marker = newRunMarker();
  const child = spawn(process.execPath, vitestArgs(config, budgets), {
    cwd: meta.dir,
    env: vitestEnv(request, files, marker),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`Could not start vitest for ${meta.name}`);
  const run: RunProcesses = { pgid: child.pid, marker };
  trackRun(run);

  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let overrun: Overrun | undefined;
  let cancelled = false;
  const readEvents = (): ProgressEvent[] => {
    try {
      return parseProgress(readFileSync(files.progress, 'utf8'));
    } catch {
      return [];
    }
  };

  const watchdog = setInterval(() => {
    const events = readEvents();
    overrun = overrunOf(budgets, {
      now: Date.now(),
      startedAt,
      progress: foldProgress(events),
      loading: loadingFiles(events),
      tail,
    });
    if (overrun) {
      clearInterval(watchdog);
      sweep(run);
    }
  }, POLL_MS);

  const onAbort = () => {
    cancelled = true;
    sweep(run);
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });
  if (request.signal?.aborted) onAbort();

  return new Promise((resolve) => {
    // On 'exit', not 'close': a process that left the group but holds vitest's stdout open would
    // keep 'close' from ever coming. Sweeping first closes those pipes too.
    child.once('exit', (code, signal) => {
      const wallMs = Date.now() - startedAt;
      clearInterval(watchdog);
      request.signal?.removeEventListener('abort', onAbort);
      // Whatever of the run is alive now outlived it: report it, then end it.
      const left = runMembers(run);
      const survivors = sweep(run);
      untrackRun(run);
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(drained);
        const outcome = foldOutcome({
          results: existsSync(files.results) ? parseResults(readFileSync(files.results, 'utf8')) : [],
          progress: foldProgress(readEvents()),
          leftRunning: [
            ...left.map(
              (m) => `${m.pid} ${m.command}${m.how === 'marker' ? ' (it had left the process group)' : ''}`,
            ),
            ...survivors.map((m) => `${m.pid} ${m.command} (STILL RUNNING: the grader could not kill it)`),
          ],
          ...(overrun ? { overrun } : {}),
          cancelled,
          exit: { code, signal },
          tail,
          wallMs,
        });
        rmSync(scratch, { recursive: true, force: true });
        resolve(outcome);
      };
      // The last output is read until the pipes close (bounded: a survivor may hold them).
      const drained = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish();
      }, 2_000);
      child.once('close', finish);
    });
  });
}
