import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { progressDir, workspaceRoot } from '@course/runtime';

/**
 * Where the grader looks. Everything is configurable so the grader's own tests can point it at
 * fixture courses (a tiny exercise and deliberately wrong solutions) instead of the real ones.
 */
export interface Layout {
  /** The course root: holds `exercises/` and `solutions/`. */
  root: string;
  exercisesDir: string;
  /** Where `--solutions` takes the code from: `<solutionsDir>/<name>/src`. */
  solutionsDir: string;
  /** The tamper guard's hashes of the shipped tests and support code. */
  manifestPath: string;
  /** Grader scratch files (one folder per run, removed after it); never committed. */
  stateDir: string;
  /**
   * What the learner did, kept between runs: the course's `.course/` (COURSE_PROGRESS_DIR moves it),
   * where the menu keeps its records too, so `pnpm clean` or a reinstall never forgets the hints seen.
   */
  progressDir: string;
}

/** Options that move the layout: CLI flags, else COURSE_GRADER_* environment variables, else defaults. */
export interface LayoutOptions {
  root?: string | undefined;
  solutionsDir?: string | undefined;
  manifest?: string | undefined;
}

/** The grader package's own folder. */
export const GRADER_DIR = resolve(__dirname, '..');

/**
 * Resolve the layout. The default root is the workspace; with another root the manifest defaults to
 * `<root>/test-hashes.json`.
 *
 * @example
 * resolveLayout({ root: 'packages/grader/test/fixtures/course' }).exercisesDir // .../course/exercises
 */
export function resolveLayout(options: LayoutOptions = {}, env: NodeJS.ProcessEnv = process.env): Layout {
  const given = options.root ?? env.COURSE_GRADER_ROOT;
  const root = given ? resolve(given) : workspaceRoot(GRADER_DIR);
  if (!existsSync(root))
    throw new Error(`The course root ${root} does not exist (from --root or COURSE_GRADER_ROOT).`);
  const isWorkspace = !given || existsSync(join(root, 'pnpm-workspace.yaml'));
  const manifest = options.manifest ?? env.COURSE_GRADER_MANIFEST;
  const solutions = options.solutionsDir ?? env.COURSE_GRADER_SOLUTIONS;
  return {
    root,
    exercisesDir: join(root, 'exercises'),
    solutionsDir: solutions ? resolve(solutions) : join(root, 'solutions'),
    manifestPath: manifest
      ? resolve(manifest)
      : isWorkspace
        ? join(GRADER_DIR, 'test-hashes.json')
        : join(root, 'test-hashes.json'),
    stateDir: join(isWorkspace ? GRADER_DIR : root, 'node_modules', '.cache', 'course-grader'),
    progressDir: isWorkspace ? progressDir(root, env) : join(root, '.course'),
  };
}
