import { parseArgs } from 'node:util';

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

export const USAGE = `Usage: pnpm grade [name...]            grade every exercise, or the named ones
       pnpm grade --solutions [name...] the same against the reference solutions
       pnpm grade --watch [name...]     re-grade on save (q or Ctrl-C quits)
       pnpm grade --hint <name>         the next hint for the first unfinished task
       pnpm grade --reset <name> [--yes]  put the original stubs back (tests are never touched)
       pnpm grade --json <file>         also write the results as JSON (exercism test-runner v3 shape)
       pnpm grade --verify [--runs K]   CI: every task fails as shipped, every solution passes K times
       pnpm grade --update-hashes       maintainers: record the tests' hashes and reference times
       pnpm grade --list                the exercises
Options: --root <dir> (course root), --solutions-dir <dir>, --manifest <file>`;

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
    throw new Error(`${(err as Error).message}\n\n${USAGE}`);
  }
  const v = parsed.values;
  const modes = (['watch', 'hint', 'reset', 'verify', 'update-hashes', 'list', 'help'] as const).filter(
    (m) => v[m],
  );
  if (modes.length > 1) throw new Error(`Choose one of --${modes.join(', --')}\n\n${USAGE}`);
  const mode = modes[0] ?? 'grade';
  const names = parsed.positionals;
  if ((mode === 'hint' || mode === 'reset') && names.length !== 1) {
    throw new Error(`--${mode} needs exactly one exercise name, e.g. pnpm grade --${mode} web-scraping`);
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
