import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { workspaceRoot } from '../workspace';

/**
 * How this learner runs the course's scripts, so every command the course prints works as printed.
 * The README installs with `npx -y pnpm@<version>`, which does not put `pnpm` on PATH: telling that
 * learner to type `pnpm grade` would tell them to run a command that does not exist.
 *
 * - `pnpm`: started by a pnpm that is the learner's own (global install, standalone), or not started
 *   by a package manager at all but `pnpm` is on PATH;
 * - `npx -y pnpm@<version>`: started by pnpm through npx (its `npm_execpath` is in npx's cache), or
 *   no pnpm on PATH at all (the README's way, with the version the workspace pins);
 * - `npm run`: started by `npm run <script>` (npm needs `--` before the script's own options).
 */
export type Runner = { kind: 'pnpm' } | { kind: 'npx-pnpm'; version: string } | { kind: 'npm' };

/** The pnpm version the workspace pins (`packageManager` in the root package.json). */
export function pinnedPnpmVersion(root: string): string {
  try {
    const pm = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager?: string })
      .packageManager;
    const m = /^pnpm@(\d[^+]*)/.exec(pm ?? '');
    if (m?.[1]) return m[1];
  } catch {
    // fall through to the README's version
  }
  return '10.24.0';
}

/** Whether an executable named `name` is on PATH, ignoring npx's temporary folders (gone after npx exits). */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '' && !/[\\/]_npx[\\/]/.test(d));
  const exts = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  return dirs.some((d) => exts.some((e) => existsSync(join(d, name + e))));
}

/**
 * Work out the runner from how this process was started. Pure given `env` and `hasPnpm`.
 * pnpm run through npx sets `npm_execpath` to npx's copy; `pnpm exec` through npx keeps npm's, so a
 * pnpm user agent with no pnpm of the learner's own on PATH also means the README's way.
 */
export function detectRunner(
  env: NodeJS.ProcessEnv,
  pinned: string,
  hasPnpm: (env: NodeJS.ProcessEnv) => boolean = (e) => onPath('pnpm', e),
): Runner {
  const agent = env.npm_config_user_agent ?? '';
  const execPath = env.npm_execpath ?? '';
  const pnpm = /^pnpm\/(\S+)/.exec(agent);
  if (pnpm) {
    if (/[\\/]_npx[\\/]/.test(execPath) || !hasPnpm(env))
      return { kind: 'npx-pnpm', version: pnpm[1] ?? pinned };
    return { kind: 'pnpm' };
  }
  if (/^npm\//.test(agent)) return { kind: 'npm' };
  return hasPnpm(env) ? { kind: 'pnpm' } : { kind: 'npx-pnpm', version: pinned };
}

/** The root scripts npm runs without `run` (`npm start`, `npm test`). */
const NPM_SHORTHANDS = new Set(['start', 'test']);

/**
 * A root script as this learner types it, e.g. `formatCommand({ kind: 'npx-pnpm', version: '10.24.0' },
 * 'grade', ['--hint', 'web-scraping'])` is `npx -y pnpm@10.24.0 grade --hint web-scraping`.
 */
export function formatCommand(runner: Runner, script: string, args: readonly string[] = []): string {
  return [scriptPrefix(runner, script, args.length > 0), ...args.map(quoteArg)].join(' ');
}

/**
 * What comes before a script's own options, e.g. `npm run grade --` (npm needs the `--`), for
 * usage lines whose options are placeholders the shell must not see quoted.
 */
export function scriptPrefix(runner: Runner, script: string, withArgs: boolean): string {
  switch (runner.kind) {
    case 'pnpm':
      return `pnpm ${script}`;
    case 'npx-pnpm':
      return `npx -y pnpm@${runner.version} ${script}`;
    case 'npm':
      return `${NPM_SHORTHANDS.has(script) ? `npm ${script}` : `npm run ${script}`}${withArgs ? ' --' : ''}`;
  }
}

/**
 * A usage block: one line per call, `[script, args, what]`, its placeholders as given (not quoted),
 * descriptions aligned, every call written the way this learner types it.
 */
export function formatUsage(
  runner: Runner,
  lines: ReadonlyArray<readonly [script: string, args: string, what: string]>,
): string {
  const calls = lines.map(([script, args]) =>
    args ? `${scriptPrefix(runner, script, true)} ${args}` : scriptPrefix(runner, script, false),
  );
  const width = Math.max(...calls.map((c) => c.length));
  return ['Usage:', ...calls.map((c, i) => `  ${c.padEnd(width)}  ${lines[i]?.[2] ?? ''}`)].join('\n');
}

function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

let cached: { key: string; runner: Runner } | undefined;

/** The runner of this process, worked out once for each value of the variables it reads. */
export function courseRunner(env: NodeJS.ProcessEnv = process.env): Runner {
  const key = [env.npm_config_user_agent, env.npm_execpath, env.PATH].join('\0');
  if (cached?.key !== key)
    cached = { key, runner: detectRunner(env, pinnedPnpmVersion(workspaceRoot(__dirname))) };
  return cached.runner;
}

/**
 * A root script of the course (`start`, `grade`, `progress`, `bench`, …) as the learner running
 * this process can type it. Use it for every command a lesson, the menu or the grader prints.
 *
 * @example
 * courseCommand('grade', ['--hint', 'web-scraping']) // "npx -y pnpm@10.24.0 grade --hint web-scraping"
 */
export function courseCommand(
  script: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): string {
  return formatCommand(courseRunner(env), script, args);
}

/**
 * Prose that names commands the way the course's docs write them, in backticks as `` `pnpm <script> …` ``,
 * with each such command rewritten as this learner types it (`pnpm --filter …` keeps its form with
 * the runner's prefix; npm cannot run it, so it stays pnpm's through npx). Text outside backticks is
 * untouched. The menu passes every lesson's output through it, so lessons write commands once.
 *
 * @example
 * asTyped('measured in `pnpm bench job-queue`.', { kind: 'npx-pnpm', version: '10.24.0' })
 * // "measured in `npx -y pnpm@10.24.0 bench job-queue`."
 */
export function asTyped(text: string, runner: Runner = courseRunner()): string {
  return text.replace(/`pnpm ([^`\n]+)`/g, (_, rest: string) => {
    const words = rest.trim().split(/\s+/);
    const [script = '', ...args] = words;
    if (script.startsWith('-')) {
      const prefix =
        runner.kind === 'npx-pnpm'
          ? `npx -y pnpm@${runner.version}`
          : runner.kind === 'npm'
            ? `npx -y pnpm@${pinnedPnpmVersion(workspaceRoot(__dirname))}`
            : 'pnpm';
      return `\`${prefix} ${rest.trim()}\``;
    }
    return `\`${formatCommand(runner, script, args)}\``;
  });
}
