import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createProgress } from '@course/runtime';
import { generateMeasurements } from './generate-measurements';

/**
 * `pnpm gen:measurements --rows N --seed S [--out FILE] [--bad-rate R] [--crlf]`: write a
 * deterministic measurements file (same seed, same bytes), with a progress bar on a terminal.
 */
function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'measurements.txt' },
      'bad-rate': { type: 'string', default: '0' },
      crlf: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const rows = Number(values.rows?.replace(/_/g, ''));
  const seed = Number(values.seed);
  const badRate = Number(values['bad-rate']);
  if (!values.rows || !Number.isInteger(rows) || rows < 0 || !Number.isInteger(seed)) {
    console.error('Usage: pnpm gen:measurements --rows N --seed S [--out FILE] [--bad-rate 0..1] [--crlf]');
    return 2;
  }
  // pnpm runs root scripts from the workspace root; resolve --out against where the user typed it.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  const progress = createProgress({ total: rows, label: `writing ${rows.toLocaleString('en')} rows` });
  const started = performance.now();
  try {
    const report = generateMeasurements({
      rows,
      seed,
      out,
      badRate,
      eol: values.crlf ? '\r\n' : '\n',
      onProgress: (n) => progress.update(n),
    });
    progress.finish();
    const secs = (performance.now() - started) / 1000;
    console.log(
      `${report.file}: ${report.rows} rows, ${(report.bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s` +
        (report.badRows
          ? `, ${report.badRows} bad rows (first at lines ${report.firstBadLines.join(', ')})`
          : ''),
    );
    return 0;
  } catch (err) {
    progress.finish();
    console.error(`Cannot write ${out}: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
