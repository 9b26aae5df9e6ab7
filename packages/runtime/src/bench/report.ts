import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HtmlSection, htmlPage, htmlTable } from '../charts/html-page';
import { barChartSvg } from '../charts/svg-bar-chart';
import { lineChartSvg } from '../charts/svg-line-chart';
import type { BenchResult } from './run-bench';

/**
 * Build `report.html` from every `<name>.json` in the results folder: per benchmark a table, a bar
 * chart of speed-ups against its baseline, its claimed ratios with verdicts, and its line charts.
 * Self-contained: opens from disk with no network.
 */
export function writeReport(resultsDir: string): string {
  const files = existsSync(resultsDir)
    ? readdirSync(resultsDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const sections: HtmlSection[] = [];
  for (const f of files) {
    const r = JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as BenchResult;
    if (!r.cases || !r.machine) continue; // not a bench result
    const base = r.cases.find((c) => c.name === r.baseline)?.wall.median ?? Number.NaN;
    const table = htmlTable(
      ['case', 'min ms', 'median ms', 'max ms', `speed-up vs ${r.baseline}`],
      r.cases.map((c) => [
        c.name,
        round(c.wall.min),
        round(c.wall.median),
        round(c.wall.max),
        round(base / c.wall.median),
      ]),
    );
    const bars = barChartSvg({
      title: r.title,
      valueLabel: `speed-up vs ${r.baseline} (×, higher is faster)`,
      bars: r.cases.map((c) => ({
        label: c.name,
        value: Number.isFinite(base / c.wall.median) ? base / c.wall.median : 0,
      })),
      reference: { value: 1, label: '1× = baseline' },
    });
    const claims = Object.entries(r.ratios);
    const ratioTable = claims.length
      ? htmlTable(
          ['ratio', 'value', 'claim', 'verdict'],
          claims.map(([k, v]) => [k, round(v.value), v.claim?.text ?? '', verdictWord(v)]),
        )
      : '';
    const lines = r.charts.map((c) => lineChartSvg(c)).join('\n');
    sections.push({
      heading: r.title,
      note: `${r.machine.cpuModel}, ${r.machine.availableParallelism} cores available, Node ${r.machine.node}; ${r.quick ? 'quick run' : 'full run'} on ${r.date}. Sizes: ${JSON.stringify(r.sizes)}`,
      html: `${table}\n${bars}\n${ratioTable}\n${lines}`,
    });
  }
  const path = join(resultsDir, 'report.html');
  writeFileSync(
    path,
    htmlPage({
      title: 'Node concurrency course — benchmark report',
      intro: 'Ratios, not absolute times, are the headline: these machines are shared and noisy.',
      sections,
    }),
  );
  return path;
}

function round(n: number): number {
  return Number.isFinite(n) ? Number(n.toFixed(2)) : 0;
}

/** How a ratio's verdict reads in a report; results saved before verdicts existed carry only `ok`. */
export function verdictWord(v: { verdict?: string | null; ok: boolean | null }): string {
  if (v.verdict === 'not-judged') return 'not judged at quick size';
  const ok = v.verdict ? v.verdict === 'holds' : v.ok;
  return ok === null ? '' : ok ? 'holds' : 'MISSED';
}
