import type { Aggregation, BadRowMode, PartialResult } from './types';

/**
 * Merge the partial results of consecutive ranges (in file order) into the final answer, sorted by
 * station name (plain `<` order on strings), in °C with the rounding rule of the README.
 *
 * Line numbers in a partial count from its own range's start: add the lines of the ranges before
 * it. Strict mode: throw a `BadRowError` (bad-row-error.ts) for the earliest bad row, naming `file`.
 * Lenient mode: count bad rows and keep the first ten (Task 4).
 *
 * @example
 * mergePartials([partialA, partialB], '/data/m.txt', 'strict').stations[0]; // { name: 'Abha', min: -23, mean: 18, max: 59.2, count: 812 }
 */
export function mergePartials(
  partials: readonly PartialResult[],
  file: string,
  mode: BadRowMode = 'strict',
): Aggregation {
  throw new Error(`Not implemented yet: mergePartials of ${partials.length} partial(s) of ${file} (${mode})`);
}

/**
 * The answer in the challenge's text form: `{Abha=-23.0/18.0/59.2, Abidjan=-16.2/26.0/67.3, ...}`.
 *
 * @example
 * formatAggregation(aggregateFile('/data/m.txt')); // '{Abha=-23.0/18.0/59.2, ...}'
 */
export function formatAggregation(aggregation: Aggregation): string {
  throw new Error(`Not implemented yet: formatAggregation of ${aggregation.stations.length} station(s)`);
}
