import { escapeXml } from './escape';

export interface BarChartInput {
  title: string;
  /** Axis label for the values, e.g. "speed-up vs sequential (×)". */
  valueLabel: string;
  bars: ReadonlyArray<{ label: string; value: number }>;
  /** Draw a dashed reference line at this value (e.g. 1× = no gain). */
  reference?: { value: number; label: string };
}

/**
 * A self-contained horizontal bar chart as an SVG string: no scripts, no fonts to fetch, readable
 * offline and in any browser. Each bar carries `data-value` so a test can check what was drawn.
 */
export function barChartSvg({ title, valueLabel, bars, reference }: BarChartInput): string {
  for (const b of bars) {
    if (!Number.isFinite(b.value) || b.value < 0) {
      throw new Error(
        `barChartSvg("${title}"): bar "${b.label}" has value ${b.value}; expected a finite number >= 0`,
      );
    }
  }
  const rowH = 28;
  const labelW = 180;
  const plotW = 420;
  const top = 40;
  const width = labelW + plotW + 90;
  const height = top + bars.length * rowH + 50;
  const max = Math.max(1e-9, reference?.value ?? 0, ...bars.map((b) => b.value)) * 1.05;
  const x = (v: number) => labelW + (v / max) * plotW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" class="chart bar-chart">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-family="sans-serif" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    parts.push(
      `<text x="${labelW - 8}" y="${y + rowH / 2 + 4}" text-anchor="end" font-family="sans-serif" font-size="12">${escapeXml(b.label)}</text>`,
      `<rect class="bar" data-label="${escapeXml(b.label)}" data-value="${b.value}" x="${labelW}" y="${y + 4}" width="${Math.max(0, x(b.value) - labelW).toFixed(1)}" height="${rowH - 8}" fill="#3b82f6"/>`,
      `<text x="${(x(b.value) + 6).toFixed(1)}" y="${y + rowH / 2 + 4}" font-family="sans-serif" font-size="12">${Number(b.value.toFixed(2))}</text>`,
    );
  });
  const axisY = top + bars.length * rowH + 4;
  parts.push(`<line x1="${labelW}" y1="${top}" x2="${labelW}" y2="${axisY}" stroke="#333"/>`);
  if (reference) {
    const rx = x(reference.value).toFixed(1);
    parts.push(
      `<line class="reference" x1="${rx}" y1="${top}" x2="${rx}" y2="${axisY}" stroke="#dc2626" stroke-dasharray="4 3"/>`,
      `<text x="${rx}" y="${axisY + 14}" text-anchor="middle" font-family="sans-serif" font-size="11" fill="#dc2626">${escapeXml(reference.label)}</text>`,
    );
  }
  parts.push(
    `<text x="${labelW + plotW / 2}" y="${height - 8}" text-anchor="middle" font-family="sans-serif" font-size="12">${escapeXml(valueLabel)}</text>`,
    '</svg>',
  );
  return parts.join('\n');
}
