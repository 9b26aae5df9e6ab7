import { closeSync, openSync, writeSync } from 'node:fs';
import { seededRandom } from './prng';
import { STATIONS } from './stations';

export interface GenerateOptions {
  /** Lines to write, bad ones included. */
  rows: number;
  /** Same seed, same bytes. */
  seed: number;
  /** The file to (over)write. */
  out: string;
  /** Fraction of lines (0..1) replaced by a bad row: no ";", empty name, not a number, out of range... */
  badRate?: number;
  /** Line ending; default "\n". */
  eol?: '\n' | '\r\n';
  /** Whether the last line ends with `eol`; default true. */
  finalNewline?: boolean;
  /** Called now and then with the number of lines written so far (for a progress bar). */
  onProgress?: (linesWritten: number) => void;
}

export interface GenerateReport {
  file: string;
  /** Lines written, bad ones included. */
  rows: number;
  bytes: number;
  /** How many lines are bad rows, and the 1-based line numbers of the first ten. */
  badRows: number;
  firstBadLines: number[];
}

/** The kinds of bad row the generator injects; each one a rule of the format it breaks. */
const BAD_KINDS: ReadonlyArray<(name: string, tenths: number) => string> = [
  (name, t) => `${name}${formatTenths(t)}`, // no ";"
  (_name, t) => `;${formatTenths(t)}`, // empty station name
  (name) => `${name};n/a`, // not a number
  (name, t) => `${name};${t < 0 ? '-' : ''}1${formatTenths(Math.abs(t) % 1000).padStart(4, '0')}`, // out of range
  (name, t) => `${name};${formatTenths(t)}7`, // two decimals
];

const CHUNK = 1 << 20;

/**
 * Write a measurements file in the One Billion Row Challenge format, `<station>;<temperature>` per
 * line, deterministically from `seed`. Temperatures are drawn around each station's mean (normal,
 * sd 10 °C) and clamped to -99.9..99.9 with exactly one decimal. Memory stays at one 1 MiB buffer
 * whatever the size: lines are encoded into it and flushed with `writeSync`.
 *
 * @example
 * const report = generateMeasurements({ rows: 1_000, seed: 7, out: '/tmp/m.txt', badRate: 0.01 });
 * report.badRows; // how many bad lines were injected; report.firstBadLines names them
 */
export function generateMeasurements(options: GenerateOptions): GenerateReport {
  const { rows, seed, out, badRate = 0, eol = '\n', finalNewline = true, onProgress } = options;
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`rows must be a whole number >= 0, got ${rows}`);
  if (!(badRate >= 0 && badRate <= 1)) throw new Error(`badRate must be between 0 and 1, got ${badRate}`);
  const random = seededRandom(seed);
  const deviates = normalDeviates(random);
  const means = STATIONS.map((s) => Math.round(s.mean * 10));
  const names = STATIONS.map((s) => Buffer.from(s.name, 'utf8'));
  const eolBytes = Buffer.from(eol);
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(out, 'w');
  let used = 0;
  let bytes = 0;
  let badRows = 0;
  const firstBadLines: number[] = [];
  const flush = () => {
    writeSync(fd, buf, 0, used);
    bytes += used;
    used = 0;
  };
  try {
    for (let line = 1; line <= rows; line++) {
      const index = Math.floor(random() * STATIONS.length);
      // One normal deviate from a pre-drawn table: Box-Muller per row would cost more than the rest.
      const z = deviates[Math.floor(random() * DEVIATES)]!;
      const tenths = Math.max(-999, Math.min(999, means[index]! + z));
      if (used > CHUNK - 512) flush(); // room for the longest line (names are < 100 bytes)
      if (badRate > 0 && random() < badRate) {
        const kind = BAD_KINDS[Math.floor(random() * BAD_KINDS.length)]!;
        used += buf.write(kind(STATIONS[index]!.name, tenths), used, 'utf8');
        badRows++;
        if (firstBadLines.length < 10) firstBadLines.push(line);
      } else {
        // A byte loop, not Buffer#copy: for ~10 bytes a native call costs more than the copy.
        const name = names[index]!;
        for (let i = 0; i < name.length; i++) buf[used++] = name[i]!;
        buf[used++] = 0x3b; // ';'
        used = writeTenths(buf, used, tenths);
      }
      if (line < rows || finalNewline) for (let i = 0; i < eolBytes.length; i++) buf[used++] = eolBytes[i]!;
      if (onProgress && (line & 0xffff) === 0) onProgress(line);
    }
    flush();
  } finally {
    closeSync(fd);
  }
  onProgress?.(rows);
  return { file: out, rows, bytes, badRows, firstBadLines };
}

const DEVIATES = 1 << 16;

/** Normal draws (Box-Muller) with sd 10 °C, in whole tenths, from the seeded generator. */
function normalDeviates(random: () => number): Int32Array {
  const table = new Int32Array(DEVIATES);
  for (let i = 0; i < DEVIATES; i++) {
    const u = 1 - random(); // (0, 1]: log(0) would be -Infinity
    const v = random();
    table[i] = Math.round(100 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
  return table;
}

/** Encode whole tenths as ASCII `-12.3` without building a string (the hot path of a big file). */
function writeTenths(buf: Buffer, at: number, tenths: number): number {
  let pos = at;
  let t = tenths;
  if (t < 0) {
    buf[pos++] = 0x2d; // '-'
    t = -t;
  }
  const whole = Math.floor(t / 10);
  if (whole >= 10) buf[pos++] = 0x30 + Math.floor(whole / 10);
  buf[pos++] = 0x30 + (whole % 10);
  buf[pos++] = 0x2e; // '.'
  buf[pos++] = 0x30 + (t % 10);
  return pos;
}

function formatTenths(tenths: number): string {
  return (tenths / 10).toFixed(1);
}
