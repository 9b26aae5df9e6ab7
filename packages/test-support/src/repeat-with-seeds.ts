import { relative } from 'node:path';
import { workspaceRoot } from '@course/runtime';
import { expect } from 'vitest';
import { type SeededRandom, seededRandom, seededYields } from './seeded';

/** What a scenario gets for one seed. */
export interface SeedContext {
  seed: number;
  random: SeededRandom;
  /** A seeded yield point (see `seededYields`). */
  yieldPoint: () => Promise<void>;
}

/** Options of {@link repeatWithSeeds}. */
export interface RepeatOptions {
  /** Run seeds 1..seeds. Default 20; `COURSE_SEEDS=<n>` overrides it. */
  seeds?: number;
  /** Most event-loop turns a yield point gives up. Default 3. */
  maxYieldTurns?: number;
}

/** The seeds to run: `COURSE_SEED=<n>` replays exactly one, `COURSE_SEEDS=<n>` changes how many. */
export function seedsToRun(count: number, env: NodeJS.ProcessEnv = process.env): number[] {
  const one = env.COURSE_SEED;
  if (one !== undefined && one !== '') {
    const seed = Number(one);
    if (!Number.isInteger(seed)) throw new Error(`COURSE_SEED must be an integer, got "${one}"`);
    return [seed];
  }
  const n = env.COURSE_SEEDS ? Number(env.COURSE_SEEDS) : count;
  if (!(Number.isInteger(n) && n > 0))
    throw new Error(`COURSE_SEEDS must be a positive integer, got "${env.COURSE_SEEDS}"`);
  return Array.from({ length: n }, (_, i) => i + 1);
}

/**
 * The command that replays one seed of the current vitest test, from the workspace root.
 *
 * @example
 * replayCommand(7, '/course/exercises/x/test/a.test.ts', 'Task 1: counter > never loses an update', '/course')
 * // cd exercises/x && COURSE_SEED=7 npx vitest run test/a.test.ts -t 'never loses an update'
 */
export function replayCommand(
  seed: number,
  testPath: string | undefined,
  testName: string | undefined,
  root: string,
): string {
  return replayCommandWith(`COURSE_SEED=${seed}`, testPath, testName, root);
}

/** The command that runs one vitest test alone with `assignment` (`NAME=value`) in its environment. */
export function replayCommandWith(
  assignment: string,
  testPath: string | undefined,
  testName: string | undefined,
  root: string,
): string {
  const env = `${assignment}${process.env.COURSE_TARGET === 'solutions' ? ' COURSE_TARGET=solutions' : ''}`;
  if (!testPath) return `${env} <your test command>`;
  const rel = relative(root, testPath).split('\\').join('/');
  const m = /^(.*?\/test)\/(.*)$/.exec(rel);
  const [dir, file] = m ? [m[1]?.replace(/\/test$/, '') ?? '.', `test/${m[2]}`] : ['.', rel];
  // vitest's -t is a regex over the full name; the last part (the `it` title) is enough and stable.
  const name = (testName ?? '').split(' > ').pop() ?? '';
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, `'\\''`);
  return `cd ${dir} && ${env} npx vitest run ${file}${name ? ` -t '${escaped}'` : ''}`;
}

/**
 * Run a concurrent scenario under seeds 1..N; on the first failure, fail with that seed and the
 * exact command that replays it alone.
 *
 * @example
 * it('never loses an update', async () => {
 *   await repeatWithSeeds(async ({ random, yieldPoint }) => {
 *     const n = 1 + random.int(8);
 *     await expect(countWith(n, yieldPoint)).resolves.toBe(n * 100);
 *   });
 * });
 */
export async function repeatWithSeeds(
  scenario: (ctx: SeedContext) => Promise<void> | void,
  options: RepeatOptions = {},
): Promise<void> {
  const seeds = seedsToRun(options.seeds ?? 20);
  for (const seed of seeds) {
    const random = seededRandom(seed);
    try {
      await scenario({ seed, random, yieldPoint: seededYields(random, options.maxYieldTurns ?? 3) });
    } catch (err) {
      const cause = err instanceof Error ? err.message : String(err);
      const failure = new Error(
        `Seed ${seed} failed (seeds ${seeds[0]}..${seeds[seeds.length - 1]}): ${cause}\n` +
          `Replay this seed alone: ${currentTestCommand(`COURSE_SEED=${seed}`)}`,
      );
      (failure as Error & { seed?: number }).seed = seed;
      failure.cause = err;
      throw failure;
    }
  }
}

/** replayCommandWith for the vitest test running now (from the course's root when inside it). */
export function currentTestCommand(assignment: string): string {
  const state = safeExpectState();
  let root = process.cwd();
  try {
    root = workspaceRoot(state.testPath ?? process.cwd());
  } catch {
    // Outside the course: paths stay relative to the current folder.
  }
  return replayCommandWith(assignment, state.testPath, state.currentTestName, root);
}

function safeExpectState(): { testPath?: string; currentTestName?: string } {
  try {
    return expect.getState();
  } catch {
    return {};
  }
}
