import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteRange } from './types';

const PROBE_BYTES = 4096;

/**
 * Cut `file` into at most `parts` contiguous byte ranges of about equal size, each holding whole
 * lines: every range starts at byte 0 or right after a "\n", and ends right after a "\n" or at the
 * end of the file. Only a few bytes around each cut are read, never the whole file.
 *
 * Hazard closed: cutting at `size * k / parts` would split a line (or a 2-3 byte UTF-8 letter) in
 * two, and two workers would each see half of it. Moving each cut forward to just after the next
 * "\n" gives every line to exactly one range. "\r\n" needs nothing more: the "\r" stays with its line.
 * Empty ranges are dropped, so a small file may give fewer ranges than `parts`; an empty file gives none.
 *
 * @example
 * splitRanges('/data/m.txt', 2); // [{ start: 0, end: 6_881_237 }, { start: 6_881_237, end: 13_762_210 }]
 */
export function splitRanges(file: string, parts: number): ByteRange[] {
  if (!Number.isInteger(parts) || parts < 1)
    throw new Error(`parts must be a whole number >= 1, got ${parts}`);
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const ranges: ByteRange[] = [];
    const probe = Buffer.allocUnsafe(PROBE_BYTES);
    let start = 0;
    for (let k = 1; k < parts && start < size; k++) {
      const target = Math.floor((size * k) / parts);
      // Search from the byte BEFORE the target: if it is "\n", the target already starts a line.
      const end = target <= start ? start : afterNextNewline(fd, probe, target - 1, size);
      if (end > start) {
        ranges.push({ start, end });
        start = end;
      }
    }
    if (start < size) ranges.push({ start, end: size });
    return ranges;
  } finally {
    closeSync(fd);
  }
}

/** The offset just after the first "\n" at or after `from`, or `size` when there is none. */
function afterNextNewline(fd: number, probe: Buffer, from: number, size: number): number {
  let pos = from;
  while (pos < size) {
    const n = readSync(fd, probe, 0, Math.min(probe.length, size - pos), pos);
    if (n === 0) break;
    const at = probe.subarray(0, n).indexOf(0x0a);
    if (at >= 0) return pos + at + 1;
    pos += n;
  }
  return size;
}
