export { Accumulator } from './accumulator';
export { aggregateFile } from './aggregate-file';
export { aggregateParallel } from './aggregate-parallel';
export { BadRowError } from './bad-row-error';
export { aggregateRange, READ_BYTES } from './read-range';
export { formatAggregation, mergePartials } from './results';
export { splitRanges } from './split-ranges';
export type * from './types';
