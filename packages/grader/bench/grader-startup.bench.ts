import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BenchCase, defineBench } from '@course/runtime';

const run = promisify(execFile);
const BIN = join(__dirname, '..', 'bin', 'course-grade.cjs');
const COURSE = join(__dirname, '..', 'test', 'fixtures', 'course');
const VITEST = join(require.resolve('vitest/package.json'), '..', 'vitest.mjs');

/**
 * `pnpm bench grader-startup`: what the grader itself costs before and around the tests it runs.
 * A bare `node` start is the floor; `course-grade --list` is the grader's own start-up (ts-node,
 * argument parsing, reading exercise.json); `vitest --version` is the test runner's start; grading the
 * fixture solution end to end shows how the fixed costs compare with a whole (tiny) exercise run.
 */
export default defineBench({
  name: 'grader-startup',
  title: 'Grader start-up overhead vs a bare node start and a whole tiny exercise run',
  baseline: 'node -e ""',
  repetitions: 5,
  warmup: 1,
  sizes: ({ quick }) => ({ exercise: quick ? 'skipped in --quick' : 'fixture "tiny" (4 tests)' }),
  async setup({ quick }) {
    const cases: BenchCase[] = [
      { name: 'node -e ""', run: () => run(process.execPath, ['-e', '']) },
      { name: 'course-grade --list', run: () => run(process.execPath, [BIN, '--root', COURSE, '--list']) },
      { name: 'vitest --version', run: () => run(process.execPath, [VITEST, '--version']) },
    ];
    if (!quick) {
      cases.push({
        name: 'grade tiny --solutions',
        // exit code 1 (tamper manifest absent for the fixture) is still a complete run
        run: async () => {
          await run(process.execPath, [
            BIN,
            '--root',
            COURSE,
            '--solutions',
            '--manifest',
            join(COURSE, 'no-manifest.json'),
          ]).catch((e: unknown) => e);
        },
      });
    }
    return { cases };
  },
  ratios: (m) => {
    const node = m['node -e ""'] ?? Number.NaN;
    const grader = m['course-grade --list'] ?? Number.NaN;
    const out: Record<
      string,
      { value: number; description?: string; claim?: { atMost: number; text: string } }
    > = {
      'grader start / node start': {
        value: grader / node,
        description: 'how many bare node starts the grader start-up costs',
      },
      'grader start / vitest start': {
        value: grader / (m['vitest --version'] ?? Number.NaN),
        description: 'the grader’s own start-up against the test runner’s',
      },
    };
    const whole = m['grade tiny --solutions'];
    if (whole !== undefined) {
      out['grader start share of a tiny exercise run'] = {
        value: grader / whole,
        claim: {
          atMost: 0.5,
          text: 'the grader’s own start-up is under half of grading even a tiny exercise',
        },
      };
    }
    return out;
  },
});
