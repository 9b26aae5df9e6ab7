import { describe, expect, it } from 'vitest';
import {
  colourEnabled,
  formatBars,
  formatMs,
  formatNumber,
  formatRatio,
  formatTable,
  paint,
  stripAnsi,
  visibleLength,
} from '../src';

describe('colourEnabled', () => {
  it('colour only a TTY by default, never a pipe', () => {
    expect(colourEnabled({ isTTY: true }, {})).toBe(true);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
  });

  it('honour NO_COLOR even on a TTY, and FORCE_COLOR even on a pipe', () => {
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(false);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});

describe('formatTable', () => {
  const rows = [
    { name: 'sequential', ms: 4000 },
    { name: 'async', ms: 210.5 },
  ];
  const table = formatTable(rows, [
    { header: 'runner', value: (r) => r.name },
    { header: 'ms', value: (r) => r.ms },
  ]);

  it('align every column: all lines have the same printed width', () => {
    const widths = stripAnsi(table)
      .split('\n')
      .map((l) => l.length);
    expect(new Set(widths).size).toBe(1);
  });

  it('right-align numbers and left-align text', () => {
    const lines = stripAnsi(table).split('\n');
    expect(lines[2]).toMatch(/^sequential {3}4000$/);
    expect(lines[3]).toMatch(/^async {7}210\.5$/);
  });

  it('ignore colour codes when measuring widths', () => {
    expect(visibleLength(`\u001b[32m${'ok'}\u001b[39m`)).toBe(2);
    expect(visibleLength(paint.ok('ok'))).toBe(2);
  });
});

describe('number formats', () => {
  it('pick the unit that reads best for a duration', () => {
    expect(formatMs(0.25)).toBe('250 µs');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(4200)).toBe('4.20 s');
  });

  it('write ratios with a times sign and numbers with separators', () => {
    expect(formatRatio(3.419)).toBe('3.42×');
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(1234567.891, 1)).toBe('1,234,567.9');
  });
});

describe('formatBars', () => {
  it('scale bars to the largest value and keep a sliver for small non-zero values', () => {
    const lines = stripAnsi(
      formatBars(
        [
          { label: 'big', value: 100 },
          { label: 'tiny', value: 0.1 },
          { label: 'zero', value: 0 },
        ],
        { width: 10 },
      ),
    ).split('\n');
    expect(lines[0]).toContain('█'.repeat(10));
    expect(lines[1]).toMatch(/tiny {2}▌/);
    expect(lines[2]).not.toMatch(/[█▌]/);
  });

  it('reject negative or non-finite values instead of drawing nonsense', () => {
    expect(() => formatBars([{ label: 'x', value: -1 }])).toThrow(/finite values >= 0/);
  });
});
