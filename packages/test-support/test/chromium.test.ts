import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { barChartSvg, htmlPage, lineChartSvg } from '@course/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissingReason, withPage } from '../src/chromium';

const missing = chromiumMissingReason();
if (missing) console.warn(`\n[SKIPPED] chart rendering tests: ${missing}\n`);

describe.skipIf(missing)('charts written by the runtime, opened in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'course-chart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'report.html');
  writeFileSync(
    file,
    htmlPage({
      title: 'Chart check',
      sections: [
        {
          heading: 'Bars',
          html: barChartSvg({
            title: 'speed-up',
            valueLabel: '×',
            bars: [
              { label: 'threads', value: 1.9 },
              { label: 'sequential', value: 1 },
            ],
          }),
        },
        {
          heading: 'Lines',
          html: lineChartSvg({
            title: 'speed-up vs workers',
            xLabel: 'workers',
            yLabel: '×',
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
                  [2, 1.7],
                ],
              },
            ],
          }),
        },
      ],
    }),
  );

  it('lay out every bar with a visible size proportional to its value', async () => {
    const boxes = await withPage(file, (page) =>
      page
        .locator('rect.bar')
        .evaluateAll((els) =>
          els.map((e) => (e as unknown as { getBBox(): { width: number } }).getBBox().width),
        ),
    );
    expect(boxes).toHaveLength(2);
    expect(boxes[0]!).toBeGreaterThan(0);
    expect(boxes[0]! / boxes[1]!).toBeCloseTo(1.9, 1);
  });

  it('draw both line series with a non-empty length and show the title', async () => {
    const { lengths, title } = await withPage(file, async (page) => ({
      lengths: await page
        .locator('polyline.series')
        .evaluateAll((els) =>
          els.map((e) => (e as unknown as { getTotalLength(): number }).getTotalLength()),
        ),
      title: await page.title(),
    }));
    expect(lengths).toHaveLength(2);
    for (const l of lengths) expect(l).toBeGreaterThan(10);
    expect(title).toBe('Chart check');
  });
});
