import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeXml, htmlPage, htmlTable } from '@course/runtime';
import type { LinearizabilityResult } from './check';
import type { Operation } from './history';

const LANE = 34;
const LEFT = 110;
const WIDTH = 900;
/** Most operations one page shows: the ones nearest to where the search got stuck. */
const MAX_SHOWN = 60;

/** How an operation reads on the timeline, e.g. `pop() → 7`. */
export function describeOp(op: Operation): string {
  const input = op.input === undefined ? '' : JSON.stringify(op.input);
  return `${op.name}(${input}) → ${JSON.stringify(op.output)}`;
}

/**
 * A self-contained HTML page (inline SVG, no scripts) with one lane per thread and one bar per
 * operation from invoke to response: green = explained by the longest valid order found, red = the
 * operations that had to come next but could not, grey = the rest.
 *
 * @example
 * const html = timelineHtml(history, result, 'Counter history (seed 7)');
 */
export function timelineHtml(
  history: readonly Operation[],
  result: LinearizabilityResult,
  title: string,
): string {
  const prefix = result.ok ? result.order : result.longestPrefix;
  const stuck = new Set(result.ok ? [] : result.stuck);
  const explained = new Map(prefix.map((op, i) => [op, i + 1]));
  const { shown, from, to } = window(history, result.ok ? undefined : result.longestPrefix, [...stuck]);
  const lanes = [...new Set(shown.map((i) => String((history[i] as Operation).process)))].sort();
  const t0 = from;
  const t1 = to;
  // Clamped: an operation that was descheduled for 100 ms must not squash everything else to a dot.
  const x = (t: number) =>
    LEFT + ((Math.min(Math.max(t, t0), t1) - t0) / Math.max(t1 - t0, 1e-9)) * (WIDTH - LEFT - 10);
  const height = lanes.length * LANE + 40;

  const rows = lanes.map(
    (lane, i) =>
      `<text x="4" y="${i * LANE + 22}" font-size="12">thread ${escapeXml(lane)}</text>` +
      `<line x1="${LEFT}" x2="${WIDTH - 10}" y1="${i * LANE + 30}" y2="${i * LANE + 30}" stroke="#eee"/>`,
  );
  const bars = shown.map((i) => {
    const op = history[i] as Operation;
    const lane = lanes.indexOf(String(op.process));
    const colour = stuck.has(i) ? '#d62728' : explained.has(i) ? '#2ca02c' : '#999';
    const left = x(op.invoke);
    const w = Math.max(x(op.response) - left, 2);
    const order = explained.get(i);
    const label = `#${i} ${describeOp(op)}${order ? ` (step ${order})` : ''}`;
    return (
      `<g><title>${escapeXml(`${label}\ninvoke ${op.invoke.toFixed(4)} ms, response ${op.response.toFixed(4)} ms`)}</title>` +
      `<rect x="${left.toFixed(1)}" y="${lane * LANE + 8}" width="${w.toFixed(1)}" height="18" fill="${colour}" opacity="0.75"/>` +
      (w > 70
        ? `<text x="${(left + 2).toFixed(1)}" y="${lane * LANE + 21}" font-size="9">${escapeXml(describeOp(op))}</text>`
        : '') +
      '</g>'
    );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">${rows.join('')}${bars.join('')}<text x="${LEFT}" y="${height - 6}" font-size="11">${((t1 - t0) * 1000).toFixed(1)} µs shown</text></svg>`;

  const verdict = result.ok
    ? 'Linearizable: every response is explained by one order of the operations consistent with real time.'
    : `${result.reason === 'too-complex' ? 'No verdict (search budget exhausted)' : 'NOT linearizable'}: the longest valid order explains ${prefix.length} of ${history.length} operations, leaving the model at ${result.stateAfterPrefix}; then none of the operations that had to come next (red) fits.`;
  const table = htmlTable(
    ['#', 'thread', 'operation', 'invoke (µs)', 'response (µs)', 'status'],
    shown.map((i) => {
      const op = history[i] as Operation;
      return [
        i,
        String(op.process),
        describeOp(op),
        Number(((op.invoke - t0) * 1000).toFixed(3)),
        Number(((op.response - t0) * 1000).toFixed(3)),
        stuck.has(i) ? 'cannot be placed' : explained.has(i) ? `step ${explained.get(i)}` : '',
      ];
    }),
  );
  return htmlPage({
    title,
    intro: verdict,
    sections: [
      {
        heading: 'Timeline',
        html: svg,
        note: `${shown.length} of ${history.length} operations, around where the search got stuck. Hover a bar for its times.`,
      },
      { heading: 'Operations', html: table },
    ],
  });
}

/**
 * Write the timeline page and return its path (under `dir`, default `<tmp>/course-linearizability`).
 */
export function writeTimelineHtml(
  history: readonly Operation[],
  result: LinearizabilityResult,
  title: string,
  dir = join(tmpdir(), 'course-linearizability'),
): string {
  mkdirSync(dir, { recursive: true });
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const file = join(dir, `${slug || 'history'}-${process.pid}-${Date.now()}.html`);
  writeFileSync(file, timelineHtml(history, result, title));
  return file;
}

/**
 * The operations nearest in time to where the explanation breaks down: the invoke of the earliest
 * operation the longest valid order could not place. Without a failure: the first MAX_SHOWN.
 */
function window(
  history: readonly Operation[],
  prefix: readonly number[] | undefined,
  stuck: readonly number[],
): { shown: number[]; from: number; to: number } {
  const op = (i: number) => history[i] as Operation;
  const byTime = (list: number[]) => list.sort((a, b) => op(a).invoke - op(b).invoke);
  const placed = new Set(prefix ?? history.map((_, i) => i));
  const unplaced = history.map((_, i) => i).filter((i) => !placed.has(i));
  if (unplaced.length === 0) {
    const shown = byTime(history.map((_, i) => i)).slice(0, MAX_SHOWN);
    return {
      shown,
      from: Math.min(...shown.map((i) => op(i).invoke)),
      to: Math.max(...shown.map((i) => op(i).response)),
    };
  }
  const at = Math.min(...unplaced.map((i) => op(i).invoke));
  const distance = (i: number) =>
    op(i).invoke > at ? op(i).invoke - at : op(i).response < at ? at - op(i).response : 0;
  const nearest = history
    .map((_, i) => i)
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, MAX_SHOWN);
  const shown = byTime([
    ...new Set([...stuck.filter((i) => nearest.includes(i) || distance(i) === 0), ...nearest]),
  ]);
  const reach = Math.max(...nearest.map(distance), 0.001);
  return { shown, from: at - reach * 1.1, to: at + reach * 1.1 };
}
