import type { SerializedError } from './protocol';

/**
 * A task's own function threw inside the child. The child is fine and keeps serving; the error's
 * name, message and the child's stack come back so the learner sees where it was thrown.
 */
export class TaskFailedError extends Error {
  override name = 'TaskFailedError';
  constructor(
    readonly remote: SerializedError,
    readonly childPid: number,
  ) {
    super(`${remote.name}: ${remote.message} (thrown by the task in child ${childPid})`);
    if (remote.stack)
      this.stack = `${this.name}: ${this.message}\n  --- the child's stack ---\n${remote.stack}`;
  }
}

/** `run()` after `close()`: the pool no longer accepts work (tasks queued before close still finish). */
export class PoolClosedError extends Error {
  override name = 'PoolClosedError';
}

/** The bounded queue is full: back-pressure instead of unbounded memory growth. */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
}
