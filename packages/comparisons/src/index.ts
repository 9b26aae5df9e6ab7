import type { Lesson } from '@course/runtime';
import { lesson as cpuBound } from './cpu-bound';
import { lesson as ioBound } from './io-bound';

export { type CpuComparison, compareCpuBound, speedUp } from './cpu-bound/compare';
export { type CpuCheck, cpuCheck } from './cpu-bound/cpu-check';
export { compareIoBound, type IoComparison } from './io-bound/compare';

/** The lessons of this package, in menu order. */
export const lessons: Lesson[] = [ioBound, cpuBound];
