import { describe, expect, it } from 'vitest';
import { barChartSvg, htmlPage, htmlTable, lineChartSvg } from '../src';

describe('barChartSvg', () => {
  const svg = barChartSvg({
    title: 'Speed-up <vs> sequential',
    valueLabel: '×',
    bars: [
      { label: 'threads', value: 1.9 },
      { label: 'async', value: 1 },
    ],
    reference: { value: 1, label: '1×' },
  });

  it('draw one bar per value, longer for larger values', () => {
    const widths = [...svg.matchAll(/class="bar"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]!).toBeGreaterThan(widths[1]!);
  });

  it('escape labels that come from data', () => {
    expect(svg).toContain('Speed-up &lt;vs&gt; sequential');
    expect(svg).not.toContain('<vs>');
  });

  it('refuse a negative value with the bar named', () => {
    expect(() => barChartSvg({ title: 't', valueLabel: 'v', bars: [{ label: 'bad', value: -2 }] })).toThrow(
      /"bad" has value -2/,
    );
  });
});

describe('lineChartSvg', () => {
  it('draw each series as a polyline, the ideal one dashed', () => {
    const svg = lineChartSvg({
      title: 'Speed-up vs workers',
      xLabel: 'workers',
      yLabel: 'speed-up',
      series: [
        {
          name: 'ideal',
          points: [
            [1, 1],
            [2, 2],
          ],
          dashed: true,
        },
        {
          name: 'measured',
          points: [
            [1, 1],
            [2, 1.8],
          ],
        },
      ],
    });
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toMatch(/data-series="ideal"[^>]*stroke-dasharray/);
  });

  it('refuse an empty chart or a non-finite point', () => {
    expect(() => lineChartSvg({ title: 't', xLabel: 'x', yLabel: 'y', series: [] })).toThrow(/no points/);
    expect(() =>
      lineChartSvg({
        title: 't',
        xLabel: 'x',
        yLabel: 'y',
        series: [{ name: 's', points: [[1, Number.NaN]] }],
      }),
    ).toThrow(/not finite/);
  });
});

describe('htmlPage', () => {
  it('produce one self-contained page: no scripts, no external resources', () => {
    const page = htmlPage({ title: 'Report', sections: [{ heading: 'A', html: htmlTable(['x'], [[1]]) }] });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script|<link|src="http/);
    expect(page).toContain('<td class="num">1</td>');
  });
});
