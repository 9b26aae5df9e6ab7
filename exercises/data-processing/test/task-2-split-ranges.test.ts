import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { splitRanges } from '../src/split-ranges';
import type { ByteRange } from '../src/types';
import { tempFiles } from './helpers/temp-files';

const files = tempFiles('task-2');
afterAll(() => files.cleanup());

/**
 * The contract, checked from the bytes: contiguous from 0 to the end, no empty range, every range
 * starts at a line start, and every range decodes to whole lines (no half of a UTF-8 letter).
 */
function expectLineAligned(file: string, ranges: ByteRange[], parts: number): void {
  const bytes = readFileSync(file);
  expect(ranges.length, 'number of ranges').toBeLessThanOrEqual(parts);
  let expectedStart = 0;
  for (const [i, r] of ranges.entries()) {
    expect(r.start, `range ${i} starts where range ${i - 1} ended`).toBe(expectedStart);
    expect(r.end, `range ${i} is not empty`).toBeGreaterThan(r.start);
    if (r.start > 0) expect(bytes[r.start - 1], `byte before range ${i} (at ${r.start}) is "\\n"`).toBe(0x0a);
    expect(bytes.subarray(r.start, r.end).toString('utf8'), `range ${i} decodes cleanly`).not.toContain(
      '\ufffd',
    );
    expectedStart = r.end;
  }
  expect(expectedStart, 'the ranges end at the end of the file').toBe(bytes.length);
}

describe('Task 2: Split the file into line-aligned byte ranges', () => {
  it('covers the file with contiguous ranges that start at line starts, for 1 to 8 parts', () => {
    const { file } = files.generate({ rows: 5_000, seed: 2 });
    for (let parts = 1; parts <= 8; parts++) {
      const ranges = splitRanges(file, parts);
      expect(ranges.length).toBe(parts);
      expectLineAligned(file, ranges, parts);
    }
  });

  it('never cuts a multi-byte station name: a cut that lands inside "Zürich" moves past its line', () => {
    // 9 + 12 bytes: cutting 2 ways at byte 10 lands between "Z" and the 2-byte "ü".
    const file = files.write('Abcd;1.0\nZürich;1.0\n');
    expectLineAligned(file, splitRanges(file, 2), 2);
    for (let parts = 2; parts <= 12; parts++) {
      const many = files.write('Zürich;1.0\nŁódź;-2.5\nĐà Nẵng;30.1\nAbéché;29.4\n'.repeat(5));
      expectLineAligned(many, splitRanges(many, parts), parts);
    }
  });

  it('keeps a last line without a final newline, in the last range, once', () => {
    const file = files.write('Oslo;1.0\nLima;2.0\nRiga;3.0');
    for (let parts = 1; parts <= 4; parts++) {
      const ranges = splitRanges(file, parts);
      expectLineAligned(file, ranges, parts);
      expect(ranges.at(-1)?.end).toBe(26);
    }
  });

  it('keeps "\\r\\n" pairs together in CRLF files', () => {
    const file = files.write('Oslo;1.0\r\nLima;2.0\r\nRiga;3.0\r\nBern;4.0\r\n');
    const bytes = readFileSync(file);
    for (let parts = 1; parts <= 4; parts++) {
      const ranges = splitRanges(file, parts);
      expectLineAligned(file, ranges, parts);
      for (const r of ranges) expect(bytes[r.end - 1] === 0x0a && bytes[r.end - 2] === 0x0d).toBe(true);
    }
  });

  it('returns no ranges for an empty file', () => {
    expect(splitRanges(files.write(''), 4)).toEqual([]);
  });

  it('returns fewer ranges than asked when there are fewer lines, and none empty', () => {
    const file = files.write('Oslo;1.0\nLima;2.0\n');
    const ranges = splitRanges(file, 8);
    expect(ranges.length).toBeLessThanOrEqual(2);
    expectLineAligned(file, ranges, 8);
  });

  it('moves a cut past a line far longer than a small read', () => {
    const file = files.write(`Oslo;1.0\n${'x'.repeat(20_000)}\nLima;2.0\n`);
    const ranges = splitRanges(file, 3);
    expectLineAligned(file, ranges, 3);
    expect(ranges.filter((r) => r.start <= 9 && r.end >= 20_010)).toHaveLength(1); // the long line, whole, once
  });
});
