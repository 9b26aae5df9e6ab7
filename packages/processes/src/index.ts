import type { Lesson } from '@course/runtime';

/** The lessons of this package, in menu order. */
export const lessons: Lesson[] = [];

export { PoolClosedError, QueueFullError, TaskFailedError } from './process-pools/pool-errors';
export { ProcessPool, type ProcessPoolOptions } from './process-pools/process-pool';
export { serveTasks } from './process-pools/serve-tasks';
