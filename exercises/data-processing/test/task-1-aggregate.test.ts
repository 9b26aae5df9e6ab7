import { afterAll, describe, expect, it } from 'vitest';
import { aggregateFile } from '../src/aggregate-file';
import { formatAggregation } from '../src/results';
import { referenceAggregate } from './helpers/reference';
import { tempFiles } from './helpers/temp-files';

const files = tempFiles('task-1');
afterAll(() => files.cleanup());

/** Aggregate `lines` (joined with "\n", final newline included) and return the challenge's text form. */
function formatted(...lines: string[]): string {
  return formatAggregation(aggregateFile(files.write(`${lines.join('\n')}\n`)));
}

describe('Task 1: Aggregate one file on one thread', () => {
  it('prints min/mean/max per station, sorted by name, in the challenge format', () => {
    expect(
      formatted(
        'Hamburg;12.0',
        'Bulawayo;8.9',
        'Palembang;38.8',
        'Hamburg;34.2',
        "St. John's;15.2",
        'Bulawayo;-8.9',
      ),
    ).toBe(
      "{Bulawayo=-8.9/0.0/8.9, Hamburg=12.0/23.1/34.2, Palembang=38.8/38.8/38.8, St. John's=15.2/15.2/15.2}",
    );
  });

  it('returns the same figures as a structured result in °C, with counts', () => {
    const result = aggregateFile(files.write('Oslo;-3.2\nLima;19.0\nOslo;4.0\nOslo;-99.9\n'));
    expect(result.stations).toEqual([
      { name: 'Lima', min: 19, mean: 19, max: 19, count: 1 },
      { name: 'Oslo', min: -99.9, mean: -33, max: 4, count: 3 },
    ]);
    expect(result.rows).toBe(4);
    expect(result.lines).toBe(4);
    expect(result.badRows).toEqual({ count: 0, first: [] });
  });

  it('rounds the mean half-up (towards +infinity) from exact tenths, never from a drifting float', () => {
    // 0.1 and 4.6: the mean is exactly 2.35 -> 2.4. In floats (0.1 + 4.6) / 2 * 10 is 23.499999999999996 -> 2.3.
    expect(formatted('A;0.1', 'A;4.6')).toBe('{A=0.1/2.4/4.6}');
    // -99.9 and -99.2: exactly -99.55 -> -99.5. In floats -995.5000000000001 -> -99.6.
    expect(formatted('F;-99.9', 'F;-99.2')).toBe('{F=-99.9/-99.5/-99.2}');
    // -1.45 rounds towards +infinity: -1.4, not -1.5.
    expect(formatted('B;-1.4', 'B;-1.5')).toBe('{B=-1.5/-1.4/-1.4}');
    // -0.05 rounds to 0.0, printed without a minus sign.
    expect(formatted('C;-0.1', 'C;0.0')).toBe('{C=-0.1/0.0/0.0}');
    expect(aggregateFile(files.write('C;-0.1\nC;0.0\n')).stations[0]?.mean).toBe(0);
    // 0.1333... rounds down; 0.2666... rounds up.
    expect(formatted('D;0.1', 'D;0.1', 'D;0.2', 'E;0.2', 'E;0.3', 'E;0.3')).toBe(
      '{D=0.1/0.1/0.2, E=0.2/0.3/0.3}',
    );
  });

  it('sorts names by UTF-16 code units like the reference (not by locale), multi-byte names included', () => {
    const result = aggregateFile(
      files.write('Zürich;1.0\nŁódź;2.0\nAbéché;3.0\nÜrümqi;4.0\nAbha;5.0\nZagreb;6.0\n'),
    );
    expect(result.stations.map((s) => s.name)).toEqual([
      'Abha',
      'Abéché',
      'Zagreb',
      'Zürich',
      'Ürümqi',
      'Łódź',
    ]);
  });

  it('accepts CRLF line endings and a last line without a newline', () => {
    const result = aggregateFile(files.write('Oslo;1.0\r\nOslo;2.0\r\nLima;-3.5'));
    expect(formatAggregation(result)).toBe('{Lima=-3.5/-3.5/-3.5, Oslo=1.0/1.5/2.0}');
    expect(result.lines).toBe(3);
  });

  it('gives {} and no stations for an empty file', () => {
    const result = aggregateFile(files.write(''));
    expect(formatAggregation(result)).toBe('{}');
    expect(result.stations).toEqual([]);
    expect(result.rows).toBe(0);
  });

  it('matches an independent reference on 50 000 generated rows (seeded, multi-byte names)', () => {
    const { file, rows } = files.generate({ rows: 50_000, seed: 11 });
    const expected = referenceAggregate(file);
    const result = aggregateFile(file);
    expect(formatAggregation(result)).toBe(expected.formatted);
    expect(result.rows).toBe(rows);
    expect(result.stations.reduce((n, s) => n + s.count, 0)).toBe(rows);
  });

  it('keeps sums exact past the int32 range (2.2 million rows of 99.9 at one station)', () => {
    // 2.2 M x 999 tenths = 2.2e9 > 2^31 - 1: an int32 sum wraps around here, a double does not.
    const rows = 2_200_000;
    const file = files.write(Buffer.from(`${'Hot;99.9\n'.repeat(rows)}Cold;-99.9\n`));
    const result = aggregateFile(file);
    expect(formatAggregation(result)).toBe('{Cold=-99.9/-99.9/-99.9, Hot=99.9/99.9/99.9}');
    expect(result.rows).toBe(rows + 1);
  });
});
