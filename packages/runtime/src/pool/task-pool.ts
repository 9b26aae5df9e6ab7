/**
 * The interface every pool in the course shares (thread pool, process pool, and the in-process
 * "sequential" runner), so the same pure task can be run by each and compared fairly.
 */
export interface RunOptions {
  /** Abort this task: it is taken off the queue, or its worker/child is stopped and replaced. */
  signal?: AbortSignal;
  /** Budget for this task; on overrun its worker/child is killed and replaced, the task rejects. */
  timeoutMs?: number;
}

export interface TaskPool<In, Out> {
  /** How many workers/children run tasks at once. */
  readonly size: number;
  /** Queue one task; resolves with its result or rejects with a clear error. Never hangs past its budget. */
  run(input: In, options?: RunOptions): Promise<Out>;
  /** Stop accepting tasks, finish (drain) the queued ones, then end every worker/child. Idempotent. */
  close(): Promise<void>;
}
