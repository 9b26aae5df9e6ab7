/**
 * A history of concurrent operations: what each thread asked (invoke), what it got (response), and
 * when. The linearizability checker decides whether some one-at-a-time order of these operations,
 * consistent with real time, explains every response.
 */

/** One completed operation, as recorded by the thread that performed it. */
export interface Operation<In = unknown, Out = unknown> {
  /** Who performed it: a thread id or label. Operations of one process never overlap. */
  process: string | number;
  /** The operation's name in the model, e.g. 'push', 'pop', 'increment'. */
  name: string;
  input: In;
  output: Out;
  /** Clock reading (ms, see historyNow) just before the call. */
  invoke: number;
  /** Clock reading just after it returned. */
  response: number;
}

/**
 * The clock histories use: milliseconds from `process.hrtime` (CLOCK_MONOTONIC), with nanosecond
 * steps.
 *
 * Why not `performance.timeOrigin + performance.now()` (busy-intervals' sharedNow): each thread
 * samples its own timeOrigin at start, and those differ by microseconds (17 µs between the main
 * thread and its workers on the course VM). Operations on shared memory take well under a
 * microsecond, so that skew would invent "A finished before B started" orders that never happened,
 * and the checker would report false violations. hrtime is one clock for every thread of a process.
 */
export function historyNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Collects the operations of one thread; send `ops` to the test when done (they structured-clone).
 *
 * @example
 * const log = new HistoryRecorder(threadId);
 * const v = log.record('increment', 1, () => counter.increment());
 * parentPort.postMessage(log.ops);
 */
export class HistoryRecorder<In = unknown, Out = unknown> {
  readonly ops: Operation<In, Out>[] = [];

  constructor(readonly process: string | number) {}

  /** Run `fn` (the real operation) between two clock readings and keep the record. */
  record(name: string, input: In, fn: () => Out): Out {
    const invoke = historyNow();
    const output = fn();
    const response = historyNow();
    this.ops.push({ process: this.process, name, input, output, invoke, response });
    return output;
  }
}

/** Throw on a malformed history (a response before its invoke, one process overlapping itself). */
export function validateHistory(history: readonly Operation[]): void {
  const last = new Map<string | number, Operation>();
  const sorted = [...history].sort((a, b) => a.invoke - b.invoke);
  for (const op of sorted) {
    if (!(op.response >= op.invoke)) {
      throw new Error(
        `History: ${op.name} of process ${op.process} responds (${op.response}) before it is invoked (${op.invoke})`,
      );
    }
    const prev = last.get(op.process);
    if (prev && prev.response > op.invoke) {
      throw new Error(
        `History: process ${op.process} has overlapping operations (${prev.name} and ${op.name}); one thread does one thing at a time`,
      );
    }
    last.set(op.process, op);
  }
}
