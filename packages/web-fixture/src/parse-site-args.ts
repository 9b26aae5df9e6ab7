import type { SiteOptions } from './start-site';

const FLAGS: Record<string, keyof SiteOptions> = {
  '--seed': 'seed',
  '--pages': 'pages',
  '--latency': 'latencyMs',
  '--jitter': 'jitterMs',
  '--port': 'port',
  '--oversize': 'oversizeBytes',
};

/**
 * Parse the CLI's flags. Unknown flags and non-numbers are errors naming the flag, never ignored.
 *
 * @example
 * parseSiteArgs(['--seed', '2', '--pages', '200']); // { seed: 2, pages: 200 }
 */
export function parseSiteArgs(argv: readonly string[]): SiteOptions {
  const usage = `Usage: site ${Object.keys(FLAGS)
    .map((f) => `[${f} N]`)
    .join(' ')}`;
  const options: Record<string, number> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const key = FLAGS[flag];
    if (!key) throw new Error(`Unknown option "${flag}". ${usage}`);
    const raw = argv[i + 1];
    const value = Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isFinite(value) || value < 0) {
      throw new Error(
        `Option ${flag} needs a number >= 0, got ${raw === undefined ? 'nothing' : `"${raw}"`}. ${usage}`,
      );
    }
    options[key] = value;
  }
  return options as SiteOptions;
}
