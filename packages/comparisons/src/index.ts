import type { Lesson } from '@course/runtime';
import { lesson as cpuBound } from './cpu-bound';

export { type CpuComparison, compareCpuBound, speedUp } from './cpu-bound/compare';
export { cpuCheck, type CpuCheck } from './cpu-bound/cpu-check';

/** The lessons of this package, in menu order. */
export const lessons: Lesson[] = [cpuBound];
