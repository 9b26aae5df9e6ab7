import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMeasurements } from '@course/exercise-data-processing/tools';
import { createProgress, defineBench, formatMs, formatNumber, runWorker, spin } from '@course/runtime';
import { aggregateParallel } from '../src/aggregate-parallel';
import { byteScan } from './byte-scan';
import { naiveAggregate } from './naive-aggregate';

const SEED = 2024;
const SPIN_WORKER = join(__dirname, 'spin-worker.ts');
const SCAN_WORKER = join(__dirname, 'byte-scan-worker.ts');

/** Generated once per size into a cache folder outside the repo (20 M rows are ~275 MB). */
function measurementsFile(rows: number): string {
  const dir = process.env.COURSE_BENCH_CACHE ?? join(tmpdir(), 'course-bench-cache');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `measurements-${rows}-seed${SEED}.txt`);
  if (existsSync(file)) return file;
  const progress = createProgress({ total: rows, label: `generating ${formatNumber(rows)} rows (once)` });
  try {
    // Write beside, then rename: an interrupted run never leaves a truncated file under the real name.
    generateMeasurements({ rows, seed: SEED, out: `${file}.part`, onProgress: (n) => progress.update(n) });
  } finally {
    progress.finish();
  }
  renameSync(`${file}.part`, file);
  return file;
}

/** Start `threads` workers on `entry` at once (worker k gets `dataFor(k)`) and wait for them all. */
async function onThreads(entry: string, threads: number, dataFor: (k: number) => unknown): Promise<void> {
  await Promise.all(
    Array.from({ length: threads }, (_, k) =>
      runWorker<number>(entry, { workerData: dataFor(k), timeoutMs: 120_000 }),
    ),
  );
}

/** The CPU check: `iterations` of the runtime's spin loop split over `threads` workers. */
function cpuCheck(iterations: number, threads: number): Promise<void> {
  return onThreads(SPIN_WORKER, threads, () => Math.round(iterations / threads));
}

/** The byte-loop check: the floor's newline count over `file`, split over `threads` workers. */
function byteLoopCheck(file: string, threads: number): Promise<void> {
  const size = statSync(file).size;
  return onThreads(SCAN_WORKER, threads, (k) => ({
    file,
    start: Math.floor((size * k) / threads),
    end: Math.floor((size * (k + 1)) / threads),
  }));
}

let rows = 0;
let spinIterations = 0;

export default defineBench({
  name: 'measurements',
  title:
    'Aggregating a 1BRC measurements file: 1 vs 2 workers, vs a byte-scan floor and a naive readline version',
  baseline: 'solution, 2 workers',
  warmup: 1,
  repetitions: 5,
  // The claims are ratios between cases (and against the checks): measure them side by side, so a
  // change in what the shared host gives us falls on every case alike.
  interleave: true,
  sizes: () => ({ rows, seed: SEED, spinIterations }),
  async setup(ctx) {
    rows = ctx.quick ? 2_000_000 : 20_000_000;
    const file = measurementsFile(rows);
    const tiny = join(tmpdir(), 'course-bench-cache', 'measurements-2-lines.txt');
    generateMeasurements({ rows: 2, seed: SEED, out: tiny });

    // Size the CPU check like the workload: as long on one thread as the solution on one worker,
    // start-up included, so both scaling figures pay the same fixed costs.
    await aggregateParallel(file, { workers: 1 }); // warm the page cache and the worker bundle
    const t0 = performance.now();
    await aggregateParallel(file, { workers: 1 });
    const oneWorkerMs = performance.now() - t0;
    spin(1e7);
    const t1 = performance.now();
    spin(5e7);
    const nsPerIteration = ((performance.now() - t1) * 1e6) / 5e7;
    spinIterations = Math.round((oneWorkerMs * 1e6) / nsPerIteration);
    ctx.out.say(
      `CPU check sized to ${formatNumber(spinIterations)} iterations (~${formatMs(oneWorkerMs)} on one thread).`,
    );

    return {
      cases: [
        { name: 'solution, 2 workers', run: () => aggregateParallel(file, { workers: 2 }) },
        { name: 'solution, 1 worker', run: () => aggregateParallel(file, { workers: 1 }) },
        { name: 'CPU check, 2 threads', run: () => cpuCheck(spinIterations, 2) },
        { name: 'CPU check, 1 thread', run: () => cpuCheck(spinIterations, 1) },
        { name: 'byte-loop check, 2 threads', run: () => byteLoopCheck(file, 2) },
        { name: 'byte-loop check, 1 thread', run: () => byteLoopCheck(file, 1) },
        { name: 'byte-scan floor, 1 thread', run: () => byteScan(file) },
        { name: 'start-up: 2 workers, 2-line file', run: () => aggregateParallel(tiny, { workers: 2 }) },
        // ~25 s a run: two runs tell enough about a 20x gap.
        { name: 'naive readline+split+parseFloat', run: () => naiveAggregate(file), repetitions: 2 },
      ],
    };
  },
  ratios(m, ctx) {
    const get = (name: string) => {
      const v = m[name];
      if (v === undefined) throw new Error(`bench measurements: no median for "${name}"`);
      return v;
    };
    const two = get('solution, 2 workers');
    const startup = get('start-up: 2 workers, 2-line file');
    for (const name of Object.keys(m)) {
      if (name.includes('check') || name.startsWith('start-up')) continue;
      ctx.out.figure(`rows/s, ${name}`, `${formatNumber(Math.round(rows / (get(name) / 1000)))}`);
    }
    ctx.out.figure('start-up (Node workers, 2 of them), reported apart', formatMs(startup));
    ctx.out.figure(
      'rows/s, solution 2 workers without start-up',
      formatNumber(Math.round(rows / (Math.max(two - startup, 1e-3) / 1000))),
    );
    const cpuSpeedup = get('CPU check, 1 thread') / get('CPU check, 2 threads');
    const byteSpeedup = get('byte-loop check, 1 thread') / get('byte-loop check, 2 threads');
    const speedup = get('solution, 1 worker') / two;
    return {
      'CPU check speed-up, 1 -> 2 threads': {
        value: cpuSpeedup,
        description: 'what this machine gave 2 threads of an integer loop in this run',
      },
      'byte-loop check speed-up, 1 -> 2 threads': {
        value: byteSpeedup,
        description: 'what it gave 2 threads that stream this file and only count its newlines',
      },
      'solution speed-up, 1 -> 2 workers': {
        value: speedup,
        claim: { atLeast: 0.9 * cpuSpeedup, text: `>= 0.9x the CPU check's own ${cpuSpeedup.toFixed(2)}x` },
      },
      'solution speed-up / byte-loop check speed-up': {
        value: speedup / byteSpeedup,
        claim: { atLeast: 0.9, text: 'scales at least 0.9x as well as a loop that only counts the bytes' },
      },
      'solution (2 workers) / byte-scan floor': {
        value: two / get('byte-scan floor, 1 thread'),
        claim: { atMost: 1.3, text: 'within 1.3x of a loop that only counts newlines on one thread' },
      },
      'naive / solution (2 workers)': {
        value: get('naive readline+split+parseFloat') / two,
        claim: { atLeast: 12, text: 'at least 12x faster than readline + split + parseFloat' },
      },
    };
  },
});
