import { existsSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';

/** The parts of a vitest config this module builds (vitest's own types are ESM-only; this file is CJS). */
export interface UserConfig {
  root?: string;
  plugins?: unknown[];
  test?: {
    include?: string[];
    setupFiles?: string[];
    env?: Record<string, string>;
    reporters?: unknown[];
    pool?: string;
    [option: string]: unknown;
  };
  [option: string]: unknown;
}

/** A vite resolver plugin (the one hook used here). */
interface Plugin {
  name: string;
  enforce: 'pre';
  resolveId(
    this: { resolve(source: string, importer: string, options: object): Promise<{ id: string } | null> },
    source: string,
    importer: string | undefined,
    options: object,
  ): Promise<string | null>;
}

// Why require: this file is CommonJS (module node16); vitest/config ships a CommonJS build, but its
// types are ESM, so TypeScript refuses a static value import (TS1479). vitest.shared.ts likewise.
const { defineConfig, mergeConfig } = require('vitest/config') as {
  defineConfig: (config: UserConfig) => UserConfig;
  mergeConfig: (defaults: UserConfig, overrides: UserConfig) => UserConfig;
};
const shared = (require('../../../../vitest.shared') as { default: UserConfig }).default;

/**
 * The vitest config of every exercise and every solution. The tests exist once, in
 * `exercises/<name>/test`; to run them against the reference solution, imports that resolve into
 * `exercises/<name>/src` are redirected to `solutions/<name>/src` (and so are the bundles of worker
 * entries, through COURSE_SRC_REDIRECT, see the runtime's compile-entry.ts).
 *
 * @example
 * // exercises/<name>/vitest.config.ts
 * export default exerciseConfig(__dirname);
 * // solutions/<name>/vitest.config.ts
 * export default exerciseConfig(__dirname, 'solution');
 */
export function exerciseConfig(packageDir: string, target: 'exercise' | 'solution' = 'exercise'): UserConfig {
  const name = basename(packageDir);
  const root = resolve(packageDir, '..', '..');
  const exerciseDir = join(root, 'exercises', name);
  const solutionDir = join(root, 'solutions', name);
  const useSolution = target === 'solution' || process.env.COURSE_TARGET === 'solutions';
  const from = join(exerciseDir, 'src');
  // The grader's tests point COURSE_SOLUTIONS_DIR at deliberately wrong solutions.
  const to = join(
    process.env.COURSE_SOLUTIONS_DIR ? resolve(process.env.COURSE_SOLUTIONS_DIR, name) : solutionDir,
    'src',
  );
  if (useSolution) process.env.COURSE_SRC_REDIRECT = `${from}=${to}`;
  const config = mergeConfig(
    shared,
    defineConfig({
      root: exerciseDir,
      plugins: useSolution ? [redirectSources(from, to)] : [],
      test: {
        include: ['test/**/*.test.ts'],
        // The network guard, the grader's progress events and the file-level leak check.
        setupFiles: [join(__dirname, 'grade-setup.ts')],
        env: useSolution ? { COURSE_SRC_REDIRECT: `${from}=${to}`, COURSE_TARGET: 'solutions' } : {},
      },
    }),
  );
  // mergeConfig concatenates arrays: replace, not append, so there is one include and one JSON report.
  config.test = {
    ...config.test,
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: join(packageDir, '.vitest-results.json') }]],
  };
  return config;
}

/** Load `<from>/x.ts` from `<to>/x.ts` instead; a missing counterpart is an error that names both. */
function redirectSources(from: string, to: string): Plugin {
  return {
    name: 'course-redirect-sources',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved?.id.startsWith(from + sep)) return null;
      const swapped = to + resolved.id.slice(from.length);
      if (!existsSync(swapped)) {
        throw new Error(
          `The solution has no ${swapped} for the exercise's ${resolved.id}: solutions mirror exercises path for path.`,
        );
      }
      return swapped;
    },
  };
}
