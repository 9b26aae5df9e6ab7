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
  throw new Error(`Not implemented yet: aggregateFile(${file}, ${options.mode ?? 'strict'})`);
}
