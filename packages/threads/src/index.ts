import type { Lesson } from '@course/runtime';
import { lesson as basicThreads } from './basic-threads';
import { lesson as communication } from './communication';
import { lesson as memoryModel } from './memory-model';
import { lesson as producerConsumer } from './producer-consumer';
import { lesson as synchronization } from './synchronization';
import { lesson as workerPool } from './worker-pool';

export { serveTasks } from './worker-pool/serve-tasks';
export { COUNT_PRIMES_WORKER, ECHO_ONCE_WORKER, ECHO_WORKER } from './worker-pool/task-workers';
export { ThreadPool, type ThreadPoolOptions } from './worker-pool/thread-pool';

/** The lessons of this package, in menu order. */
export const lessons: Lesson[] = [
  basicThreads,
  synchronization,
  communication,
  producerConsumer,
  memoryModel,
  workerPool,
];
