import { readFileSync } from 'node:fs';

/**
 * An independent, deliberately simple aggregation to check answers against: strings and a regex,
 * whole tenths, and the mean rounded half-up by integer division (not the formula the solution uses).
 */
export function referenceAggregate(file: string): {
  formatted: string;
  rows: number;
  bad: number;
  lines: number;
} {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop(); // the final newline ends a line; it does not start one
  const stations = new Map<string, { min: number; max: number; sum: number; count: number }>();
  let rows = 0;
  let bad = 0;
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = /^([^;]+);(-?)(\d{1,2})\.(\d)$/.exec(line);
    if (!m) {
      bad++;
      continue;
    }
    const tenths = (m[2] ? -1 : 1) * (Number(m[3]) * 10 + Number(m[4]));
    const s = stations.get(m[1]!);
    if (!s) stations.set(m[1]!, { min: tenths, max: tenths, sum: tenths, count: 1 });
    else {
      s.min = Math.min(s.min, tenths);
      s.max = Math.max(s.max, tenths);
      s.sum += tenths;
      s.count++;
    }
    rows++;
  }
  const names = [...stations.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = names.map((name) => {
    const s = stations.get(name)!;
    const q = Math.floor(s.sum / s.count);
    const mean = 2 * (s.sum - q * s.count) >= s.count ? q + 1 : q; // half-up
    return `${name}=${tenthsText(s.min)}/${tenthsText(mean)}/${tenthsText(s.max)}`;
  });
  return { formatted: `{${parts.join(', ')}}`, rows, bad, lines: lines.length };
}

function tenthsText(t: number): string {
  const sign = t < 0 ? '-' : '';
  const a = Math.abs(t);
  return `${sign}${Math.floor(a / 10)}.${a % 10}`;
}
