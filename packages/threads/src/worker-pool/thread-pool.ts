import { availableParallelism } from 'node:os';
import {
  abortError,
  type Deferred,
  deferred,
  type RunOptions,
  startWorker,
  type TaskPool,
  TimeoutError,
  WorkerExitError,
  type WorkerHandle,
} from '@course/runtime';
import type { ResultMessage, TaskMessage } from './serve-tasks';

export interface ThreadPoolOptions {
  /** How many workers run tasks at once. Default: `os.availableParallelism()`. */
  size?: number;
  /** Shown in error messages. Default: the worker file's name. */
  name?: string;
}

interface Job<In, Out> {
  id: number;
  input: In;
  result: Deferred<Out>;
  options: RunOptions;
  timer?: NodeJS.Timeout;
  onAbort?: () => void;
}

interface Slot<In, Out> {
  handle: WorkerHandle;
  job?: Job<In, Out>;
  /** Set when the pool itself ends this worker (timeout, abort, close): its exit is not a crash. */
  retired: boolean;
}

/**
 * A fixed-size pool of worker threads fed from one FIFO task queue: start-up is paid once per
 * worker, not once per task. The worker file calls `serveTasks(fn)`.
 *
 * Failure is contained per task: an error thrown by the task rejects that task only; a task over its
 * `timeoutMs` or whose `signal` aborts has its worker terminated and replaced (JavaScript cannot be
 * interrupted any other way); a worker that crashes rejects its task with the worker's own error and
 * is replaced. `close()` refuses new tasks, drains the queue, then terminates every worker.
 *
 * Warning: a task that runs a blocking loop cannot be cancelled cooperatively — only by killing its
 * worker, which is why timeouts and aborts cost a worker start.
 *
 * @example
 * const pool = new ThreadPool<[number, number], number>(COUNT_PRIMES_WORKER, { size: 2 });
 * const counts = await Promise.all(splitRange(0, 1e6, 8).map((r) => pool.run(r, { timeoutMs: 10_000 })));
 * await pool.close();
 */
export class ThreadPool<In, Out> implements TaskPool<In, Out> {
  readonly size: number;
  private readonly name: string;
  private readonly slots = new Set<Slot<In, Out>>();
  private readonly idle: Slot<In, Out>[] = [];
  private readonly queue: Job<In, Out>[] = [];
  private nextId = 1;
  private closing = false;
  private closed?: Promise<void>;
  private drained = deferred<void>();
  /** Crashes since the last completed task: a worker file that dies on start must not respawn forever. */
  private crashStreak = 0;

  constructor(
    readonly file: string,
    options: ThreadPoolOptions = {},
  ) {
    const size = options.size ?? availableParallelism();
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`ThreadPool size must be a whole number >= 1, got ${size}`);
    this.size = size;
    this.name = options.name ?? file.split(/[\\/]/).pop() ?? file;
    for (let i = 0; i < size; i++) this.spawn();
  }

  run(input: In, options: RunOptions = {}): Promise<Out> {
    if (this.closing)
      return Promise.reject(new Error(`ThreadPool(${this.name}) is closed: run() was called after close()`));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(`Task on ThreadPool(${this.name})`, signal.reason));
    const job: Job<In, Out> = { id: this.nextId++, input, result: deferred<Out>(), options };
    if (signal) {
      job.onAbort = () =>
        this.cancel(job, abortError(`Task ${job.id} on ThreadPool(${this.name})`, signal.reason));
      signal.addEventListener('abort', job.onAbort, { once: true });
    }
    this.queue.push(job);
    this.dispatch();
    return job.result.promise;
  }

  close(): Promise<void> {
    this.closing = true;
    this.closed ??= (async () => {
      this.checkDrained();
      await this.drained.promise;
      const all = [...this.slots];
      for (const s of all) s.retired = true;
      await Promise.all(all.map((s) => s.handle.terminate()));
      this.slots.clear();
      this.idle.length = 0;
    })();
    return this.closed;
  }

  private spawn(): void {
    const slot: Slot<In, Out> = { handle: startWorker(this.file, { name: this.name }), retired: false };
    slot.handle.worker.on('message', (msg: ResultMessage<Out>) => this.onResult(slot, msg));
    void slot.handle.exited.then((code) => this.onExit(slot, code));
    this.slots.add(slot);
    this.idle.push(slot);
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const slot = this.idle.pop()!; // LIFO: the most recently used worker is the warmest
      const job = this.queue.shift()!;
      slot.job = job;
      const { timeoutMs } = job.options;
      if (timeoutMs !== undefined) {
        job.timer = setTimeout(
          () =>
            this.cancel(
              job,
              new TimeoutError(
                `Task ${job.id} on ThreadPool(${this.name}) took longer than ${timeoutMs} ms; its worker was terminated and replaced`,
                timeoutMs,
              ),
            ),
          timeoutMs,
        );
      }
      const message: TaskMessage<In> = { id: job.id, input: job.input };
      slot.handle.worker.postMessage(message);
    }
  }

  private onResult(slot: Slot<In, Out>, msg: ResultMessage<Out>): void {
    const job = slot.job;
    if (!job || job.id !== msg.id) return; // a late answer from a task already timed out or aborted
    slot.job = undefined;
    this.crashStreak = 0;
    this.settle(job, () => (msg.ok ? job.result.resolve(msg.value) : job.result.reject(msg.error)));
    this.idle.push(slot);
    this.dispatch();
    this.checkDrained();
  }

  /** A worker ended. If the pool did not end it, it crashed: fail its task with the worker's error. */
  private onExit(slot: Slot<In, Out>, code: number): void {
    if (slot.retired) return;
    this.forget(slot);
    const error =
      slot.handle.error() ??
      new WorkerExitError(
        `A worker of ThreadPool(${this.name}) exited with code ${code} while running a task`,
        code,
      );
    if (slot.job) this.settle(slot.job, () => slot.job!.result.reject(error));
    if (++this.crashStreak > 2 * this.size + 2) {
      // Hazard: a worker file that throws at start-up would otherwise respawn in a tight loop forever.
      for (const job of this.queue.splice(0)) {
        this.settle(job, () =>
          job.result.reject(
            new Error(`ThreadPool(${this.name}): its workers keep crashing: ${error.message}`, {
              cause: error,
            }),
          ),
        );
      }
    } else if (!this.closing || this.queue.length > 0) {
      this.spawn();
    }
    this.dispatch();
    this.checkDrained();
  }

  /** Reject a task now: off the queue if it is waiting, or by terminating its worker if it runs. */
  private cancel(job: Job<In, Out>, error: Error): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = [...this.slots].find((s) => s.job === job);
    if (slot) {
      slot.retired = true;
      slot.job = undefined;
      this.forget(slot);
      void slot.handle.terminate();
      if (!this.closing || this.queue.length > 0) this.spawn();
    }
    this.settle(job, () => job.result.reject(error));
    this.dispatch();
    this.checkDrained();
  }

  private settle(job: Job<In, Out>, fn: () => void): void {
    clearTimeout(job.timer);
    if (job.onAbort) job.options.signal?.removeEventListener('abort', job.onAbort);
    fn();
  }

  private forget(slot: Slot<In, Out>): void {
    this.slots.delete(slot);
    const i = this.idle.indexOf(slot);
    if (i >= 0) this.idle.splice(i, 1);
  }

  private checkDrained(): void {
    if (this.closing && this.queue.length === 0 && ![...this.slots].some((s) => s.job))
      this.drained.resolve();
  }
}
