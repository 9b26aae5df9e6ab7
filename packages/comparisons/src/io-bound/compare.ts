import { join } from 'node:path';
import { createLimiter } from '@course/async';
import { measure, runChild, runWorker } from '@course/runtime';
import { doItem, doSequentially, type IoItem, type ShareReport } from './io-item';
import { type IoJobOptions, prepareIoJob } from './job';

export interface IoRun {
  runner: string;
  wallMs: number;
  /** CPU time of this process plus, for processes, of the children. */
  cpuMs: number;
  /** Extra resident memory: the parent's peak growth during the run, plus children's RSS. */
  memoryMb: number;
  bytes: number;
  /** Most requests the site saw in flight at once during this run. */
  maxInFlight: number;
}

export interface IoComparison {
  options: IoJobOptions & { concurrency: number };
  runs: IoRun[];
}

/** Split items into `n` interleaved shares, so every share has a mix of requests and files. */
export function shares<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  items.forEach((item, i) => {
    out[i % n]!.push(item);
  });
  return out.filter((s) => s.length > 0);
}

export interface IoRunner {
  name: string;
  run: () => Promise<{ bytes: number; childCpuMs: number; childRssBytes: number }>;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The same I/O job four ways: one item at a time; async with at most `concurrency` in flight; split
 * over `concurrency` worker threads; split over `concurrency` child processes (each doing its share
 * one item at a time, the thread-per-connection style). Shared by the lesson and the benchmark.
 */
export function ioRunners(items: readonly IoItem[], concurrency: number, signal?: AbortSignal): IoRunner[] {
  const parts = shares(items, concurrency);
  return [
    {
      name: 'sequential',
      run: async () => ({ bytes: await doSequentially(items), childCpuMs: 0, childRssBytes: 0 }),
    },
    {
      name: `async, ${concurrency} at a time`,
      run: async () => ({
        // The course's own limiter (async/async-web-requests): at most `concurrency` in flight.
        bytes: sum(
          await (async () => {
            const limit = createLimiter(concurrency);
            return Promise.all(items.map((item: IoItem) => limit(() => doItem(item))));
          })(),
        ),
        childCpuMs: 0,
        childRssBytes: 0,
      }),
    },
    {
      name: `${parts.length} worker threads`,
      run: async () => {
        const reports = await Promise.all(
          parts.map((part) =>
            runWorker<ShareReport>(join(__dirname, 'share-worker.ts'), {
              workerData: part,
              signal,
              timeoutMs: 60_000,
            }),
          ),
        );
        return { bytes: sum(reports.map((r) => r.bytes)), childCpuMs: 0, childRssBytes: 0 };
      },
    },
    {
      name: `${parts.length} child processes`,
      run: async () => {
        const reports = await Promise.all(
          parts.map((part) =>
            runChild<ShareReport>(join(__dirname, 'share-child.ts'), {
              message: part,
              signal,
              timeoutMs: 60_000,
              stdio: 'pipe',
            }),
          ),
        );
        return {
          bytes: sum(reports.map((r) => r.bytes)),
          childCpuMs: sum(reports.map((r) => r.cpuMs)),
          childRssBytes: sum(reports.map((r) => r.rssBytes)),
        };
      },
    },
  ];
}

/** Run every runner once on a fresh copy of the job and report wall, CPU, memory and max in flight. */
export async function compareIoBound(
  options: IoJobOptions & { concurrency: number; signal?: AbortSignal },
): Promise<IoComparison> {
  const { concurrency, signal } = options;
  const job = await prepareIoJob(options);
  const runs: IoRun[] = [];
  try {
    for (const runner of ioRunners(job.items, concurrency, signal)) {
      signal?.throwIfAborted();
      job.site.reset();
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 10);
      try {
        const m = await measure(runner.run);
        peak = Math.max(peak, process.memoryUsage().rss);
        runs.push({
          runner: runner.name,
          wallMs: m.wallMs,
          cpuMs: m.cpuMs + m.result.childCpuMs,
          memoryMb: (peak - rss0 + m.result.childRssBytes) / 2 ** 20,
          bytes: m.result.bytes,
          maxInFlight: job.site.counters.maxInFlight,
        });
      } finally {
        clearInterval(sampler);
      }
    }
  } finally {
    await job.dispose();
  }
  return { options, runs };
}
