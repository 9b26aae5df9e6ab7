import { spawn } from 'node:child_process';
import { basename, join, relative } from 'node:path';
import { paint } from '../terminal/colour';
import { findInPackages, workspaceRoot } from '../workspace';
import { MISSED_CLAIMS_EXIT } from './define-bench';
import { writeMarkdownSummary } from './markdown-summary';
import { writeReport } from './report';

/**
 * `pnpm bench [name ...] [--quick] [--report-only]`: run the workspace's benchmarks, each in its own
 * process (one bench's leftovers cannot skew the next), then write bench-results/report.html
 * (`--report-only`: only rewrite the report from the results already in bench-results/).
 */
export async function benchCli(argv: readonly string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const reportOnly = argv.includes('--report-only');
  const names = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && !['--quick', '--report-only'].includes(a));
  if (unknown.length) {
    console.error(
      `Unknown option(s) ${unknown.join(', ')}. Usage: pnpm bench [name ...] [--quick] [--report-only]`,
    );
    return 2;
  }
  const root = workspaceRoot();
  const resultsDir = join(root, 'bench-results');
  const all = findInPackages(root, ['packages', 'solutions'], 'bench', '.bench.ts');
  const benchName = (f: string) => basename(f, '.bench.ts');
  const chosen = names.length ? all.filter((f) => names.includes(benchName(f))) : all;
  const missing = names.filter((n) => !all.some((f) => benchName(f) === n));
  if (missing.length) {
    console.error(
      `No benchmark named ${missing.join(', ')}. Known: ${all.map(benchName).join(', ') || 'none'}`,
    );
    return 2;
  }

  let failed = 0;
  let missed = 0;
  if (!reportOnly) {
    for (const file of chosen) {
      console.log(paint.dim(`\n$ bench ${relative(root, file)}${quick ? ' --quick' : ''}`));
      const code = await runInChild(file, quick, resultsDir);
      if (code === MISSED_CLAIMS_EXIT) {
        missed++;
        console.error(paint.fail(`✘ ${relative(root, file)}: a claim judged in this run did not hold`));
      } else if (code !== 0) {
        failed++;
        console.error(paint.fail(`✘ ${relative(root, file)} failed (exit ${code})`));
      }
    }
  }
  const report = writeReport(resultsDir);
  writeMarkdownSummary(resultsDir);
  console.log(`\n${paint.ok('Report:')} ${relative(process.cwd(), report)}  (JSON and summary.md beside it)`);
  console.log(
    reportOnly
      ? 'report rebuilt from the saved results'
      : `${chosen.length - failed} benchmarks ran, ${failed} failed, ${missed} missed a judged claim${quick ? ' (claims are not judged at --quick size)' : ''}`,
  );
  return failed || missed ? 1 : 0;
}

function runInChild(file: string, quick: boolean, resultsDir: string): Promise<number> {
  const runner = join(__dirname, 'run-file.ts');
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', runner, file, resultsDir, ...(quick ? ['--quick'] : [])],
      { stdio: 'inherit', env: process.env },
    );
    const onSigint = () => child.kill('SIGINT');
    process.once('SIGINT', onSigint);
    child.once('exit', (code, signal) => {
      process.removeListener('SIGINT', onSigint);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
