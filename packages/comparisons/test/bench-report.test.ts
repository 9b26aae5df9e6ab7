import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureNarrator, defineBench, runBench, spin, writeReport } from '@course/runtime';
import { chromiumMissingReason, withPage } from '@course/test-support/chromium';
import { afterAll, describe, expect, it } from 'vitest';

const missing = chromiumMissingReason();
if (missing) console.warn(`\n[SKIPPED] bench report rendering: ${missing}\n`);

// A real (tiny) benchmark run through the same harness as `pnpm bench`, so the report is built from
// what the harness really writes.
const tiny = defineBench({
  name: 'tiny',
  title: 'Tiny loops',
  baseline: 'long loop',
  repetitions: 3,
  sizes: () => ({ iterations: 2_000_000 }),
  setup: async () => ({
    cases: [
      { name: 'long loop', run: () => spin(2_000_000) },
      { name: 'short loop', run: () => spin(500_000) },
    ],
  }),
  ratios: (m) => ({
    'short vs long': {
      value: m['long loop']! / m['short loop']!,
      claim: { atLeast: 1, text: 'less work is faster' },
    },
  }),
  charts: (m) => [
    {
      title: 'Work vs time',
      xLabel: 'million iterations',
      yLabel: 'ms',
      series: [
        {
          name: 'loop',
          points: [
            [0.5, m['short loop']!],
            [2, m['long loop']!],
          ],
        },
      ],
    },
  ],
});

describe('pnpm bench results and report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'course-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes JSON with the machine, sizes, raw timings and named ratios', async () => {
    const out = captureNarrator();
    await runBench(tiny, { quick: true, out, signal: new AbortController().signal, resultsDir: dir });
    const json = JSON.parse(readFileSync(join(dir, 'tiny.json'), 'utf8'));
    expect(json.machine.cores).toBeGreaterThan(0);
    expect(json.machine.node).toBe(process.version);
    expect(json.sizes).toEqual({ iterations: 2_000_000 });
    expect(json.cases.map((c: { name: string }) => c.name)).toEqual(['long loop', 'short loop']);
    expect(json.cases[0].samples).toHaveLength(3);
    // At quick size a claim is shown with its figures but not judged.
    expect(json.ratios['short vs long']).toMatchObject({ verdict: 'not-judged', ok: null });
    expect(out.text()).toMatch(/vs long loop/);
    expect(out.text()).toMatch(/○ not judged in this run: .*\n.*not judged at quick size/);
    expect(out.text()).not.toContain('✔');
  });

  it('judges a claim at full size against the bound it states', async () => {
    const out = captureNarrator();
    await runBench(tiny, { quick: false, out, signal: new AbortController().signal, resultsDir: dir });
    const json = JSON.parse(readFileSync(join(dir, 'tiny.json'), 'utf8'));
    expect(json.ratios['short vs long']).toMatchObject({ verdict: 'holds', ok: true });
    expect(out.claims().map((c) => c.evidence.verdict)).toEqual(['holds']);
  });

  it('runs the cases round-robin when asked to interleave, warm-up round first, a slow case fewer times', async () => {
    const calls: string[] = [];
    const roundRobin = defineBench({
      name: 'round-robin',
      title: 'Order of runs',
      baseline: 'a',
      warmup: 1,
      repetitions: 2,
      interleave: true,
      setup: async () => ({
        cases: ['a', 'b', 'c'].map((name) => ({
          name,
          run: () => calls.push(name),
          repetitions: name === 'c' ? 1 : undefined,
        })),
      }),
    });
    const own = mkdtempSync(join(tmpdir(), 'course-bench-rr-')); // not `dir`: the report test renders all of it
    try {
      await runBench(roundRobin, {
        quick: false,
        out: captureNarrator(),
        signal: new AbortController().signal,
        resultsDir: own,
      });
      const json = JSON.parse(readFileSync(join(own, 'round-robin.json'), 'utf8'));
      expect(json.cases.map((c: { samples: unknown[] }) => c.samples.length)).toEqual([2, 2, 1]);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
    expect(calls.join('')).toBe('abcabcab');
  });

  it.skipIf(missing)(
    'writes one self-contained report.html whose charts render in headless Chromium',
    async () => {
      const report = writeReport(dir);
      const drawn = await withPage(report, async (page) => ({
        bars: await page
          .locator('rect.bar')
          .evaluateAll((els) =>
            els.map((e) => (e as unknown as { getBBox(): { width: number } }).getBBox().width),
          ),
        lines: await page
          .locator('polyline.series')
          .evaluateAll((els) =>
            els.map((e) => (e as unknown as { getTotalLength(): number }).getTotalLength()),
          ),
        claims: await page.locator('td', { hasText: 'holds' }).count(),
      }));
      expect(drawn.bars).toHaveLength(2);
      for (const w of drawn.bars) expect(w).toBeGreaterThan(0);
      expect(drawn.lines).toHaveLength(1);
      expect(drawn.lines[0]!).toBeGreaterThan(10);
      expect(drawn.claims).toBe(1);
    },
    60_000,
  );
});
