import { performance } from 'node:perf_hooks';
import { type Summary, summarize } from './stats';

export interface Measurement<T = unknown> {
  wallMs: number;
  /** user + system CPU time of this process (all its threads) over the same interval. */
  cpuMs: number;
  /** cpuMs / wallMs: about 1 for one busy thread, about N when N threads are busy in parallel. */
  parallelism: number;
  result: T;
}

/**
 * Time one call: wall time and the process's CPU time (user + sys) side by side.
 *
 * CPU time counts every thread of this process, so a lesson can show parallelism as CPU/wall.
 * Child processes are not included: measure them in the child, or compare wall times.
 *
 * @example
 * const m = await measure(() => runInWorkers(job));
 * console.log(`${m.wallMs} ms wall, ${m.parallelism.toFixed(2)} cores busy on average`);
 */
export async function measure<T>(fn: () => T | Promise<T>): Promise<Measurement<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { wallMs, cpuMs, parallelism: wallMs > 0 ? cpuMs / wallMs : 0, result };
}

export interface RepeatOptions {
  /** Runs thrown away first (JIT, caches, file system). Default 1. */
  warmup?: number;
  /** Runs measured. Default 5. */
  repetitions?: number;
}

export interface RepeatedMeasurement {
  wall: Summary;
  cpu: Summary;
  samples: Array<{ wallMs: number; cpuMs: number }>;
}

/** Measure `fn` repeatedly after a warm-up; report min/median/max and spread of wall and CPU time. */
export async function measureRepeated(
  fn: () => unknown | Promise<unknown>,
  { warmup = 1, repetitions = 5 }: RepeatOptions = {},
): Promise<RepeatedMeasurement> {
  if (repetitions < 1) throw new Error(`repetitions must be at least 1, got ${repetitions}`);
  for (let i = 0; i < warmup; i++) await fn();
  const samples: Array<{ wallMs: number; cpuMs: number }> = [];
  for (let i = 0; i < repetitions; i++) {
    const { wallMs, cpuMs } = await measure(fn);
    samples.push({ wallMs, cpuMs });
  }
  return {
    wall: summarize(samples.map((s) => s.wallMs)),
    cpu: summarize(samples.map((s) => s.cpuMs)),
    samples,
  };
}
