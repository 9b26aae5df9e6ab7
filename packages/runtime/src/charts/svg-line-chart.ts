import { escapeXml } from './escape';

export interface LineSeries {
  name: string;
  points: ReadonlyArray<readonly [x: number, y: number]>;
  /** Dashed, e.g. for the ideal line. */
  dashed?: boolean;
}

export interface LineChartInput {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
}

const COLOURS = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2'];

/**
 * A self-contained line chart (e.g. speed-up vs workers, with the ideal line dashed) as an SVG
 * string, with a legend. Each series is a `<polyline data-series=...>` so tests can find it.
 */
export function lineChartSvg({ title, xLabel, yLabel, series }: LineChartInput): string {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) throw new Error(`lineChartSvg("${title}"): no points to draw`);
  for (const [px, py] of all) {
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      throw new Error(`lineChartSvg("${title}"): point (${px}, ${py}) is not finite`);
    }
  }
  const width = 640;
  const height = 380;
  const m = { left: 60, right: 150, top: 40, bottom: 50 };
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs, xMin + 1);
  const yMax = Math.max(...ys, 1e-9) * 1.1;
  const px = (v: number) => m.left + ((v - xMin) / (xMax - xMin)) * (width - m.left - m.right);
  const py = (v: number) => height - m.bottom - (v / yMax) * (height - m.top - m.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" class="chart line-chart">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${(width - m.right + m.left) / 2}" y="22" text-anchor="middle" font-family="sans-serif" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    `<line x1="${m.left}" y1="${height - m.bottom}" x2="${width - m.right}" y2="${height - m.bottom}" stroke="#333"/>`,
    `<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${height - m.bottom}" stroke="#333"/>`,
  ];
  for (const xv of [...new Set(xs)].sort((a, b) => a - b)) {
    parts.push(
      `<text x="${px(xv).toFixed(1)}" y="${height - m.bottom + 16}" text-anchor="middle" font-family="sans-serif" font-size="11">${xv}</text>`,
    );
  }
  for (let i = 0; i <= 4; i++) {
    const yv = (yMax / 4) * i;
    parts.push(
      `<text x="${m.left - 6}" y="${(py(yv) + 4).toFixed(1)}" text-anchor="end" font-family="sans-serif" font-size="11">${Number(yv.toFixed(2))}</text>`,
    );
  }
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const pts = s.points.map(([a, b]) => `${px(a).toFixed(1)},${py(b).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline class="series" data-series="${escapeXml(s.name)}" points="${pts}" fill="none" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      ...s.points.map(
        ([a, b]) => `<circle cx="${px(a).toFixed(1)}" cy="${py(b).toFixed(1)}" r="3" fill="${colour}"/>`,
      ),
      `<line x1="${width - m.right + 12}" y1="${m.top + i * 20}" x2="${width - m.right + 32}" y2="${m.top + i * 20}" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${width - m.right + 38}" y="${m.top + i * 20 + 4}" font-family="sans-serif" font-size="12">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push(
    `<text x="${(width - m.right + m.left) / 2}" y="${height - 10}" text-anchor="middle" font-family="sans-serif" font-size="12">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(16 ${(height - m.bottom + m.top) / 2}) rotate(-90)" text-anchor="middle" font-family="sans-serif" font-size="12">${escapeXml(yLabel)}</text>`,
    '</svg>',
  );
  return parts.join('\n');
}
