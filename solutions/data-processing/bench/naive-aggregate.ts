import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The version most of us write first: `readline` for lines, `split(';')`, `parseFloat`, a Map of
 * float figures. Correct for good input, and the yardstick the byte-level solution is measured
 * against: every line becomes a string, every value a float parse.
 */
export async function naiveAggregate(file: string): Promise<number> {
  const stations = new Map<string, { min: number; max: number; sum: number; count: number }>();
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const [name, value] = line.split(';');
    const t = Number.parseFloat(value ?? '');
    if (!name || Number.isNaN(t)) continue;
    const s = stations.get(name);
    if (!s) stations.set(name, { min: t, max: t, sum: t, count: 1 });
    else {
      if (t < s.min) s.min = t;
      if (t > s.max) s.max = t;
      s.sum += t;
      s.count++;
    }
  }
  return stations.size;
}
