import type { Lesson } from '@course/runtime';
import { lesson as basicProcesses } from './basic-processes';
import { lesson as processPools } from './process-pools';
import { lesson as sharedMemory } from './shared-memory';

/** The lessons of this package, in menu order. */
export const lessons: Lesson[] = [basicProcesses, sharedMemory, processPools];

export { PoolClosedError, QueueFullError, TaskFailedError } from './process-pools/pool-errors';
export { asCompleted, mapInOrder } from './process-pools/pool-results';
export { ProcessPool, type ProcessPoolOptions } from './process-pools/process-pool';
export { serveTasks } from './process-pools/serve-tasks';
