import type { BadRow, BadRowMode, ParseOptions, PartialResult, StationTenths } from './types';

const NEWLINE = 0x0a;
const CR = 0x0d;
const SEMICOLON = 0x3b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const MAX_BAD_ROWS_KEPT = 10;
// Table layout: STRIDE int32s per slot. W1 and W2 hold the first 8 bytes of "name;" (see prefixWord),
// so a name of up to 7 bytes is matched by two int compares, without a loop.
// 16 int32s = 64 bytes: the fields one row touches share a cache line, whatever the slot.
const STRIDE = 16;
const W1 = 0;
const KEY = 1;
const LEN = 2;
const MIN = 3;
const MAX = 4;
const COUNT = 5; // an int32: up to 2^31 - 1 rows per accumulator (one range), 2x the 1BRC's billion
const W2 = 6; // bytes 4..7 of "name;", only as many as it has (the rest masked off by MASK2)
const MASK2 = 7;
// The sum since the last flush into `sums`: an int32 add in the same cache line as min/max/count.
// |tenths| <= 999, so 2 M rows cannot overflow it; every FLUSH_EVERY rows it is moved into `sums`.
const SUM = 8;
const FLUSH_EVERY = 2_000_000;
const INITIAL_SLOTS = 1024;

/**
 * Collects min/max/sum/count per station from raw bytes, one whole line at a time.
 *
 * It works on bytes, not strings: decoding every line to a string, splitting it and calling
 * `parseFloat` costs more than all the rest (see the benchmark: the naive version is ~30x slower).
 * Stations live in an open-addressing table keyed by their bytes and found by the name's first four
 * bytes, read as one int32; a name is decoded to a string once, at the end. Temperatures are parsed
 * as whole tenths (`-12.3` -> -123), so sums are exact integers and the mean has no float drift.
 * What makes it fast is what it does NOT do per row: no string, no float parse, no separate scan
 * for the ";", no hash over every byte, no bounds check per byte on the common path.
 *
 * @example
 * const acc = new Accumulator({ mode: 'lenient' });
 * acc.addLines(Buffer.from('Oslo;-3.2\nOslo;4.0\n'));
 * acc.result(); // { stations: [{ name: 'Oslo', min: -32, max: 40, sum: 8, count: 2 }], rows: 2, lines: 2, ... }
 */
export class Accumulator {
  private readonly mode: BadRowMode;
  // The table, packed so one lookup touches one array: slot * STRIDE -> the name's prefix word
  // (see prefixWord), where its bytes are in `keys`, its length (0 = empty slot: a name is never
  // empty), min, max, count.
  private mask = INITIAL_SLOTS - 1;
  private table = new Int32Array(INITIAL_SLOTS * STRIDE);
  // The running sums, as doubles: 20 M rows x 999 overflows an int32; a double is exact up to 2^53.
  // The fast path adds into the table's int32 SUM and flushes here every FLUSH_EVERY rows.
  private sums = new Float64Array(INITIAL_SLOTS);
  // Starts small on purpose: the first call of `scan` then returns after a few rows, so V8 has seen
  // the loop's exit (the write-backs after it) before it optimises the loop. Otherwise the code it
  // compiles mid-loop lacks feedback for that exit and is thrown away ("deopt") at the end of calls.
  private untilFlush = 64;
  private keys = new Uint8Array(16 * 1024);
  private keysUsed = 0;
  /** The longest name in the table: the fast path needs that many bytes (and a line's rest) ahead. */
  private longest = 0;
  private used = 0;
  private rows = 0;
  private badCount = 0;
  private readonly badRows: BadRow[] = [];
  /** Strict mode, after the first bad row: the caller stops reading. */
  stopped = false;

  constructor(options: ParseOptions = {}) {
    this.mode = options.mode ?? 'strict';
  }

  /**
   * Aggregate the lines in `bytes[start, end)`. The range holds whole lines: each ends with "\n"
   * (or "\r\n"), except perhaps the last line of the file.
   *
   * Two paths. The fast one handles a line whose station is already in the table, whose
   * temperature is well formed, and which ends well before `end` (so no byte read needs a bounds
   * check). It never scans for the ";": it looks the name up by its first four bytes and lets the
   * byte comparison with the stored name find where the name ends. Everything else - a new
   * station, a bad row, a line near `end` - goes to `slowLine`, which checks every byte and
   * inserts new stations. Each line is parsed by exactly one of them.
   */
  addLines(bytes: Uint8Array, start = 0, end = bytes.length): void {
    let i = start;
    while (i < end && !this.stopped) {
      i = this.scan(bytes, i, end);
      // Out here, not in the hot loop: a call the loop has never made when V8 optimises it would
      // throw its optimised code away the first time it runs (a "deopt"), every 2 M rows.
      if (this.untilFlush === 0) {
        this.flushSums();
        this.untilFlush = FLUSH_EVERY;
      }
    }
  }

  /** The hot loop: lines from `start` until `end`, a stop, or FLUSH_EVERY fast rows. */
  private scan(bytes: Uint8Array, start: number, end: number): number {
    // The hot loop keeps its state in locals (written back around the slow path): V8 keeps them in
    // registers, where `this.x` would be a load and a store for every row.
    let { table, keys, mask, rows, longest, untilFlush } = this;
    let i = start;
    while (i < end && untilFlush > 0) {
      const s = i;
      let slot = -1;
      // The longest known name, ";", "-DD.D", "\r\n" all fit before `end`: no read below can overrun.
      if (s + longest + 8 < end) {
        const w = prefixWord(bytes, s);
        const v = bytes[s + 4]! | (bytes[s + 5]! << 8) | (bytes[s + 6]! << 16) | (bytes[s + 7]! << 24);
        slot = mix(w) & mask;
        for (;;) {
          const at = slot * STRIDE;
          const len = table[at + LEN]!;
          if (len === 0) {
            slot = -1; // not a known station (or not a station at all): the slow path decides
            break;
          }
          // The first 8 bytes of "name;" match (fewer if it is shorter): a name of up to 7 bytes
          // has matched, ";" included; a longer one compares the rest, then looks for its ";".
          if (table[at + W1] === w && (v & table[at + MASK2]!) === table[at + W2]) {
            if (len < 8) {
              i = s + len + 1;
              break;
            }
            const k = table[at + KEY]!;
            let j = 8;
            while (j < len && keys[k + j] === bytes[s + j]) j++;
            if (j >= len && bytes[s + len] === SEMICOLON) {
              i = s + len + 1;
              break;
            }
          }
          slot = (slot + 1) & mask;
        }
      }
      // The temperature: -?D?D.D exactly, as whole tenths, then the line's end. Reads need no bounds
      // check here (the guard above); anything unexpected goes to the slow path.
      let tenths = 0;
      if (slot >= 0) {
        const negative = bytes[i] === MINUS;
        if (negative) i++;
        const d0 = bytes[i]! - ZERO;
        if (bytes[i + 1] === DOT) {
          const d1 = bytes[i + 2]! - ZERO;
          if (d0 >>> 0 > 9 || d1 >>> 0 > 9) slot = -1; // `>>> 0` makes a negative difference huge
          tenths = d0 * 10 + d1;
          i += 3;
        } else if (bytes[i + 2] === DOT) {
          const d1 = bytes[i + 1]! - ZERO;
          const d2 = bytes[i + 3]! - ZERO;
          if (d0 >>> 0 > 9 || d1 >>> 0 > 9 || d2 >>> 0 > 9) slot = -1;
          tenths = d0 * 100 + d1 * 10 + d2;
          i += 4;
        } else slot = -1;
        if (negative) tenths = -tenths;
        if (bytes[i] === NEWLINE) i++;
        else if (bytes[i] === CR && bytes[i + 1] === NEWLINE) i += 2;
        else slot = -1;
      }
      if (slot < 0) {
        this.rows = rows;
        i = this.slowLine(bytes, s, end);
        ({ table, keys, mask, rows, longest } = this); // a new station may have grown them
        if (this.stopped) break;
        continue;
      }
      const at = slot * STRIDE;
      if (tenths < table[at + MIN]!) table[at + MIN] = tenths;
      if (tenths > table[at + MAX]!) table[at + MAX] = tenths;
      table[at + COUNT]!++;
      table[at + SUM]! += tenths;
      rows++;
      untilFlush--;
    }
    this.rows = rows;
    this.untilFlush = untilFlush;
    return i;
  }

  /**
   * One line, every byte checked: a good row is added (its station inserted if new), a bad one
   * counted (and in strict mode, `stopped`). Returns where the next line starts.
   */
  private slowLine(bytes: Uint8Array, lineStart: number, end: number): number {
    const line = this.rows + this.badCount + 1; // every line seen so far was a good row or a bad one
    let i = lineStart;
    while (i < end && bytes[i] !== SEMICOLON && bytes[i] !== NEWLINE) i++;
    if (i >= end || bytes[i] !== SEMICOLON)
      return this.bad(bytes, lineStart, end, line, 'no ";" between station and temperature');
    const nameEnd = i++;
    const len = nameEnd - lineStart;
    if (len === 0) return this.bad(bytes, lineStart, end, line, 'empty station name before ";"');
    // The temperature: -?D?D.D exactly, then the line's end ("\n", "\r\n" or the end of the data).
    const at = (k: number) => (k < end ? bytes[k]! : -1);
    const digit = (k: number) => (at(k) - ZERO) >>> 0; // > 9 for anything but a digit
    const negative = at(i) === MINUS;
    if (negative) i++;
    let tenths = -1;
    if (digit(i) <= 9 && at(i + 1) === DOT && digit(i + 2) <= 9) {
      tenths = digit(i) * 10 + digit(i + 2);
      i += 3;
    } else if (digit(i) <= 9 && digit(i + 1) <= 9 && at(i + 2) === DOT && digit(i + 3) <= 9) {
      tenths = digit(i) * 100 + digit(i + 1) * 10 + digit(i + 3);
      i += 4;
    }
    if (at(i) === CR && (i + 1 === end || at(i + 1) === NEWLINE)) i++;
    if (tenths >= 0 && (i === end || at(i) === NEWLINE)) {
      this.record(this.slotOf(bytes, lineStart, len) * STRIDE, negative ? -tenths : tenths);
      this.rows++;
      return i < end ? i + 1 : end;
    }
    const value = JSON.stringify(decode(bytes, nameEnd + 1, endOfLine(bytes, lineStart, end)));
    return this.bad(
      bytes,
      lineStart,
      end,
      line,
      `temperature ${value} is not a number from -99.9 to 99.9 with one decimal`,
    );
  }

  /** The slot of a well-formed name, inserted if new. */
  private slotOf(bytes: Uint8Array, from: number, len: number): number {
    const w = namePrefix(bytes, from, len);
    const { table, keys, mask } = this;
    let slot = mix(w) & mask;
    for (;;) {
      const at = slot * STRIDE;
      const l = table[at + LEN]!;
      if (l === 0) return this.insert(bytes, from, len, w, slot);
      if (table[at + W1] === w && l === len) {
        const k = table[at + KEY]!;
        let j = 0;
        while (j < len && keys[k + j] === bytes[from + j]) j++;
        if (j === len) return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private record(at: number, tenths: number): void {
    const table = this.table;
    if (tenths < table[at + MIN]!) table[at + MIN] = tenths;
    if (tenths > table[at + MAX]!) table[at + MAX] = tenths;
    table[at + COUNT]!++;
    this.sums[at / STRIDE]! += tenths;
  }

  /** Move every slot's int32 SUM into the double `sums`. */
  private flushSums(): void {
    const { table, sums } = this;
    for (let slot = 0; slot <= this.mask; slot++) {
      sums[slot]! += table[slot * STRIDE + SUM]!;
      table[slot * STRIDE + SUM] = 0;
    }
  }

  /** The figures so far, with names decoded once. */
  result(): PartialResult {
    this.flushSums();
    const stations: StationTenths[] = [];
    for (let slot = 0; slot <= this.mask; slot++) {
      const at = slot * STRIDE;
      const len = this.table[at + LEN]!;
      if (len === 0) continue;
      const key = this.table[at + KEY]!;
      stations.push({
        name: Buffer.from(this.keys.buffer, this.keys.byteOffset + key, len).toString('utf8'),
        min: this.table[at + MIN]!,
        max: this.table[at + MAX]!,
        sum: this.sums[slot]!,
        count: this.table[at + COUNT]!,
      });
    }
    return {
      stations,
      rows: this.rows,
      lines: this.rows + this.badCount,
      badCount: this.badCount,
      badRows: this.badRows.slice(),
    };
  }

  /** A new name in an empty slot; returns its slot (a different one if the table had to grow). */
  private insert(bytes: Uint8Array, from: number, len: number, w: number, slot: number): number {
    if (this.keysUsed + len > this.keys.length) {
      const bigger = new Uint8Array(Math.max(this.keys.length * 2, this.keysUsed + len));
      bigger.set(this.keys);
      this.keys = bigger;
    }
    this.keys.set(bytes.subarray(from, from + len), this.keysUsed);
    const { table } = this;
    const at = slot * STRIDE;
    table[at + W1] = w;
    table[at + KEY] = this.keysUsed;
    table[at + LEN] = len;
    table[at + MIN] = 1000;
    table[at + MAX] = -1000;
    table[at + COUNT] = 0;
    table[at + SUM] = 0;
    // Bytes 4..7 of "name;": as many as there are (none for a name of 3 bytes or fewer).
    const extra = Math.min(Math.max(len + 1 - 4, 0), 4);
    let w2 = 0;
    for (let j = 0; j < extra; j++) w2 |= (4 + j < len ? bytes[from + 4 + j]! : SEMICOLON) << (8 * j);
    table[at + W2] = w2;
    table[at + MASK2] = extra === 4 ? -1 : (1 << (8 * extra)) - 1;
    this.keysUsed += len;
    this.used++;
    if (len > this.longest) this.longest = len;
    // Keep the table at most a quarter full: probing chains stay short (most lookups hit the first slot).
    return this.used * 4 > this.mask ? this.grow(slot) : slot;
  }

  /** Double the table and re-place every name; return the new slot of the one in `oldSlot`. */
  private grow(oldSlot: number): number {
    const { table: old, sums: oldSums } = this;
    const slots = (this.mask + 1) * 2;
    this.mask = slots - 1;
    this.table = new Int32Array(slots * STRIDE);
    this.sums = new Float64Array(slots);
    let moved = -1;
    for (let s = 0; s * STRIDE < old.length; s++) {
      const at = s * STRIDE;
      if (old[at + LEN] === 0) continue;
      let t = mix(old[at + W1]!) & this.mask;
      while (this.table[t * STRIDE + LEN] !== 0) t = (t + 1) & this.mask;
      this.table.set(old.subarray(at, at + STRIDE), t * STRIDE);
      this.sums[t] = oldSums[s]!;
      if (s === oldSlot) moved = t;
    }
    return moved;
  }

  /** Count (and keep the first few of) a bad row; return where the next line starts. */
  private bad(bytes: Uint8Array, lineStart: number, end: number, line: number, reason: string): number {
    const lineEnd = endOfLine(bytes, lineStart, end);
    this.badCount++;
    if (this.badRows.length < MAX_BAD_ROWS_KEPT) {
      this.badRows.push({ line, content: decode(bytes, lineStart, lineEnd).slice(0, 120), reason });
    }
    if (this.mode === 'strict') this.stopped = true;
    return lineEnd < end ? lineEnd + 1 : end;
  }
}

/**
 * The first four bytes of "name;" starting at `from`, as one int32 - fewer if the ";" comes sooner
 * (it is included, so "A" and "A\0" differ). A name never holds a ";", so two names share this
 * word only if both are at least 4 bytes long and start alike. Reads 4 bytes: the caller makes
 * sure they exist.
 */
function prefixWord(bytes: Uint8Array, from: number): number {
  const b0 = bytes[from]!;
  const b1 = bytes[from + 1]!;
  if (b1 === SEMICOLON) return b0 | (SEMICOLON << 8);
  const b2 = bytes[from + 2]!;
  if (b2 === SEMICOLON) return b0 | (b1 << 8) | (SEMICOLON << 16);
  return b0 | (b1 << 8) | (b2 << 16) | (bytes[from + 3]! << 24);
}

/** `prefixWord` of a name whose length is known (it need not be followed by ";"). */
function namePrefix(bytes: Uint8Array, from: number, len: number): number {
  if (len >= 4)
    return bytes[from]! | (bytes[from + 1]! << 8) | (bytes[from + 2]! << 16) | (bytes[from + 3]! << 24);
  let w = SEMICOLON << (8 * len);
  for (let j = 0; j < len; j++) w |= bytes[from + j]! << (8 * j);
  return w;
}

/** Spread a prefix word over the table's low bits (one multiply, then fold the high bits down). */
function mix(w: number): number {
  const h = Math.imul(w, 0x9e3779b1);
  return h ^ (h >>> 16);
}

/** Index of the "\n" ending the line that starts at `from` (or `end`). */
function endOfLine(bytes: Uint8Array, from: number, end: number): number {
  let i = from;
  while (i < end && bytes[i] !== NEWLINE) i++;
  return i;
}

/** The bytes as text, without a trailing "\r". */
function decode(bytes: Uint8Array, from: number, to: number): string {
  const stop = to > from && bytes[to - 1] === CR ? to - 1 : to;
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, stop - from).toString('utf8');
}
