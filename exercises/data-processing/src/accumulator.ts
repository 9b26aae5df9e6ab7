import type { ParseOptions, PartialResult } from './types';

/**
 * Collects min/max/sum/count per station from raw bytes, one whole line at a time.
 *
 * Keep temperatures as whole tenths (`-12.3` -> -123): integer sums are exact, so the mean has no
 * float drift. Working on bytes (not one string per line) is what makes it fast; a `Map<string, ...>`
 * is a fine first version.
 *
 * @example
 * const acc = new Accumulator({ mode: 'lenient' });
 * acc.addLines(Buffer.from('Oslo;-3.2\nOslo;4.0\n'));
 * acc.result(); // { stations: [{ name: 'Oslo', min: -32, max: 40, sum: 8, count: 2 }], rows: 2, lines: 2, ... }
 */
export class Accumulator {
  /** Strict mode, after the first bad row: the caller stops reading. */
  stopped = false;

  constructor(options: ParseOptions = {}) {
    throw new Error(`Not implemented yet: new Accumulator(${JSON.stringify(options)}) (Task 1)`);
  }

  /**
   * Aggregate the lines in `bytes[start, end)`. The range holds whole lines: each ends with "\n"
   * (or "\r\n"), except perhaps the last line of the file. Line numbers of bad rows count from 1
   * at the first line this accumulator ever saw (Task 4).
   */
  addLines(bytes: Uint8Array, start = 0, end = bytes.length): void {
    throw new Error(
      `Not implemented yet: Accumulator#addLines of ${end - start} bytes out of ${bytes.length} (Task 1)`,
    );
  }

  /** The figures so far (see `PartialResult` in types.ts). */
  result(): PartialResult {
    throw new Error('Not implemented yet: Accumulator#result (Task 1)');
  }
}
