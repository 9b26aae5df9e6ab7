import { seededRandom } from '@course/test-support';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { aggregateFile } from '../src/aggregate-file';
import { aggregateParallel } from '../src/aggregate-parallel';
import { BadRowError } from '../src/bad-row-error';
import { formatAggregation } from '../src/results';
import { expectNothingLeftRunning } from './helpers/no-leftovers';
import { referenceAggregate } from './helpers/reference';
import { tempFiles } from './helpers/temp-files';

const files = tempFiles('task-4');
afterAll(() => files.cleanup());
afterEach(expectNothingLeftRunning);

function strictError(file: string): BadRowError {
  try {
    aggregateFile(file);
  } catch (err) {
    expect(err).toBeInstanceOf(BadRowError);
    return err as BadRowError;
  }
  throw new Error(`aggregateFile(${file}) accepted a bad row in strict mode`);
}

describe('Task 4: Report bad rows, never drop them silently', () => {
  it('names the file, the line number and the content of the first bad row in strict mode', () => {
    const file = files.write(
      'Oslo;1.0\nLima;2.0\nRiga;3.0\nHamburg12.0\nBern;4.0\nBern;x\n',
      'measurements.txt',
    );
    const err = strictError(file);
    expect(err.message).toContain(`${file}:4: bad row "Hamburg12.0"`);
    expect(err).toMatchObject({ file, line: 4, content: 'Hamburg12.0' });
  });

  it.each([
    ['a missing ";"', 'Hamburg12.0'],
    ['an empty station name', ';12.0'],
    ['a value that is not a number', 'Hamburg;abc'],
    ['a value above 99.9', 'Hamburg;100.0'],
    ['a value below -99.9', 'Hamburg;-100.0'],
    ['two decimals', 'Hamburg;12.34'],
    ['no decimal', 'Hamburg;12'],
    ['a lone minus sign', 'Hamburg;-'],
    ['trailing garbage', 'Hamburg;12.0x'],
    ['an empty line', ''],
  ])('rejects %s in strict mode (line 2: %j)', (_kind, line) => {
    const err = strictError(files.write(`Oslo;1.0\n${line}\nLima;2.0\n`));
    expect(err.line).toBe(2);
    expect(err.content).toBe(line);
    expect(err.reason.length, 'a reason that says what was expected').toBeGreaterThan(5);
  });

  it('counts bad rows in lenient mode and reports the first line numbers, as the generator wrote them', () => {
    const report = files.generate({ rows: 20_000, seed: 41, badRate: 0.02 });
    expect(report.badRows).toBeGreaterThan(100);
    const result = aggregateFile(report.file, { mode: 'lenient' });
    expect(result.badRows.count).toBe(report.badRows);
    expect(result.badRows.first.map((b) => b.line)).toEqual(report.firstBadLines);
    expect(result.rows).toBe(report.rows - report.badRows);
    expect(result.lines).toBe(report.rows);
    expect(formatAggregation(result)).toBe(referenceAggregate(report.file).formatted);
  });

  it("numbers lines over the whole file when the bad row is in a later worker's range", async () => {
    const good = 'Oslo;1.0\n'.repeat(999);
    const file = files.write(`${good}Lima;2.0\n${good}Riga;+3.0\n${good}`); // the bad row is line 2000
    const run = aggregateParallel(file, { workers: 3 });
    await expect(run).rejects.toBeInstanceOf(BadRowError);
    await expect(run).rejects.toMatchObject({ line: 2000, content: 'Riga;+3.0' });
  });

  it('reports the same count and line numbers with 3 workers as on one thread, in lenient mode', async () => {
    const report = files.generate({ rows: 30_000, seed: 42, badRate: 0.01 });
    const result = await aggregateParallel(report.file, { workers: 3, mode: 'lenient' });
    expect(result.badRows.count).toBe(report.badRows);
    expect(result.badRows.first.map((b) => b.line)).toEqual(report.firstBadLines);
    expect(formatAggregation(result)).toBe(referenceAggregate(report.file).formatted);
  });

  it.each([1, 2, 3, 4, 5])(
    'agrees with a simple reference on messy input (seed %i): odd names, every kind of bad row, CRLF',
    async (seed) => {
      const file = files.write(messyLines(seed, 4000));
      const expected = referenceAggregate(file);
      expect(expected.bad, 'the input mixes good and bad rows').toBeGreaterThan(100);
      for (const result of [
        aggregateFile(file, { mode: 'lenient' }),
        await aggregateParallel(file, { workers: 3, mode: 'lenient' }),
      ]) {
        expect(formatAggregation(result)).toBe(expected.formatted);
        expect({ rows: result.rows, bad: result.badRows.count, lines: result.lines }).toEqual({
          rows: expected.rows,
          bad: expected.bad,
          lines: expected.lines,
        });
      }
    },
  );
});

/**
 * `count` seeded lines built to trip a byte parser: names of 1 to 150 bytes, names that are prefixes
 * of others, multi-byte letters, a NUL or a "\r" inside a name; every kind of bad temperature; lines
 * without ";"; "\r\n" endings; sometimes no final newline. The reference decides which are bad.
 */
function messyLines(seed: number, count: number): string {
  const rnd = seededRandom(seed);
  const names = [
    'A',
    'Ab',
    'Abc',
    'Abcd',
    'Abcde',
    'Bar',
    'Bari',
    'Bari Sardo',
    'São Paulo',
    'Zürich',
    'İzmir',
    '東京',
    'x\0y',
    'A\0',
    'Tab\tCity',
    'Cr\rCity',
    'a'.repeat(150),
  ];
  const temps = ['0.0', '-0.0', '9.9', '-9.9', '12.3', '-45.6', '99.9', '-99.9'];
  const bad = [
    '',
    '-',
    '1',
    '1.',
    '.5',
    '1.55',
    '100.0',
    '-100.0',
    '+1.0',
    '1.0x',
    '1.0;2.0',
    ';1.0',
    ' 1.0',
    '1,0',
    '-.5',
    '--1.0',
    '1.0\r\r',
    'abc',
    '12.3.4',
    '١.٥',
  ];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const name = rnd.pick(names);
    const roll = rnd.int(100);
    let line: string;
    if (roll < 75)
      line = `${name};${rnd.next() < 0.5 ? rnd.pick(temps) : (rnd.int(1999) / 10 - 99.9).toFixed(1)}`;
    else if (roll < 90) line = `${name};${rnd.pick(bad)}`;
    else if (roll < 95)
      line = rnd.next() < 0.5 ? name : `${name}${rnd.pick(temps)}`; // no ";"
    else line = `;${rnd.pick(temps)}`; // no name
    out.push(line, rnd.int(10) === 0 ? '\r\n' : '\n');
  }
  if (seed % 2 === 0) out.pop(); // no final newline
  return out.join('');
}
