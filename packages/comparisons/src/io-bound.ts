import { relative } from 'node:path';
import {
  barChartSvg,
  defineLesson,
  evidenceIf,
  formatMs,
  formatRatio,
  htmlTable,
  isMain,
  runLessonMain,
} from '@course/runtime';
import { writeLessonPage } from './chart-file';
import { compareIoBound, type IoComparison, type IoRun } from './io-bound/compare';

export const lesson = defineLesson({
  id: 'comparisons/io-bound',
  title: 'I/O-bound work: sequential, async, threads, processes',
  summary: 'The same requests and file reads four ways: waiting needs no threads, so async wins.',
  concepts: ['I/O-bound', 'bounded concurrency', 'event loop', 'overhead of threads and processes'],
  docs: 'docs/concepts/when-to-use-what.md',
  async run({ quick, out, signal }) {
    const options = quick
      ? { requests: 24, latencyMs: 40, files: 24, fileBytes: 64 * 1024, concurrency: 8 }
      : { requests: 120, latencyMs: 60, files: 120, fileBytes: 256 * 1024, concurrency: 8 };
    out.heading(
      `${options.requests} requests (${options.latencyMs} ms latency each) and ${options.files} file reads`,
    );
    out.say('Served by a local site on 127.0.0.1; the files are real files in a temp folder.');
    const c = await compareIoBound({ ...options, signal });
    const base = c.runs[0]!;
    out.table(c.runs, [
      { header: 'runner', value: (r) => r.runner },
      { header: 'wall', value: (r) => formatMs(r.wallMs), align: 'right' },
      { header: 'speed-up', value: (r) => formatRatio(base.wallMs / r.wallMs), align: 'right' },
      { header: 'CPU time', value: (r) => formatMs(r.cpuMs), align: 'right' },
      { header: 'extra memory', value: (r) => `${r.memoryMb.toFixed(1)} MB`, align: 'right' },
      { header: 'max in flight', value: (r) => r.maxInFlight, align: 'right' },
    ]);
    out.bars(
      c.runs.map((r) => ({
        label: r.runner,
        value: base.wallMs / r.wallMs,
        note: formatRatio(base.wallMs / r.wallMs),
      })),
    );
    out.heading('What happened');
    out.say(
      `Sequential spends almost all its time waiting: ${formatMs(base.cpuMs)} of CPU in ${formatMs(base.wallMs)} of wall time.`,
    );
    out.say(
      `Async keeps ${options.concurrency} requests in flight on one thread; the kernel does the waiting, no thread is needed.`,
    );
    out.say('Worker threads and child processes wait just the same, but each costs a start-up, memory and');
    out.say('messages: the table shows the extra memory and CPU they add for no gain in speed over async.');
    const asyncRun = c.runs[1]!;
    const others = c.runs.slice(2);
    const fastestOther = Math.min(...others.map((r) => r.wallMs));
    out.claim(
      'For I/O, bounded async concurrency is the tool; threads and processes only add overhead',
      evidenceIf(
        asyncRun.wallMs <= 1.25 * fastestOther && others.every((r) => r.cpuMs > asyncRun.cpuMs),
        `async ${formatMs(asyncRun.wallMs)} vs the fastest of threads/processes ${formatMs(fastestOther)} (needs ≤ 1.25× of it); CPU ${formatMs(asyncRun.cpuMs)} vs ${others.map((r) => formatMs(r.cpuMs)).join(', ')}`,
        'run it again on a quieter machine',
      ),
    );
    const page = writeLessonPage('io-bound', 'I/O-bound comparison', ioSections(c));
    out.say(`Charts: ${relative(process.cwd(), page)}`);
  },
});

export function ioSections(c: IoComparison) {
  const base = c.runs[0]!;
  return [
    {
      heading: 'Speed-up over sequential',
      html: barChartSvg({
        title: 'I/O job: speed-up over sequential',
        valueLabel: 'speed-up (×, higher is faster)',
        bars: c.runs.map((r: IoRun) => ({ label: r.runner, value: base.wallMs / r.wallMs })),
        reference: { value: 1, label: '1× = sequential' },
      }),
    },
    {
      heading: 'Table',
      html: htmlTable(
        ['runner', 'wall ms', 'CPU ms', 'extra memory MB', 'max in flight'],
        c.runs.map((r) => [
          r.runner,
          Number(r.wallMs.toFixed(1)),
          Number(r.cpuMs.toFixed(1)),
          Number(r.memoryMb.toFixed(1)),
          r.maxInFlight,
        ]),
      ),
    },
  ];
}

if (isMain(__filename)) runLessonMain(lesson);
