import { closeSync, openSync, readSync } from 'node:fs';
import { Accumulator } from './accumulator';
import type { ByteRange, ParseOptions, PartialResult } from './types';

/** Bytes read per `readSync`: big enough that the call overhead vanishes, small enough to stay in cache. */
export const READ_BYTES = 1 << 20;

/**
 * Aggregate the lines in `range` of `file`, streaming: the range is read in fixed-size pieces into
 * ONE reused buffer, so memory stays at about `READ_BYTES` whatever the size of the file.
 *
 * Hazard closed: a piece almost never ends on a line boundary. The cut-off tail of the last line
 * (possibly half of a multi-byte letter) is moved to the front of the buffer and completed by the
 * next read, so no line is lost, split or counted twice.
 *
 * @example
 * const partial = aggregateRange('/data/m.txt', { start: 0, end: 1_000_000 }, { mode: 'lenient' });
 */
export function aggregateRange(file: string, range: ByteRange, options: ParseOptions = {}): PartialResult {
  const acc = new Accumulator(options);
  const fd = openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(Math.min(READ_BYTES, Math.max(range.end - range.start, 1)));
    let carry = 0; // bytes of an unfinished line at the front of `buf`
    let pos = range.start;
    while (pos < range.end && !acc.stopped) {
      const n = readSync(fd, buf, carry, Math.min(buf.length - carry, range.end - pos), pos);
      if (n === 0)
        throw new Error(`${file}: ended at byte ${pos}, expected ${range.end} bytes (did it shrink?)`);
      pos += n;
      const filled = carry + n;
      // Whole lines end at the last "\n"; at the end of the range everything left is whole.
      const whole = pos >= range.end ? filled : buf.lastIndexOf(0x0a, filled - 1) + 1;
      if (whole === 0) {
        // One line longer than the buffer (only a bad row can be): grow for it, never drop it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
        carry = filled;
        continue;
      }
      acc.addLines(buf, 0, whole);
      carry = filled - whole;
      buf.copy(buf, 0, whole, filled);
    }
  } finally {
    closeSync(fd);
  }
  return acc.result();
}
