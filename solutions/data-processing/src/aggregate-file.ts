import { statSync } from 'node:fs';
import { aggregateRange } from './read-range';
import { mergePartials } from './results';
import type { Aggregation, ParseOptions } from './types';

/**
 * Aggregate a whole measurements file on this thread: min/mean/max per station, sorted by name.
 * Strict mode (the default) throws a `BadRowError` at the first bad row; lenient mode counts them.
 *
 * @example
 * const result = aggregateFile('/data/m.txt');
 * formatAggregation(result); // '{Abha=-23.0/18.0/59.2, ...}'
 */
export function aggregateFile(file: string, options: ParseOptions = {}): Aggregation {
  const size = statSync(file).size;
  // The whole file is one range, read in fixed-size pieces (read-range.ts), so memory stays bounded.
  const partial = aggregateRange(file, { start: 0, end: size }, options);
  return mergePartials([partial], file, options.mode);
}
