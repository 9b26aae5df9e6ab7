import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verdictWord } from './report';
import type { BenchResult } from './run-bench';

/**
 * Write `summary.md` beside the JSON results: per benchmark, the machine, the median of each case and
 * its ratio to the baseline, and every named ratio with its claim and verdict. docs/performance.md
 * quotes this file, so the figures in the docs come from a real run, not from memory.
 */
export function writeMarkdownSummary(resultsDir: string): string {
  const files = existsSync(resultsDir)
    ? readdirSync(resultsDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const parts: string[] = [];
  for (const f of files) {
    const r = JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as BenchResult;
    if (!r.cases || !r.machine) continue;
    const base = r.cases.find((c) => c.name === r.baseline)?.wall.median ?? Number.NaN;
    parts.push(
      `### ${r.title} (\`pnpm bench ${r.name}\`)`,
      '',
      `${r.machine.cpuModel}, ${r.machine.availableParallelism} cores, Node ${r.machine.node}; ${r.quick ? 'quick' : 'full'} run, ${r.date.slice(0, 10)}; sizes ${JSON.stringify(r.sizes)}.`,
      '',
      `| case | median | min – max | × ${r.baseline} (speed) |`,
      '| --- | ---: | ---: | ---: |',
      ...r.cases.map(
        (c) =>
          `| ${c.name} | ${ms(c.wall.median)} | ${ms(c.wall.min)} – ${ms(c.wall.max)} | ${(base / c.wall.median).toFixed(2)}× |`,
      ),
      '',
    );
    const ratios = Object.entries(r.ratios);
    if (ratios.length) {
      parts.push('| ratio | value | claim | verdict |', '| --- | ---: | --- | --- |');
      for (const [k, v] of ratios) {
        parts.push(
          `| ${k} | ${v.value.toFixed(2)}× | ${v.claim?.text ?? v.description ?? ''} | ${verdictWord(v).replace('MISSED', '**missed**')} |`,
        );
      }
      parts.push('');
    }
  }
  const path = join(resultsDir, 'summary.md');
  writeFileSync(path, `${parts.join('\n')}\n`);
  return path;
}

function ms(n: number): string {
  return n < 1
    ? `${(n * 1000).toFixed(0)} µs`
    : n < 1000
      ? `${n.toFixed(1)} ms`
      : `${(n / 1000).toFixed(2)} s`;
}
