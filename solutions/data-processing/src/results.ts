import { BadRowError } from './bad-row-error';
import type { Aggregation, BadRow, BadRowMode, PartialResult, StationSummary } from './types';

/**
 * Merge the partial results of consecutive ranges (in file order) into the final answer.
 *
 * Line numbers: a partial counts lines from its own range's start, so the lines of every range
 * before it are added to make them absolute. In strict mode the earliest bad row is thrown as a
 * `BadRowError` naming `file`; in lenient mode bad rows are counted and the first ten kept.
 *
 * The rounding rule (the 1BRC reference's `Math.round(x * 10) / 10`: half-up, towards +infinity),
 * applied to exact integers: the mean in tenths is `floor((2 * sum + count) / (2 * count))`, i.e.
 * `sum / count` rounded half-up, with no float in between to drift (0.1 and 4.6 average to exactly
 * 2.35 -> 2.4, where `(0.1 + 4.6) / 2 * 10` is 23.499999999999996 in doubles and rounds to 2.3).
 *
 * @example
 * mergePartials([partialA, partialB], '/data/m.txt', 'strict').stations[0]; // { name: 'Abha', min: -23, mean: 18, max: 59.2, count: 812 }
 */
export function mergePartials(
  partials: readonly PartialResult[],
  file: string,
  mode: BadRowMode = 'strict',
): Aggregation {
  const merged = new Map<string, { min: number; max: number; sum: number; count: number }>();
  let rows = 0;
  let lines = 0;
  let badCount = 0;
  const first: BadRow[] = [];
  for (const p of partials) {
    for (const row of p.badRows) {
      const absolute = { ...row, line: lines + row.line }; // <- local line number + lines of earlier ranges
      if (mode === 'strict') throw new BadRowError(file, absolute);
      if (first.length < 10) first.push(absolute);
    }
    for (const s of p.stations) {
      const m = merged.get(s.name);
      if (!m) merged.set(s.name, { min: s.min, max: s.max, sum: s.sum, count: s.count });
      else {
        m.min = Math.min(m.min, s.min);
        m.max = Math.max(m.max, s.max);
        m.sum += s.sum;
        m.count += s.count;
      }
    }
    rows += p.rows;
    lines += p.lines;
    badCount += p.badCount;
  }
  // UTF-16 code unit order, like Java's String#compareTo in the 1BRC reference (not localeCompare).
  const names = [...merged.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const stations: StationSummary[] = names.map((name) => {
    const m = merged.get(name)!;
    return { name, min: m.min / 10, mean: meanTenths(m.sum, m.count) / 10, max: m.max / 10, count: m.count };
  });
  return { stations, rows, lines, badRows: { count: badCount, first } };
}

/** `sum / count` rounded half-up (towards +infinity) to a whole number, exactly. */
function meanTenths(sum: number, count: number): number {
  // Both operands are exact integers below 2^53, and floor(a / b) of such integers is exact.
  return Math.floor((2 * sum + count) / (2 * count)) || 0; // `|| 0`: never print -0.0
}

/**
 * The answer in the challenge's text form: `{Abha=-23.0/18.0/59.2, Abidjan=-16.2/26.0/67.3, ...}`.
 *
 * @example
 * formatAggregation(aggregateFile('/data/m.txt')); // '{Abha=-23.0/18.0/59.2, ...}'
 */
export function formatAggregation(aggregation: Aggregation): string {
  const parts = aggregation.stations.map(
    (s) => `${s.name}=${s.min.toFixed(1)}/${s.mean.toFixed(1)}/${s.max.toFixed(1)}`,
  );
  return `{${parts.join(', ')}}`;
}
