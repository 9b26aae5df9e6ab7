import type { BadRow } from './types';

/**
 * Thrown in strict mode for the first bad row of a file. The message names the file, the line
 * number (1-based, counted over the whole file) and the content, so the reader can open the file at
 * that line.
 *
 * Provided: you do not need to change this file.
 *
 * @example
 * throw new BadRowError('/data/m.txt', { line: 4, content: 'Hamburg12.0', reason: 'no ";" ...' });
 * // Error: /data/m.txt:4: bad row "Hamburg12.0": no ";" ...
 */
export class BadRowError extends Error {
  override name = 'BadRowError';
  readonly line: number;
  readonly content: string;
  readonly reason: string;

  constructor(
    readonly file: string,
    row: BadRow,
  ) {
    super(`${file}:${row.line}: bad row ${JSON.stringify(row.content)}: ${row.reason}`);
    this.line = row.line;
    this.content = row.content;
    this.reason = row.reason;
  }
}
