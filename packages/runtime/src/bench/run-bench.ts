import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allOf,
  type ClaimEvidence,
  type ClaimVerdict,
  evidenceAtLeast,
  evidenceAtMost,
  judgedAtFullSize,
} from '../lesson/claims';
import { formatMs, formatRatio } from '../terminal/table';
import { measure, measureRepeated } from '../timing/measure';
import { type Summary, summarize } from '../timing/stats';
import type { Bench, BenchCase, BenchContext, BenchLineChart, RatioSpec } from './define-bench';
import { type MachineInfo, machineInfo } from './machine';

export interface BenchResult {
  name: string;
  title: string;
  date: string;
  quick: boolean;
  machine: MachineInfo;
  sizes: Record<string, number | string>;
  baseline: string;
  cases: Array<{
    name: string;
    wall: Summary;
    cpu: Summary;
    samples: Array<{ wallMs: number; cpuMs: number }>;
  }>;
  /**
   * Each ratio with its claim's verdict: `not-judged` at quick size (too small to judge), `null`
   * when the ratio makes no claim. `ok` is true only for `holds`, false only for `does-not-hold`.
   */
  ratios: Record<string, RatioSpec & { verdict: ClaimVerdict | null; ok: boolean | null }>;
  charts: BenchLineChart[];
}

/** Run one benchmark: every case warmed up and repeated, a table printed, JSON written. */
export async function runBench(
  bench: Bench,
  { quick, out, signal, resultsDir }: BenchContext & { resultsDir: string },
): Promise<BenchResult> {
  const ctx: BenchContext = { quick, out, signal };
  out.heading(`${bench.title}  (${bench.name}${quick ? ', quick' : ''})`);
  const { cases, dispose } = await bench.setup(ctx);
  const results: BenchResult['cases'] = [];
  const repeat = {
    warmup: bench.warmup ?? 1,
    repetitions: quick ? Math.min(3, bench.repetitions ?? 5) : (bench.repetitions ?? 5),
  };
  try {
    if (bench.interleave) results.push(...(await measureInterleaved(cases, repeat, signal)));
    else
      for (const c of cases) {
        if (signal.aborted) throw new Error('benchmark interrupted');
        const m = await measureRepeated(c.run, {
          ...repeat,
          repetitions: Math.min(repeat.repetitions, c.repetitions ?? repeat.repetitions),
        });
        results.push({ name: c.name, wall: m.wall, cpu: m.cpu, samples: m.samples });
      }
  } finally {
    await dispose?.();
  }

  const medians = Object.fromEntries(results.map((r) => [r.name, r.wall.median]));
  const base = medians[bench.baseline];
  if (base === undefined)
    throw new Error(`Bench ${bench.name}: baseline case "${bench.baseline}" was not run`);
  out.table(results, [
    { header: 'case', value: (r) => r.name },
    { header: 'min', value: (r) => formatMs(r.wall.min), align: 'right' },
    { header: 'median', value: (r) => formatMs(r.wall.median), align: 'right' },
    { header: 'max', value: (r) => formatMs(r.wall.max), align: 'right' },
    { header: 'spread', value: (r) => `${(r.wall.spread * 100).toFixed(0)}%`, align: 'right' },
    {
      header: 'cpu/wall',
      value: (r) => (r.cpu.median / Math.max(r.wall.median, 1e-9)).toFixed(2),
      align: 'right',
    },
    { header: `vs ${bench.baseline}`, value: (r) => formatRatio(base / r.wall.median), align: 'right' },
  ]);

  const ratios: BenchResult['ratios'] = {};
  for (const [key, spec] of Object.entries(bench.ratios?.(medians, ctx) ?? {})) {
    const { claim } = spec;
    if (!claim) {
      ratios[key] = { ...spec, verdict: null, ok: null };
      out.figure(key, formatRatio(spec.value));
      continue;
    }
    const evidence = judgedAtFullSize(quick, claimEvidence(key, spec.value, claim));
    ratios[key] = {
      ...spec,
      verdict: evidence.verdict,
      ok: evidence.verdict === 'not-judged' ? null : evidence.verdict === 'holds',
    };
    out.figure(key, formatRatio(spec.value));
    out.claim(claim.text, evidence);
  }

  const result: BenchResult = {
    name: bench.name,
    title: bench.title,
    date: new Date().toISOString(),
    quick,
    machine: machineInfo(),
    sizes: bench.sizes?.(ctx) ?? {},
    baseline: bench.baseline,
    cases: results,
    ratios,
    charts: bench.charts?.(medians) ?? [],
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${bench.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** A ratio against the bounds its claim states, in this run. */
function claimEvidence(key: string, value: number, claim: NonNullable<RatioSpec['claim']>): ClaimEvidence {
  const pieces: ClaimEvidence[] = [];
  if (claim.atLeast !== undefined) pieces.push(evidenceAtLeast(value, claim.atLeast, key));
  if (claim.atMost !== undefined) pieces.push(evidenceAtMost(value, claim.atMost, key));
  if (pieces.length === 0) throw new Error(`claim "${claim.text}" of ${key} has neither atLeast nor atMost`);
  return allOf(...pieces);
}

/** Every case once per round (warm-up rounds first), so drifting host speed hits all cases alike. */
async function measureInterleaved(
  cases: readonly BenchCase[],
  { warmup, repetitions }: { warmup: number; repetitions: number },
  signal: AbortSignal,
): Promise<BenchResult['cases']> {
  const samples = cases.map(() => [] as Array<{ wallMs: number; cpuMs: number }>);
  for (let round = -warmup; round < repetitions; round++) {
    for (const [k, c] of cases.entries()) {
      if (signal.aborted) throw new Error('benchmark interrupted');
      if (round >= (c.repetitions ?? repetitions)) continue; // a slow case with fewer runs sits out
      const { wallMs, cpuMs } = await measure(c.run);
      if (round >= 0) samples[k]!.push({ wallMs, cpuMs });
    }
  }
  return cases.map((c, k) => ({
    name: c.name,
    wall: summarize(samples[k]!.map((s) => s.wallMs)),
    cpu: summarize(samples[k]!.map((s) => s.cpuMs)),
    samples: samples[k]!,
  }));
}

/** For benches that compute their own figures: summary of already-collected samples. */
export { summarize };
