import { paint, visibleLength } from './colour';

export interface Column<Row> {
  header: string;
  /** Text of a cell; may contain colour. */
  value: (row: Row) => string | number;
  /** Numbers read best right-aligned. Default: right for numbers, left otherwise. */
  align?: 'left' | 'right';
}

/**
 * Format rows as an aligned text table (header, rule, rows). Colour codes do not upset alignment.
 *
 * @example
 * formatTable([{ name: 'threads', ms: 12.5 }], [
 *   { header: 'runner', value: (r) => r.name },
 *   { header: 'ms', value: (r) => r.ms.toFixed(1) },
 * ]);
 */
export function formatTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const aligns = columns.map(
    (c, i) => c.align ?? (cells.every((r) => typeof r[i] === 'number') ? 'right' : 'left'),
  );
  const text = cells.map((r) => r.map((v) => String(v)));
  const widths = columns.map((c, i) =>
    Math.max(visibleLength(c.header), ...text.map((r) => visibleLength(r[i]!))),
  );
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - visibleLength(s));
    return aligns[i] === 'right' ? gap + s : s + gap;
  };
  const header = columns.map((c, i) => paint.heading(pad(c.header, i))).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [header, paint.dim(rule), ...text.map((r) => r.map(pad).join('  '))].join('\n');
}

/** Format a number with a fixed number of decimals and thousands separators. */
export function formatNumber(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return String(n);
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A ratio for a table: "3.42×". */
export function formatRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : '∞';
}

/** Milliseconds in the unit that reads best: "850 µs", "12.3 ms", "4.20 s". */
export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
