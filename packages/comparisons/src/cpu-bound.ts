import { relative } from 'node:path';
import {
  allOf,
  barChartSvg,
  defineLesson,
  evidenceAtMost,
  evidenceSpeedUp,
  formatMs,
  formatRatio,
  htmlTable,
  isMain,
  lineChartSvg,
  maxOverlap,
  runLessonMain,
} from '@course/runtime';
import { writeLessonPage } from './chart-file';
import { type CpuComparison, compareCpuBound, speedUp } from './cpu-bound/compare';
import type { RunResult } from './cpu-bound/runners';

export const lesson = defineLesson({
  id: 'comparisons/cpu-bound',
  title: 'CPU-bound work: sequential, async, threads, processes',
  summary: 'Count primes five ways and see which ones use more than one core (and why async does not).',
  concepts: ['CPU-bound', 'worker threads', 'process pool', 'speed-up', 'start-up cost'],
  docs: 'docs/concepts/when-to-use-what.md',
  async run({ quick, out, signal }) {
    const limit = quick ? 3_000_000 : 6_000_000;
    out.heading(`Counting the primes below ${limit.toLocaleString('en-US')}, split into chunks`);
    out.say('One pure function (countPrimes) and thin runners: the main thread alone, "async" functions,');
    out.say('a pool of worker threads and a pool of child processes at 1..N workers.');
    const c = await compareCpuBound({ limit, signal });

    out.heading('How many cores did we really get? (the CPU check)');
    out.say(
      `The same integer loop on 1 thread took ${formatMs(c.check.oneMs)}; ${c.check.threads} copies at once took ${formatMs(c.check.manyMs)}.`,
    );
    out.figure('usable parallel capacity', `${c.check.capacity.toFixed(2)} of ${c.check.threads} cores`);
    out.say('Shared machines often give less than the core count: read the speed-ups below against this');
    out.say('(measured before and after the runs, with a loop as long as the sequential run).');

    const rows: RunResult[] = [c.sequential, c.async, ...c.threads, ...c.processes];
    out.table(rows, [
      { header: 'runner', value: (r) => r.runner },
      { header: 'wall', value: (r) => formatMs(r.wallMs), align: 'right' },
      { header: 'speed-up', value: (r) => formatRatio(speedUp(c, r)), align: 'right' },
      {
        header: 'of ideal',
        value: (r) => `${((speedUp(c, r) / r.workers) * 100).toFixed(0)}%`,
        align: 'right',
      },
      {
        header: 'busy at once',
        value: (r) => (r.intervals.length ? maxOverlap(r.intervals) : 1),
        align: 'right',
      },
      { header: 'answer', value: (r) => (r.total === c.expectedTotal ? `${r.total} ✔` : `${r.total} ✘`) },
    ]);
    out.bars(rows.map((r) => ({ label: r.runner, value: speedUp(c, r), note: formatRatio(speedUp(c, r)) })));

    out.heading('What happened');
    out.say(
      `"async" took ${formatRatio(speedUp(c, c.async))} the speed of sequential: an async function runs synchronously until its`,
    );
    out.say(
      'first await, and CPU work never awaits. One thread did all of it, and the event loop was blocked throughout.',
    );
    const best = [...c.threads, ...c.processes].reduce((a, b) => (speedUp(c, a) > speedUp(c, b) ? a : b));
    out.say(
      `The best parallel run, ${best.runner}, ran at ${formatRatio(speedUp(c, best))} the speed of sequential; the CPU check allowed ${c.check.capacity.toFixed(2)}×.`,
    );
    out.say(
      `Start-up is paid apart: ${c.startUp.workers} worker threads took ${formatMs(c.startUp.threadsMs)} to be ready, ${c.startUp.workers} child processes ${formatMs(c.startUp.processesMs)}.`,
    );
    const widest = (runs: RunResult[]) => runs.reduce((a, b) => (b.workers > a.workers ? b : a));
    const [t, p] = [widest(c.threads), widest(c.processes)];
    out.claim(
      'CPU work needs more threads of JavaScript: worker threads (cheaper) or processes (isolated)',
      allOf(
        evidenceSpeedUp({ speedUp: speedUp(c, t), check: c.check, what: t.runner }),
        evidenceSpeedUp({ speedUp: speedUp(c, p), check: c.check, what: p.runner }),
      ),
    );
    // One thread can never use more CPU time than wall time: that, not the speed-up (which drifts
    // with the machine's load between two runs), is the evidence that "async" computed on one core.
    const asyncCores = c.async.cpuMs / c.async.wallMs;
    out.claim(
      'Promises and async functions give concurrency for waiting, never parallelism for computing',
      evidenceAtMost(asyncCores, 1.1, '"async" CPU time / wall time (cores busy)', {
        format: (n) => n.toFixed(2),
      }),
    );
    const drift = speedUp(c, c.async);
    if (drift > 1.15 || drift < 1 / 1.15) {
      out.say(
        `"async" and sequential are the same work on the same thread: their ${formatRatio(drift)} is the machine's load changing between the two runs.`,
      );
    }

    const page = writeLessonPage(
      'cpu-bound',
      'CPU-bound comparison',
      chartSections(c),
      `Primes below ${limit}.`,
    );
    out.say(`Charts: ${relative(process.cwd(), page)}`);
  },
});

/** The lesson's HTML: speed-up bars and speed-up vs workers with the ideal line and the CPU check. */
export function chartSections(c: CpuComparison) {
  const rows: RunResult[] = [c.sequential, c.async, ...c.threads, ...c.processes];
  const line = (runs: RunResult[]) => runs.map((r) => [r.workers, speedUp(c, r)] as [number, number]);
  const workers = c.threads.map((r) => r.workers);
  return [
    {
      heading: 'Speed-up over sequential',
      html: barChartSvg({
        title: 'Counting primes: speed-up over sequential',
        valueLabel: 'speed-up (×, higher is faster)',
        bars: rows.map((r) => ({ label: r.runner, value: speedUp(c, r) })),
        reference: { value: 1, label: '1× = sequential' },
      }),
    },
    {
      heading: 'Speed-up vs workers',
      note: `CPU check: ${c.check.threads} threads gave ${c.check.capacity.toFixed(2)}× the work of one.`,
      html: lineChartSvg({
        title: 'Speed-up vs workers',
        xLabel: 'workers',
        yLabel: 'speed-up (×)',
        series: [
          { name: 'ideal', points: workers.map((w) => [w, w]), dashed: true },
          {
            name: 'CPU check',
            points: [
              [1, 1],
              [c.check.threads, c.check.capacity],
            ],
            dashed: true,
          },
          { name: 'threads', points: line(c.threads) },
          { name: 'processes', points: line(c.processes) },
        ],
      }),
    },
    {
      heading: 'Table',
      html: htmlTable(
        ['runner', 'workers', 'wall ms', 'speed-up'],
        rows.map((r) => [r.runner, r.workers, Number(r.wallMs.toFixed(1)), Number(speedUp(c, r).toFixed(2))]),
      ),
    },
  ];
}

if (isMain(__filename)) runLessonMain(lesson);
