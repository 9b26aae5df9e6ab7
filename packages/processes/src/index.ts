import type { Lesson } from '@course/runtime';
import { lesson as basicProcesses } from './basic-processes';

/** The lessons of this package, in menu order. */
export const lessons: Lesson[] = [basicProcesses];

export { PoolClosedError, QueueFullError, TaskFailedError } from './process-pools/pool-errors';
export { ProcessPool, type ProcessPoolOptions } from './process-pools/process-pool';
export { serveTasks } from './process-pools/serve-tasks';
