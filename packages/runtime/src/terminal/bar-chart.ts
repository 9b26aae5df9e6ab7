import { paint, visibleLength } from './colour';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar instead of the bare value, e.g. "3.1×". */
  note?: string;
}

/**
 * Horizontal bars scaled to the largest value: quick to read in a terminal.
 *
 * @example
 * console.log(formatBars([{ label: 'sequential', value: 4000 }, { label: 'async', value: 210 }], { unit: 'ms' }));
 */
export function formatBars(bars: readonly Bar[], { width = 40, unit = '' } = {}): string {
  if (bars.some((b) => !Number.isFinite(b.value) || b.value < 0)) {
    throw new Error(`formatBars expects finite values >= 0, got ${bars.map((b) => b.value).join(', ')}`);
  }
  const max = Math.max(0, ...bars.map((b) => b.value));
  const labelWidth = Math.max(0, ...bars.map((b) => visibleLength(b.label)));
  return bars
    .map((b) => {
      const cells = max === 0 ? 0 : (b.value / max) * width;
      const whole = Math.floor(cells);
      // A value above zero always gets at least a sliver, so it is not mistaken for zero.
      const bar = '█'.repeat(whole) + (cells - whole >= 0.5 || (whole === 0 && b.value > 0) ? '▌' : '');
      const label = b.label + ' '.repeat(labelWidth - visibleLength(b.label));
      const note = b.note ?? `${Number(b.value.toFixed(2))}${unit ? ` ${unit}` : ''}`;
      return `${label}  ${paint.ok(bar)} ${paint.dim(note)}`;
    })
    .join('\n');
}
