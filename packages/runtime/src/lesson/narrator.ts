import { type Bar, formatBars } from '../terminal/bar-chart';
import { paint } from '../terminal/colour';
import { type Column, formatTable } from '../terminal/table';

/**
 * How a lesson talks: headings, prose, measured figures, tables and bars, all to one stream so
 * tests can capture exactly what a learner would read.
 */
export interface Narrator {
  heading(text: string): void;
  say(text: string): void;
  /** A measured figure, e.g. figure('worker start-up', '21.4 ms'). */
  figure(label: string, value: string): void;
  table<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): void;
  bars(bars: readonly Bar[], options?: { unit?: string; width?: number }): void;
  /** A takeaway, shown highlighted. */
  takeaway(text: string): void;
  warn(text: string): void;
}

export interface WritableText {
  write(chunk: string): unknown;
}

export function createNarrator(stream: WritableText = process.stdout): Narrator {
  const line = (s = '') => stream.write(`${s}\n`);
  return {
    heading: (text) => {
      line();
      line(paint.heading(`▸ ${text}`));
    },
    say: (text) => line(`  ${text}`),
    figure: (label, value) => line(`  ${label}: ${paint.figure(value)}`),
    table: (rows, columns) => {
      line();
      for (const l of formatTable(rows, columns).split('\n')) line(`  ${l}`);
      line();
    },
    bars: (bars, options) => {
      for (const l of formatBars(bars, options).split('\n')) line(`  ${l}`);
    },
    takeaway: (text) => line(paint.ok(`  ✔ ${text}`)),
    warn: (text) => line(paint.warn(`  ! ${text}`)),
  };
}

/** A narrator that keeps everything in memory, for tests: `text()` returns what was written. */
export function captureNarrator(): Narrator & { text(): string } {
  const chunks: string[] = [];
  const narrator = createNarrator({ write: (c: string) => chunks.push(c) });
  return Object.assign(narrator, { text: () => chunks.join('') });
}
