import type { Narrator } from '../lesson/narrator';

export interface BenchContext {
  /** `--quick`: a small size for a smoke run; ratios are then only indicative. */
  quick: boolean;
  out: Narrator;
  signal: AbortSignal;
}

export interface BenchCase {
  name: string;
  /** One measured run. */
  run: () => unknown | Promise<unknown>;
  /**
   * Fewer measured runs than the bench's `repetitions`, for a case so slow that a few runs tell
   * enough (when interleaved: it sits out the later rounds).
   */
  repetitions?: number;
}

/** A claim about a ratio, e.g. "the pool is at least 20x cheaper per task". */
export interface RatioClaim {
  atLeast?: number;
  atMost?: number;
  /** The sentence the claim stands for, printed beside the verdict. */
  text: string;
}

export interface RatioSpec {
  value: number;
  claim?: RatioClaim;
  /** How the ratio was formed, e.g. "fork-per-task / pool, per task". */
  description?: string;
}

export interface Bench {
  /** File-name safe; results go to `bench-results/<name>.json`. */
  name: string;
  title: string;
  /** The case every other is compared with. */
  baseline: string;
  warmup?: number;
  repetitions?: number;
  /**
   * Run the cases round-robin - every case once per round - instead of each case's runs back to
   * back. On a shared host the speed available drifts over a run (another tenant's load comes and
   * goes); interleaving spreads that drift over every case alike, so the ratios between cases stay
   * fair. Use it when the claim is a ratio between cases measured minutes apart.
   */
  interleave?: boolean;
  /** Sizes and parameters worth recording beside the timings. */
  sizes?: (ctx: BenchContext) => Record<string, number | string>;
  /** Set up and return the cases; return `dispose` to clean up servers and pools afterwards. */
  setup: (ctx: BenchContext) => Promise<{ cases: BenchCase[]; dispose?: () => Promise<void> | void }>;
  /** Named ratios from the median wall times (ms) by case name. */
  ratios?: (medians: Readonly<Record<string, number>>, ctx: BenchContext) => Record<string, RatioSpec>;
  /** Line charts for the report, e.g. speed-up vs workers with the ideal line. */
  charts?: (medians: Readonly<Record<string, number>>) => BenchLineChart[];
}

export interface BenchLineChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Array<{ name: string; points: Array<[number, number]>; dashed?: boolean }>;
}

/** Identity with a check: a bench file's default export. */
export function defineBench(bench: Bench): Bench {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(bench.name)) {
    throw new Error(`Bench name "${bench.name}" must be kebab-case (it becomes bench-results/<name>.json)`);
  }
  return bench;
}

/** The exit code of a bench file whose run finished but missed a claim it judged (`pnpm bench` counts it apart). */
export const MISSED_CLAIMS_EXIT = 3;
