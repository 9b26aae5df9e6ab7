import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as ExerciseConfigModule from '../src/vitest/exercise-config';
import { COURSE, WRONG } from './helpers/fixture-course';

// Loaded the way every vitest.config.ts loads it: through the package export, the .cjs shim that
// registers ts-node (vite leaves bare imports of a config file to Node, which cannot load .ts).
const { exerciseConfig } = require('@course/grader/vitest-config') as typeof ExerciseConfigModule;

const EXERCISE = join(COURSE, 'exercises', 'tiny');
const SOLUTION = join(COURSE, 'solutions', 'tiny');
const saved = { ...process.env };

afterEach(() => {
  for (const k of ['COURSE_SRC_REDIRECT', 'COURSE_TARGET', 'COURSE_SOLUTIONS_DIR']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

type Resolver = (
  this: { resolve: (s: string, i: string) => Promise<{ id: string } | null> },
  s: string,
  i: string,
  o: object,
) => Promise<string | null>;

function redirectPlugin(config: ReturnType<typeof exerciseConfig>) {
  const plugin = (config.plugins ?? [])
    .flat()
    .find((p) => p && typeof p === 'object' && 'name' in p && p.name === 'course-redirect-sources') as
    | { resolveId: Resolver }
    | undefined;
  return plugin;
}

describe('exerciseConfig', () => {
  it('runs the exercise tests from the exercise folder, with the grader setup file and one JSON report', () => {
    delete process.env.COURSE_TARGET;
    const config = exerciseConfig(EXERCISE);
    expect(config.root).toBe(EXERCISE);
    expect(config.test?.include).toEqual(['test/**/*.test.ts']);
    expect(config.test?.setupFiles).toEqual([expect.stringMatching(/grade-setup\.ts$/)]);
    expect(config.test?.reporters).toEqual([
      'default',
      ['json', { outputFile: join(EXERCISE, '.vitest-results.json') }],
    ]);
    expect(config.test?.pool).toBe('forks');
    expect(redirectPlugin(config)).toBeUndefined();
  });

  it('for a solution, redirects imports of exercises/<name>/src to solutions/<name>/src', async () => {
    const config = exerciseConfig(SOLUTION, 'solution');
    expect(config.root).toBe(EXERCISE);
    expect(process.env.COURSE_SRC_REDIRECT).toBe(`${join(EXERCISE, 'src')}=${join(SOLUTION, 'src')}`);
    const plugin = redirectPlugin(config);
    const ctx = {
      resolve: async (s: string) => ({ id: join(EXERCISE, 'test', s).replace('/test/../', '/') }),
    };
    const swapped = await plugin?.resolveId.call(
      ctx,
      '../src/pause.ts',
      join(EXERCISE, 'test', 'x.test.ts'),
      {},
    );
    expect(swapped).toBe(join(SOLUTION, 'src', 'pause.ts'));
    // bare imports and files outside src are left alone
    expect(await plugin?.resolveId.call(ctx, 'vitest', join(EXERCISE, 'test', 'x.test.ts'), {})).toBeNull();
  });

  it('takes the solution code from COURSE_SOLUTIONS_DIR when the grader sets it', () => {
    process.env.COURSE_TARGET = 'solutions';
    process.env.COURSE_SOLUTIONS_DIR = join(WRONG, 'infinite-loop');
    exerciseConfig(EXERCISE);
    expect(process.env.COURSE_SRC_REDIRECT).toBe(
      `${join(EXERCISE, 'src')}=${join(WRONG, 'infinite-loop', 'tiny', 'src')}`,
    );
  });

  it('names both files when the solution lacks a file of the exercise', async () => {
    const config = exerciseConfig(SOLUTION, 'solution');
    const ctx = { resolve: async () => ({ id: join(EXERCISE, 'src', 'missing.ts') }) };
    await expect(
      redirectPlugin(config)?.resolveId.call(ctx, '../src/missing', join(EXERCISE, 'test', 'x.test.ts'), {}),
    ).rejects.toThrow(
      /The solution has no .*solutions\/tiny\/src\/missing\.ts for the exercise's .*exercises\/tiny\/src\/missing\.ts/,
    );
  });
});
