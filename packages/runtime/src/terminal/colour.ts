import kleur from 'kleur';

/**
 * Whether to colour output written to `stream`, by the usual conventions: `NO_COLOR` (any value) or
 * `NODE_DISABLE_COLORS` turns colour off, `FORCE_COLOR` (not "0") turns it on, otherwise colour only
 * on a TTY, never when piped to a file or to CI logs.
 */
export function colourEnabled(
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

kleur.enabled = colourEnabled();

/** The course's palette: one meaning per colour, everywhere. */
export const paint = {
  heading: (s: string) => kleur.bold().cyan(s),
  ok: (s: string) => kleur.green(s),
  fail: (s: string) => kleur.red(s),
  warn: (s: string) => kleur.yellow(s),
  dim: (s: string) => kleur.dim(s),
  figure: (s: string) => kleur.bold(s),
  code: (s: string) => kleur.magenta(s),
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ANSI = /\u001b\[[0-9;]*m/g;

/** The printed width of a string: ANSI colour codes take no columns. */
export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}
