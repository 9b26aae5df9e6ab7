import { parseArgs } from 'node:util';
import { courseCommand, courseRunner, formatUsage, type Runner } from '@course/runtime';

/** What the command line asked for. */
export interface GradeArgs {
  mode: 'grade' | 'watch' | 'hint' | 'reset' | 'verify' | 'update-hashes' | 'list' | 'help';
  names: string[];
  solutions: boolean;
  json?: string;
  yes: boolean;
  runs: number;
  root?: string;
  solutionsDir?: string;
  manifest?: string;
}

const USAGE_LINES = [
  ['grade', '[name...]', 'grade every exercise, or the named ones'],
  ['grade', '--solutions [name...]', 'the same against the reference solutions'],
  ['grade', '--watch [name...]', 're-grade on save (q or Ctrl-C quits)'],
  ['grade', '--hint <name>', 'the next hint for the first unfinished task'],
  ['grade', '--reset <name> [--yes]', 'put the original stubs back (tests are never touched)'],
  ['grade', '--json <file>', 'also write the results as JSON (exercism test-runner v3 shape)'],
  ['grade', '--verify [--runs K]', 'CI: every task fails as shipped, every solution passes K times'],
  ['grade', '--update-hashes', "maintainers: record the tests' hashes and reference times"],
  ['grade', '--list', 'the exercises, in the course order'],
] as const;

/** How to call the grader, written the way this learner types it (see courseCommand). */
export function usage(runner: Runner = courseRunner()): string {
  return `${formatUsage(runner, USAGE_LINES)}
Options: --root <dir> (course root), --solutions-dir <dir>, --manifest <file>`;
}

/**
 * Parse the grader's arguments; a mistake throws an error that names it.
 *
 * @example
 * parseGradeArgs(['--hint', 'web-scraping']) // { mode: 'hint', names: ['web-scraping'], ... }
 */
export function parseGradeArgs(argv: readonly string[]): GradeArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n\n${usage()}`);
  }
  const v = parsed.values;
  const modes = (['watch', 'hint', 'reset', 'verify', 'update-hashes', 'list', 'help'] as const).filter(
    (m) => v[m],
  );
  if (modes.length > 1) throw new Error(`Choose one of --${modes.join(', --')}\n\n${usage()}`);
  const mode = modes[0] ?? 'grade';
  const names = parsed.positionals;
  if ((mode === 'hint' || mode === 'reset') && names.length !== 1) {
    throw new Error(
      `--${mode} needs exactly one exercise name, e.g. ${courseCommand('grade', [`--${mode}`, 'web-scraping'])}`,
    );
  }
  const runs = v.runs === undefined ? 3 : Number(v.runs);
  if (!(Number.isInteger(runs) && runs >= 1))
    throw new Error(`--runs must be a positive integer, got "${v.runs}"`);
  return {
    mode,
    names,
    solutions: Boolean(v.solutions),
    yes: Boolean(v.yes),
    runs,
    ...(v.json !== undefined ? { json: v.json } : {}),
    ...(v.root !== undefined ? { root: v.root } : {}),
    ...(v['solutions-dir'] !== undefined ? { solutionsDir: v['solutions-dir'] } : {}),
    ...(v.manifest !== undefined ? { manifest: v.manifest } : {}),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      solutions: { type: 'boolean' },
      watch: { type: 'boolean' },
      hint: { type: 'boolean' },
      reset: { type: 'boolean' },
      verify: { type: 'boolean' },
      'update-hashes': { type: 'boolean' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      yes: { type: 'boolean', short: 'y' },
      json: { type: 'string' },
      runs: { type: 'string' },
      root: { type: 'string' },
      'solutions-dir': { type: 'string' },
      manifest: { type: 'string' },
    },
  });
}
