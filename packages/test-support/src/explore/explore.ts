import { startWorker, type WorkerHandle } from '@course/runtime';
import { currentTestCommand } from '../repeat-with-seeds';
import {
  ABORT,
  ARG1,
  ARG2,
  AT_POINT,
  BUFFER,
  BYTE_INDEX,
  controlBytes,
  DONE,
  F_STRIDE,
  floatOffset,
  GRANT,
  HEADER,
  OP,
  OPS,
  type OpName,
  REPORTS,
  RESULT,
  STATUS,
  STRIDE,
  TYPE,
  TYPES,
  VALUE,
  WAIT_NOT_EQUAL,
  WAIT_OK,
  WAIT_TIMED_OUT,
} from './protocol';
import {
  type Choice,
  decodeSchedule,
  dfsStrategy,
  encodeSchedule,
  isTimeout,
  participantOf,
  pctStrategy,
  randomStrategy,
  replayStrategy,
  type Strategy,
  timeoutChoice,
} from './schedulers';

/**
 * The interleaving explorer's scheduler (the test's main thread): runs the same small concurrent
 * scenario under many schedules, each a deterministic function of its choices, and fails with the
 * first schedule that breaks it, printed step by step and as a replay string.
 */

/** One thread of the scenario: a named scenario function of the worker file, with its arguments. */
export interface ExploreParticipant {
  /** Shown in the trace: "writer", "reader 1". */
  name: string;
  /** The key of the scenario function in the worker file's table. */
  scenario: string;
  /** Plain arguments (cloned); the shared buffers are added to them. */
  args?: Record<string, unknown>;
}

/** What one schedule ended with, for `check`. */
export interface ScheduleOutcome {
  /** Each participant's return value, in participant order. */
  results: unknown[];
  /** The shared buffers of this schedule (as `setup` made them). */
  shared: Record<string, SharedArrayBuffer>;
}

export type StrategyName = 'pct' | 'random' | 'dfs';

export interface ExploreOptions {
  /** A name for the scenario, used in messages and in the replay string. */
  name: string;
  /** The worker entry: a file that calls `serveExploration(scenarios)`. */
  worker: string;
  participants: ExploreParticipant[];
  /** Fresh shared state for each schedule: every buffer the participants share, by name. */
  setup: () => Record<string, SharedArrayBuffer>;
  /** Judge a finished schedule; throw to fail it (the trace is added to the message). */
  check?: (outcome: ScheduleOutcome) => void;
  /** Default 'pct'. */
  strategy?: StrategyName;
  /** Seed of the random strategies (default 1). */
  seed?: number;
  /** Most schedules to run (default 100; dfs stops earlier when it has tried them all). */
  schedules?: number;
  /** PCT bug depth (default 3). */
  depth?: number;
  /** dfs: most pre-emptions per schedule (default 2). */
  preemptions?: number;
  /** Steps after which a schedule is reported as a livelock (default 5,000). */
  maxSteps?: number;
  /** Longest a granted thread may run before its next scheduling point (default 10 s). */
  stepBudgetMs?: number;
  /** One line for the learner, added to a failure: what mistake this scenario usually reveals. */
  hint?: string;
  /** Replay exactly this schedule (a replay string); default: `COURSE_SCHEDULE` if it names this scenario. */
  replay?: string;
}

/** One step of a schedule, as the trace shows it. */
export interface TraceStep {
  participant: number;
  op: OpName | 'time-out';
  address: string;
  args: number[];
  /** What the operation returned (filled in once the thread reached its next point). */
  value?: number;
  /** For a wait: 'blocks' when the thread went to sleep at this step. */
  note?: string;
}

/** What an exploration did. */
export interface ExplorationReport {
  name: string;
  strategy: string;
  schedules: number;
  steps: number;
  ms: number;
}

/** A schedule that broke the scenario: the message has the trace and the replay string. */
export class ScheduleFailure extends Error {
  constructor(
    message: string,
    readonly schedule: string,
    readonly trace: readonly TraceStep[],
    readonly report: ExplorationReport,
  ) {
    super(message);
    this.name = 'ScheduleFailure';
  }
}

/** The replay string of the exploration called `name`, if `COURSE_SCHEDULE=<name>:<schedule>` says so. */
export function replayFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env.COURSE_SCHEDULE;
  if (!value) return undefined;
  const at = value.lastIndexOf(':');
  return at >= 0 && value.slice(0, at) === name ? value.slice(at + 1) : undefined;
}

function strategyFor(options: ExploreOptions, participants: number): Strategy {
  const replay = options.replay ?? replayFromEnv(options.name);
  if (replay !== undefined) return replayStrategy(decodeSchedule(replay));
  const seed = options.seed ?? 1;
  switch (options.strategy ?? 'pct') {
    case 'pct':
      return pctStrategy(seed, participants, options.depth ?? 3);
    case 'random':
      return randomStrategy(seed);
    case 'dfs':
      return dfsStrategy(options.preemptions ?? 2);
    default:
      throw new Error(`explore: unknown strategy "${options.strategy}" (expected pct, random or dfs)`);
  }
}

type State = 'running' | 'point' | 'blocked' | 'woken' | 'done';

interface Thread {
  state: State;
  /** Where a blocked thread sleeps, and whether its wait can time out. */
  sleepsOn?: string;
  timed?: boolean;
  /** Index in the trace of this thread's last step (its value arrives with its next report). */
  lastStep?: number;
}

/**
 * Explore the interleavings of `participants` running their scenarios in real worker threads, and
 * resolve with what was explored, or reject with the first failing schedule (ScheduleFailure).
 *
 * A schedule fails when a participant throws, when `check` throws, on a deadlock (no thread can run
 * and some wait with no timeout), or on a livelock (`maxSteps` reached). A timed wait times out only
 * when no thread could run otherwise: the explorer never lets time decide anything else.
 *
 * @example
 * await explore({
 *   name: 'latch',
 *   worker: join(__dirname, 'explore-worker.ts'),
 *   participants: [{ name: 'a', scenario: 'countDown' }, { name: 'b', scenario: 'countDown' }],
 *   setup: () => ({ latch: new CountdownLatch(2).buffer }),
 *   check: ({ shared }) => expect(CountdownLatch.from(shared.latch).remaining()).toBe(0),
 * });
 */
export async function explore(options: ExploreOptions): Promise<ExplorationReport> {
  const n = options.participants.length;
  controlBytes(n); // validates the count
  const strategy = strategyFor(options, n);
  const most = strategy.name === 'replay' ? 1 : (options.schedules ?? 100);
  const seeded = strategy.name.startsWith('pct') || strategy.name === 'random';
  const started = performance.now();
  const report: ExplorationReport = {
    name: options.name,
    strategy: strategy.name,
    schedules: 0,
    steps: 0,
    ms: 0,
  };
  const workers = options.participants.map((p) =>
    startWorker(options.worker, { name: `explore ${options.name}: ${p.name}` }),
  );
  try {
    for (let k = 0; k < most; k++) {
      const chooser = strategy.next(k);
      if (!chooser) break;
      const run = await runSchedule(options, workers, chooser);
      report.schedules++;
      report.steps += run.choices.length;
      strategy.finished(run.choices);
      if (run.failure) {
        report.ms = performance.now() - started;
        const schedule = encodeSchedule(run.choices);
        throw new ScheduleFailure(
          `${options.name}: ${run.failure}\n${options.hint ? `\nWhat to look for: ${options.hint}\n` : ''}` +
            `\nThe interleaving that broke it (schedule ${k + 1} of ${strategy.name}${seeded ? `, seed ${options.seed ?? 1}` : ''}):\n` +
            `${formatTrace(run.trace, options)}\n` +
            `Replay exactly this schedule: ${currentTestCommand(`COURSE_SCHEDULE='${options.name}:${schedule}'`)}`,
          schedule,
          run.trace,
          report,
        );
      }
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  report.ms = performance.now() - started;
  return report;
}

interface ScheduleRun {
  choices: Choice[];
  trace: TraceStep[];
  failure?: string;
}

async function runSchedule(
  options: ExploreOptions,
  workers: WorkerHandle[],
  chooser: ReturnType<Strategy['next']> & object,
): Promise<ScheduleRun> {
  const n = workers.length;
  const control = new SharedArrayBuffer(controlBytes(n));
  const ints = new Int32Array(control);
  const floats = new Float64Array(control, floatOffset(n));
  const shared = options.setup();
  const names = Object.keys(shared);
  const budget = options.stepBudgetMs ?? 10_000;
  const maxSteps = options.maxSteps ?? 5_000;
  const threads: Thread[] = workers.map(() => ({ state: 'running' }));
  const queues = new Map<string, number[]>(); // address -> sleepers, first come first woken
  const choices: Choice[] = [];
  const trace: TraceStep[] = [];

  const answers = workers.map(
    (w, p) =>
      new Promise<{ result?: unknown; error?: string; aborted?: boolean }>((resolve) => {
        const onMessage = (m: { result?: unknown; error?: string; aborted?: boolean }) => {
          w.worker.off('exit', onExit);
          resolve(m);
        };
        const onExit = (code: number) => {
          w.worker.off('message', onMessage);
          resolve({ error: w.error()?.message ?? `its worker exited with code ${code}` });
        };
        w.worker.once('message', onMessage);
        w.worker.once('exit', onExit);
        const participant = options.participants[p] as ExploreParticipant;
        w.worker.postMessage({
          control,
          participant: p,
          participants: n,
          scenario: participant.scenario,
          args: participant.args ?? {},
          shared,
        });
      }),
  );

  const base = (p: number) => HEADER + p * STRIDE;
  const fbase = (p: number) => p * F_STRIDE;
  const op = (p: number) => OPS[ints[base(p) + OP] as number] as OpName;
  const address = (p: number) => {
    const type = TYPES[ints[base(p) + TYPE] as number] ?? 'Int32Array';
    const bytes =
      (globalThis as unknown as Record<string, { BYTES_PER_ELEMENT: number }>)[type]?.BYTES_PER_ELEMENT ?? 4;
    return `${names[ints[base(p) + BUFFER] as number]}[${(ints[base(p) + BYTE_INDEX] as number) / bytes}]`;
  };
  const read = (p: number) => {
    const type = TYPES[ints[base(p) + TYPE] as number] ?? 'Int32Array';
    const Ctor = (
      globalThis as unknown as Record<string, new (b: SharedArrayBuffer) => ArrayLike<number | bigint>>
    )[type];
    const buffer = shared[names[ints[base(p) + BUFFER] as number] as string] as SharedArrayBuffer;
    const view = new (Ctor as new (b: SharedArrayBuffer) => ArrayLike<number | bigint>)(buffer);
    const bytes = (view as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    return Number(view[(ints[base(p) + BYTE_INDEX] as number) / bytes]);
  };

  /** Wait (blocking this thread, with a budget) until the report count passes `seen`. */
  const awaitReports = (seen: number, who: string): string | undefined => {
    const deadline = performance.now() + budget;
    while (Atomics.load(ints, REPORTS) <= seen) {
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(ints, REPORTS, Atomics.load(ints, REPORTS), left) === 'timed-out') {
        if (Atomics.load(ints, REPORTS) > seen) break;
        return `${who} ran ${budget} ms without reaching a scheduling point (an endless loop that touches no shared memory?)`;
      }
    }
    return undefined;
  };

  /** Take in the reports of running threads: their new point (and the value of their last step). */
  const collect = () => {
    threads.forEach((t, p) => {
      if (t.state !== 'running') return;
      const status = Atomics.load(ints, base(p) + STATUS);
      if (status !== AT_POINT && status !== DONE) return;
      if (t.lastStep !== undefined) {
        const step = trace[t.lastStep] as TraceStep;
        if (step.op !== 'wait' && step.op !== 'time-out') step.value = floats[fbase(p) + VALUE];
      }
      t.state = status === DONE ? 'done' : 'point';
    });
  };

  const grant = (p: number, result: number): string | undefined => {
    const seen = Atomics.load(ints, REPORTS);
    (threads[p] as Thread).state = 'running';
    Atomics.store(ints, base(p) + RESULT, result);
    Atomics.add(ints, base(p) + GRANT, 1);
    Atomics.notify(ints, base(p) + GRANT);
    const late = awaitReports(seen, `Thread "${options.participants[p]?.name}"`);
    collect();
    return late;
  };

  const finish = async (failure?: string): Promise<ScheduleRun> => {
    if (failure) {
      // Wake every parked thread into ExplorationAborted, so that none stays asleep on the control words.
      Atomics.store(ints, ABORT, 1);
      threads.forEach((_, p) => {
        Atomics.add(ints, base(p) + GRANT, 1);
        Atomics.notify(ints, base(p) + GRANT);
      });
      return { choices, trace, failure };
    }
    const outcomes = await Promise.all(answers);
    const errors = outcomes
      .map((o, p) => (o.error ? `Thread "${options.participants[p]?.name}" threw: ${o.error}` : undefined))
      .filter(Boolean);
    if (errors.length > 0) return { choices, trace, failure: errors.join('\n') };
    try {
      options.check?.({ results: outcomes.map((o) => o.result), shared });
    } catch (err) {
      return { choices, trace, failure: err instanceof Error ? err.message : String(err) };
    }
    return { choices, trace };
  };

  // Every thread runs to its first point (what comes before touches no shared memory).
  const startBudget = performance.now() + budget;
  for (;;) {
    collect();
    if (threads.every((t) => t.state !== 'running')) break;
    const left = startBudget - performance.now();
    if (left <= 0)
      return finish(`The threads did not reach their first scheduling point within ${budget} ms`);
    Atomics.wait(ints, REPORTS, Atomics.load(ints, REPORTS), Math.min(left, 50));
  }

  let last: number | undefined;
  for (;;) {
    const runnable: Choice[] = [];
    threads.forEach((t, p) => {
      if (t.state === 'point' || t.state === 'woken') runnable.push(p);
    });
    let options2 = runnable;
    if (runnable.length === 0) {
      if (threads.every((t) => t.state === 'done')) return finish();
      const timed = threads.flatMap((t, p) => (t.state === 'blocked' && t.timed ? [timeoutChoice(p)] : []));
      if (timed.length === 0) return finish(deadlockMessage(threads, options, trace));
      options2 = timed;
    }
    if (choices.length >= maxSteps) {
      return finish(
        `Livelock: ${maxSteps} steps without finishing. The threads keep running but none gets anywhere ` +
          '(a spin that never sleeps in Atomics.wait, or waits that keep failing); the last steps are below.',
      );
    }
    const choice = chooser.choose(options2, choices.length, last);
    choices.push(choice);
    const p = participantOf(choice);
    const t = threads[p] as Thread;
    last = p;
    if (isTimeout(choice)) {
      const queue = queues.get(t.sleepsOn as string) ?? [];
      queue.splice(queue.indexOf(p), 1);
      trace.push({
        participant: p,
        op: 'time-out',
        address: t.sleepsOn as string,
        args: [],
        note: 'nothing else could run',
      });
      t.lastStep = trace.length - 1;
      const late = grant(p, WAIT_TIMED_OUT);
      if (late) return finish(late);
      continue;
    }
    if (t.state === 'woken') {
      const late = grant(p, WAIT_OK);
      if (late) return finish(late);
      continue;
    }
    const name = op(p);
    const step: TraceStep = {
      participant: p,
      op: name,
      address: address(p),
      args:
        name === 'load' || name === 'read'
          ? []
          : [floats[fbase(p) + ARG1] as number, floats[fbase(p) + ARG2] as number],
    };
    if (
      name === 'store' ||
      name === 'write' ||
      name === 'add' ||
      name === 'sub' ||
      name === 'and' ||
      name === 'or' ||
      name === 'xor' ||
      name === 'exchange'
    )
      step.args = [step.args[0] as number];
    trace.push(step);
    t.lastStep = trace.length - 1;
    let result = 0;
    if (name === 'wait') {
      const expected = step.args[0] as number;
      if (read(p) !== expected) {
        result = WAIT_NOT_EQUAL;
        step.note = 'not-equal';
      } else {
        step.note = 'blocks';
        t.state = 'blocked';
        t.sleepsOn = step.address;
        t.timed = Number.isFinite(step.args[1]);
        const queue = queues.get(step.address) ?? [];
        queue.push(p);
        queues.set(step.address, queue);
        continue; // no thread runs: the next choice is made at once
      }
    } else if (name === 'notify') {
      const queue = queues.get(step.address) ?? [];
      const count = Math.min(queue.length, step.args[0] as number);
      for (const sleeper of queue.splice(0, count)) {
        const s = threads[sleeper] as Thread;
        s.state = 'woken';
        s.sleepsOn = undefined;
      }
      result = count;
      step.value = count;
    }
    const late = grant(p, result);
    if (late) return finish(late);
  }
}

function deadlockMessage(threads: Thread[], options: ExploreOptions, trace: TraceStep[]): string {
  const lines = threads.map((t, p) => {
    const name = options.participants[p]?.name;
    if (t.state === 'done') return `  "${name}" had finished`;
    const step = t.lastStep === undefined ? undefined : trace[t.lastStep];
    const where = step
      ? `Atomics.wait(${step.address}, ${step.args[0]}) since step ${(t.lastStep as number) + 1}`
      : 'Atomics.wait';
    return `  "${name}" sleeps in ${where}, and no thread is left to notify it`;
  });
  return `Deadlock: no thread can run, and some wait with no timeout:\n${lines.join('\n')}`;
}

function describeStep(step: TraceStep): string {
  const [a, b] = step.args;
  switch (step.op) {
    case 'store':
      return `Atomics.store(${step.address}, ${a})`;
    case 'load':
      return `Atomics.load(${step.address}) → ${step.value}`;
    case 'read':
      return `${step.address} → ${step.value} (plain read)`;
    case 'write':
      return `${step.address} = ${a} (plain write)`;
    case 'compareExchange':
      return `Atomics.compareExchange(${step.address}, ${a}, ${b}) → ${step.value}${step.value === a ? ' (swapped)' : ' (no swap)'}`;
    case 'wait':
      return `Atomics.wait(${step.address}, ${a}${Number.isFinite(b) ? `, ${b} ms` : ''}) ${step.note === 'blocks' ? 'blocks' : '→ not-equal'}`;
    case 'notify':
      return `Atomics.notify(${step.address}${Number.isFinite(a) ? `, ${a}` : ''}) → woke ${step.value}`;
    case 'time-out':
      return `its wait on ${step.address} times out (${step.note})`;
    default:
      return `Atomics.${step.op}(${step.address}, ${a}) → ${step.value}`;
  }
}

/** The trace as a learner reads it: one numbered line per step, thread names aligned. */
export function formatTrace(
  trace: readonly TraceStep[],
  options: Pick<ExploreOptions, 'participants'>,
): string {
  const width = Math.max(...options.participants.map((p) => p.name.length));
  const digits = String(trace.length).length;
  return trace
    .map((step, i) => {
      const who = (options.participants[step.participant]?.name ?? `thread ${step.participant}`).padEnd(
        width,
      );
      return `  ${String(i + 1).padStart(digits)}  ${who}  ${describeStep(step)}`;
    })
    .join('\n');
}
