/** The shapes every part of the exercise passes around. Temperatures inside are whole tenths of a degree. */

/** `[start, end)` byte offsets of a file: whole lines only (see split-ranges.ts). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * What to do with a bad row (no ";", empty name, a temperature that is not `-99.9`..`99.9` with one
 * decimal): `strict` stops with a `BadRowError` naming the line; `lenient` skips it, counts it and
 * reports where the first ones were. Never silently dropped.
 */
export type BadRowMode = 'strict' | 'lenient';

export interface ParseOptions {
  /** Default `strict`. */
  mode?: BadRowMode;
}

/** One bad row, as found. `line` is 1-based; inside a partial result it counts from the range's start. */
export interface BadRow {
  line: number;
  /** The line as text (without its line ending), cut to 120 characters. */
  content: string;
  /** What was expected, e.g. `no ";" between station and temperature`. */
  reason: string;
}

/** One station's running figures, in whole tenths: exact integers, so no float drift. */
export interface StationTenths {
  name: string;
  min: number;
  max: number;
  sum: number;
  count: number;
}

/**
 * The figures of one range of the file, before merging. Small and structured-clone friendly: this is
 * what a worker posts back.
 */
export interface PartialResult {
  stations: StationTenths[];
  /** Good rows aggregated. */
  rows: number;
  /** Lines looked at (good + bad); the next range's line numbers start after these. */
  lines: number;
  /** Bad rows seen in this range. */
  badCount: number;
  /** The first few bad rows (at most 10), line numbers relative to this range. */
  badRows: BadRow[];
}

/** One station in the final answer, in °C rounded to one decimal (see README: the rounding rule). */
export interface StationSummary {
  name: string;
  min: number;
  mean: number;
  max: number;
  count: number;
}

export interface Aggregation {
  /** Sorted by name, in UTF-16 code unit order (what `<` on strings does; the 1BRC order too). */
  stations: StationSummary[];
  /** Good rows aggregated. */
  rows: number;
  /** Lines in the input, bad ones included. */
  lines: number;
  /** Lenient mode: how many bad rows were skipped, and the first ten with absolute line numbers. */
  badRows: { count: number; first: BadRow[] };
}

/** What one worker did: its range, its thread, and when it was busy (for the parallelism proof). */
export interface ChunkReport {
  range: ByteRange;
  threadId: number;
  rows: number;
  /** Milliseconds on a clock shared by all threads (`performance.timeOrigin + performance.now()`). */
  busy: { who: number; start: number; end: number };
}

export interface ParallelAggregation extends Aggregation {
  chunks: ChunkReport[];
}

export interface ParallelOptions extends ParseOptions {
  /** Worker threads to use (default 2). */
  workers?: number;
  /** Aborting terminates every worker and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Budget for each worker; default 120 s. */
  timeoutMs?: number;
  /** Called once every worker has been started (tests use it to abort mid-run without sleeping). */
  onWorkersStarted?: () => void;
}

/** What `aggregateParallel` sends each worker as `workerData`. */
export interface RangeTask {
  file: string;
  range: ByteRange;
  options: ParseOptions;
}

/** What a worker posts back: its partial figures, who it was, and when it was busy. */
export interface RangeMessage {
  partial: PartialResult;
  threadId: number;
  busy: { who: number; start: number; end: number };
}
