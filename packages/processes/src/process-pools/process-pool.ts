import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import {
  abortError,
  type ChildHandle,
  type ExitStatus,
  type RunOptions,
  startChild,
  type TaskPool,
  TimeoutError,
  WorkerExitError,
} from '@course/runtime';
import { PoolClosedError, QueueFullError, TaskFailedError } from './pool-errors';
import { asCompleted, mapInOrder } from './pool-results';
import { isReady, isResult } from './protocol';

export interface ProcessPoolOptions {
  /** The child entry (.ts or .js); it calls `serveTasks(fn)`. */
  file: string;
  /** Children kept running. Default: the number of cores. */
  size?: number;
  /** Default budget per task (override per call with `timeoutMs`). Default: none. */
  taskTimeoutMs?: number;
  /** How many times a task whose child crashed is run again on a fresh child. Default 1. */
  retries?: number;
  /** Most tasks waiting for a child; `run()` rejects with QueueFullError beyond it. Default: unbounded. */
  maxQueue?: number;
  /** Budget for a new child to report `ready`. Default 15 s (the first start may bundle the entry). */
  startTimeoutMs?: number;
  serialization?: 'json' | 'advanced';
}

interface Job<In, Out> {
  id: number;
  input: In;
  attempts: number;
  timeoutMs: number | undefined;
  signal: AbortSignal | undefined;
  resolve(value: Out): void;
  reject(err: Error): void;
  cleanup(): void;
}

interface Slot<In, Out> {
  handle: ChildHandle;
  ready: boolean;
  /** Set when the pool has given up on this child (killed it); it gets no more work. */
  doomed: boolean;
  job?: Job<In, Out>;
  timer?: NodeJS.Timeout;
}

/** How many children in a row may die before reporting ready before the pool gives up (bad entry file). */
const MAX_START_FAILURES = 3;

/**
 * A prefork pool of child processes: `size` children started once and reused, a FIFO queue of tasks,
 * and the rule that no task is ever lost or left hanging.
 *
 * - A task whose child crashes is retried on a fresh child up to `retries` times, then rejects with
 *   a WorkerExitError naming the exit code/signal and the child's last stderr.
 * - A task over its budget rejects with a TimeoutError; its (possibly spinning) child is SIGKILLed
 *   and replaced, because a hung process cannot be interrupted any other way.
 * - An error thrown by the task itself rejects with TaskFailedError; the child lives on.
 * - `close()` stops intake, drains the queue, then lets every child exit.
 *
 * Warning: `close()` waits for running tasks, so a task with no budget that never ends makes
 * close() wait forever too. Give hang-prone work a `taskTimeoutMs`.
 *
 * @example
 * const pool = new ProcessPool<[number, number], number>({ file: join(__dirname, 'count-primes-child.ts'), size: 2 });
 * const counts = await pool.map([[0, 1e5], [1e5, 2e5]]);
 * await pool.close();
 */
export class ProcessPool<In, Out> implements TaskPool<In, Out> {
  readonly size: number;
  private readonly options: ProcessPoolOptions;
  private readonly slots = new Set<Slot<In, Out>>();
  private readonly queue: Array<Job<In, Out>> = [];
  private nextId = 1;
  private startFailures = 0;
  private broken: Error | undefined;
  private closing: Promise<void> | undefined;
  private drained: (() => void) | undefined;
  private readonly readyWaiters: Array<{ resolve(): void; reject(err: Error): void }> = [];
  /** Children started over the pool's life (initial + replacements): shows replacement happened. */
  started = 0;

  constructor(options: ProcessPoolOptions) {
    const size = options.size ?? availableParallelism();
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`ProcessPool size must be a whole number >= 1, got ${size}`);
    if (options.retries !== undefined && (!Number.isInteger(options.retries) || options.retries < 0)) {
      throw new Error(`ProcessPool retries must be a whole number >= 0, got ${options.retries}`);
    }
    this.size = size;
    this.options = options;
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Pids of the live children (for lessons and tests: which process ran what). */
  get pids(): number[] {
    return [...this.slots].filter((s) => !s.doomed).map((s) => s.handle.pid);
  }

  /** Tasks waiting for a child. */
  get queued(): number {
    return this.queue.length;
  }

  /** Resolves once every child has reported ready (start-up cost paid): benchmarks wait for it. */
  ready(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.allReady()) return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  run(input: In, options: RunOptions = {}): Promise<Out> {
    if (this.closing)
      return Promise.reject(
        new PoolClosedError(`ProcessPool(${this.name()}) is closed; run() was called after close()`),
      );
    if (this.broken) return Promise.reject(this.broken);
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError('ProcessPool task', signal.reason));
    const max = this.options.maxQueue ?? Number.POSITIVE_INFINITY;
    if (this.queue.length >= max && !this.idleSlot()) {
      return Promise.reject(
        new QueueFullError(`ProcessPool(${this.name()}) queue is full (${max} tasks waiting)`),
      );
    }
    return new Promise<Out>((resolve, reject) => {
      const job: Job<In, Out> = {
        id: this.nextId++,
        input,
        attempts: 0,
        timeoutMs: options.timeoutMs ?? this.options.taskTimeoutMs,
        signal,
        resolve: (v) => {
          job.cleanup();
          resolve(v);
        },
        reject: (e) => {
          job.cleanup();
          reject(e);
        },
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      const onAbort = () => this.abort(job);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Run every input; resolve with the results in input order (rejects with the first failure). */
  map(inputs: readonly In[], options?: RunOptions): Promise<Out[]> {
    return mapInOrder(this, inputs, options);
  }

  /** Run every input and yield each result as soon as it is done, with its index. */
  completed(
    inputs: readonly In[],
    options?: RunOptions,
  ): AsyncGenerator<{ index: number; input: In; value: Out }> {
    return asCompleted(this, inputs, options);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.queue.length > 0 || this.busy() > 0)
        await new Promise<void>((resolve) => (this.drained = resolve));
      await Promise.all([...this.slots].map((slot) => this.retire(slot)));
    })();
    return this.closing;
  }

  private name(): string {
    return basename(this.options.file);
  }

  private spawn(): void {
    const handle = startChild(this.options.file, {
      stdio: 'pipe',
      serialization: this.options.serialization ?? 'json',
    });
    this.started++;
    const slot: Slot<In, Out> = { handle, ready: false, doomed: false };
    this.slots.add(slot);
    const budget = this.options.startTimeoutMs ?? 15_000;
    // A child that never says ready would leave its slot dead forever; kill it and count a failure.
    slot.timer = setTimeout(() => {
      slot.doomed = true;
      handle.child.kill('SIGKILL');
    }, budget);
    handle.child.on('message', (m: unknown) => this.onMessage(slot, m));
    void handle.exited.then((status) => this.onExit(slot, status));
  }

  private onMessage(slot: Slot<In, Out>, m: unknown): void {
    if (isReady(m)) {
      clearTimeout(slot.timer);
      slot.ready = true;
      this.startFailures = 0;
      if (this.allReady()) for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
      this.dispatch();
      return;
    }
    if (!isResult(m) || !slot.job || slot.job.id !== m.id) return;
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (m.ok) job.resolve(m.value as Out);
    else job.reject(new TaskFailedError(m.error, slot.handle.pid));
    this.dispatch();
  }

  private onExit(slot: Slot<In, Out>, status: ExitStatus): void {
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    const { job } = slot;
    slot.job = undefined;
    if (!slot.ready) this.onStartFailure(slot, status);
    if (job) {
      job.attempts++;
      const retries = this.options.retries ?? 1;
      if (job.attempts <= retries) {
        // Front of the queue: a retried task has already waited its turn once.
        this.queue.unshift(job);
      } else {
        job.reject(this.crashError(slot, status, job));
      }
    }
    // Replace the child unless the pool is shutting down with nothing left to do, or is broken.
    const needed = !this.closing || this.queue.length > 0;
    if (!this.broken && needed && this.slots.size < this.size) this.spawn();
    this.dispatch();
  }

  private onStartFailure(slot: Slot<In, Out>, status: ExitStatus): void {
    if (this.closing && this.queue.length === 0) return;
    this.startFailures++;
    if (this.startFailures < MAX_START_FAILURES) return;
    const how = status.signal ? `signal ${status.signal}` : `code ${status.code}`;
    const stderr = slot.handle.stderrTail().trim();
    this.broken = new WorkerExitError(
      `ProcessPool(${this.name()}): ${MAX_START_FAILURES} children in a row ended (${how}) before reporting ready; ` +
        `does the entry call serveTasks()?${stderr ? ` Its stderr ended with:\n${stderr}` : ''}`,
      status.code,
      status.signal,
    );
    for (const job of this.queue.splice(0)) job.reject(this.broken);
    for (const waiter of this.readyWaiters.splice(0)) waiter.reject(this.broken);
    this.checkDrained();
  }

  private crashError(slot: Slot<In, Out>, status: ExitStatus, job: Job<In, Out>): WorkerExitError {
    const how = status.signal ? `signal ${status.signal}` : `code ${status.code}`;
    const stderr = slot.handle.stderrTail().trim();
    return new WorkerExitError(
      `ProcessPool(${this.name()}): child ${slot.handle.pid} exited (${how}) while running task #${job.id}, ` +
        `attempt ${job.attempts} of ${(this.options.retries ?? 1) + 1}${stderr ? `; its stderr ended with:\n${stderr}` : ''}`,
      status.code,
      status.signal,
    );
  }

  private dispatch(): void {
    for (;;) {
      const slot = this.idleSlot();
      const job = slot && this.queue.shift();
      if (!slot || !job) break;
      this.assign(slot, job);
    }
    this.checkDrained();
  }

  private assign(slot: Slot<In, Out>, job: Job<In, Out>): void {
    slot.job = job;
    if (job.timeoutMs !== undefined) {
      const ms = job.timeoutMs;
      slot.timer = setTimeout(() => {
        // Reject now (never hang the caller); the kill and the replacement follow on 'exit'.
        slot.job = undefined;
        this.kill(slot);
        job.reject(
          new TimeoutError(
            `ProcessPool(${this.name()}): task #${job.id} took longer than ${ms} ms; child ${slot.handle.pid} was killed and replaced`,
            ms,
          ),
        );
        this.checkDrained();
      }, ms);
    }
    try {
      slot.handle.child.send({ type: 'task', id: job.id, input: job.input });
    } catch (err) {
      // Not serializable (a function, a SharedArrayBuffer...): the caller's mistake, the child is fine.
      clearTimeout(slot.timer);
      slot.job = undefined;
      job.reject(
        new TypeError(
          `ProcessPool(${this.name()}): task #${job.id} input cannot be sent to a child: ${(err as Error).message}`,
        ),
      );
    }
  }

  private abort(job: Job<In, Out>): void {
    const reason = job.signal?.reason;
    const queuedAt = this.queue.indexOf(job);
    if (queuedAt >= 0) {
      this.queue.splice(queuedAt, 1);
      job.reject(abortError(`ProcessPool task #${job.id}`, reason));
      this.checkDrained();
      return;
    }
    for (const slot of this.slots) {
      if (slot.job !== job) continue;
      clearTimeout(slot.timer);
      slot.job = undefined;
      this.kill(slot);
      job.reject(abortError(`ProcessPool task #${job.id}`, reason));
      this.checkDrained();
    }
  }

  private kill(slot: Slot<In, Out>): void {
    slot.doomed = true;
    slot.handle.child.kill('SIGKILL');
  }

  /** Let a child end on its own: closing the IPC channel makes its guard exit it with code 0. */
  private async retire(slot: Slot<In, Out>): Promise<void> {
    clearTimeout(slot.timer);
    slot.doomed = true;
    if (slot.handle.child.connected) slot.handle.child.disconnect();
    const timer = setTimeout(() => void slot.handle.stop(500), 2_000);
    await slot.handle.exited;
    clearTimeout(timer);
  }

  private idleSlot(): Slot<In, Out> | undefined {
    for (const slot of this.slots) if (slot.ready && !slot.doomed && !slot.job) return slot;
    return undefined;
  }

  private busy(): number {
    let n = 0;
    for (const slot of this.slots) if (slot.job) n++;
    return n;
  }

  private allReady(): boolean {
    let ready = 0;
    for (const slot of this.slots) if (slot.ready && !slot.doomed) ready++;
    return ready >= this.size;
  }

  private checkDrained(): void {
    if (this.drained && this.queue.length === 0 && this.busy() === 0) {
      const wake = this.drained;
      this.drained = undefined;
      wake();
    }
  }
}
