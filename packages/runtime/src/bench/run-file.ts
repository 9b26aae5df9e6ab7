// Runs one bench file in this process: `node -r ts-node/register run-file.ts <file> <resultsDir> [--quick]`.
import { createNarrator } from '../lesson/narrator';
import { stopAll } from '../spawn/registry';
import { type Bench, MISSED_CLAIMS_EXIT } from './define-bench';
import { runBench } from './run-bench';

async function main(): Promise<void> {
  const [file, resultsDir, flag] = process.argv.slice(2);
  if (!file || !resultsDir) throw new Error('usage: run-file.ts <bench file> <results dir> [--quick]');
  const mod = require(file) as { default?: Bench };
  const bench = mod.default;
  if (!bench?.setup) throw new Error(`${file} must \`export default defineBench({...})\``);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const result = await runBench(bench, {
    quick: flag === '--quick',
    out: createNarrator(),
    signal: controller.signal,
    resultsDir,
  });
  await stopAll();
  // A claim judged in this run and missed is not a crash, but it is not a pass either: exit 3, which
  // the bench CLI counts apart from failures.
  const missed = Object.values(result.ratios).filter((r) => r.verdict === 'does-not-hold').length;
  if (missed) process.exitCode = MISSED_CLAIMS_EXIT;
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
