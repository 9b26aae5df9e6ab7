import type { ByteRange } from './types';

/**
 * Cut `file` into at most `parts` contiguous byte ranges of about equal size, each holding whole
 * lines: every range starts at byte 0 or right after a "\n", and ends right after a "\n" or at the
 * end of the file. Read only a few bytes around each cut, never the whole file. No empty ranges:
 * a small file may give fewer than `parts`, an empty file gives `[]`.
 *
 * @example
 * splitRanges('/data/m.txt', 2); // [{ start: 0, end: 6_881_237 }, { start: 6_881_237, end: 13_762_210 }]
 */
export function splitRanges(file: string, parts: number): ByteRange[] {
  throw new Error(`Not implemented yet: splitRanges(${file}, ${parts})`);
}
