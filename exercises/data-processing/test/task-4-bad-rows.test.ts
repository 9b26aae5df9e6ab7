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
});
