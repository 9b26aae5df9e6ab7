export { AsyncBoundedQueue, type AsyncPopResult, type AsyncPushStatus } from './async-bounded-queue';
export { AsyncMutex } from './async-mutex';
export { AtomicCounter } from './atomic-counter';
export { Barrier } from './barrier';
export { Condition } from './condition';
export { CountdownLatch } from './countdown-latch';
export { Mutex } from './mutex';
export { type QueueStatus, RingQueue } from './ring-queue';
export { ReadWriteLock } from './rw-lock';
export { Semaphore } from './semaphore';
export {
  assertMayBlock,
  deadlineAfter,
  remaining,
  selfId,
  type WaitOutcome,
  waitAsyncUntil,
  waitBlocking,
} from './waiting';
