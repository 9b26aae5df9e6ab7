import { type ChildProcess, fork, type Serializable } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { shareSignal } from '../async/shared-signal';
import { abortError, TimeoutError, WorkerExitError } from '../errors';
import { runnableEntry } from './compile-entry';
import { inheritedExecArgv } from './exec-argv';
import { track } from './registry';
import { shortName } from './start-worker';

export interface StartChildOptions {
  args?: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Aborting stops the child: SIGTERM, then SIGKILL after `killGraceMs`. */
  signal?: AbortSignal;
  /** `inherit` shows the child's output in the parent's terminal; `pipe` lets you read it. */
  stdio?: 'inherit' | 'pipe' | 'ignore';
  /** `advanced` (structured clone) sends Maps, typed arrays, BigInts; `json` is the default. */
  serialization?: 'json' | 'advanced';
  /** Extra Node flags for the child. */
  execArgv?: readonly string[];
  /** How long a child gets to end after SIGTERM before SIGKILL. Default 2000 ms. */
  killGraceMs?: number;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildHandle {
  readonly child: ChildProcess;
  readonly file: string;
  readonly pid: number;
  /** Resolves once the child has exited (never rejects). */
  readonly exited: Promise<ExitStatus>;
  /** SIGTERM, then SIGKILL after the grace period; resolves with how it ended. Idempotent. */
  stop(graceMs?: number): Promise<ExitStatus>;
  /** With `stdio: 'pipe'`: the last few KiB the child wrote to stderr (for error reports). */
  stderrTail(): string;
  /** With `stdio: 'pipe'`: the last few KiB the child wrote to stdout. */
  stdoutTail(): string;
}

const TAIL_BYTES = 4096;

/**
 * Keep the last few KiB of a stream. Reading the pipe also matters: a child whose stdout pipe is
 * never read blocks once the OS buffer (64 KiB) is full, a classic hang.
 */
function tail(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-TAIL_BYTES);
  });
  return () => text;
}

/**
 * Fork a Node child process from a `.ts` or `.js` file, with an IPC channel.
 *
 * The child is tracked until it exits, stopped when `signal` aborts, killed if this process exits,
 * and exits by itself if this process dies (child-guard.cjs closes that orphan hazard).
 *
 * @example
 * const c = startChild(join(__dirname, 'echo-child.ts'));
 * c.child.send({ hello: 'child' });
 * c.child.once('message', console.log);
 * await c.stop();
 */
export function startChild(file: string, options: StartChildOptions = {}): ChildHandle {
  const { signal } = options;
  const name = shortName(file);
  if (signal?.aborted) throw abortError(`Starting child ${name}`, signal.reason);
  const stdio = options.stdio ?? 'inherit';

  const child = fork(runnableEntry(file), [...(options.args ?? [])], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    execArgv: [...inheritedExecArgv(), ...guardArgv(), ...(options.execArgv ?? [])],
    stdio: [stdio === 'inherit' ? 'inherit' : 'pipe', stdio, stdio, 'ipc'],
    serialization: options.serialization ?? 'json',
  });
  if (child.pid === undefined) {
    throw new Error(`Could not start child ${name}: no pid was assigned (see the 'error' event).`);
  }

  let status: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, sig) => {
      status = { code, signal: sig };
      untrack();
      signal?.removeEventListener('abort', onAbort);
      resolve(status);
    });
  });
  const stderrTail = tail(child.stderr);
  const stdoutTail = tail(child.stdout);
  // A spawn failure ('error' before 'exit') must not crash the parent as an unhandled event.
  child.on('error', () => {});

  let stopping: Promise<ExitStatus> | undefined;
  const stop = (graceMs = options.killGraceMs ?? 2_000): Promise<ExitStatus> => {
    if (status) return Promise.resolve(status);
    stopping ??= (async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    })();
    return stopping;
  };
  const onAbort = () => void stop();
  shareSignal(signal);
  signal?.addEventListener('abort', onAbort, { once: true });

  const untrack = track({
    kind: 'child',
    file,
    startedAt: Date.now(),
    stop: async () => void (await stop(500)),
    killNow: () => void child.kill('SIGKILL'),
  });

  return { child, file, pid: child.pid, exited, stop, stderrTail, stdoutTail };
}

export interface RunChildOptions extends StartChildOptions {
  /** Sent to the child over IPC once it is started. */
  message?: Serializable;
  timeoutMs?: number;
}

/**
 * Fork a child, optionally send it one message, wait for its first message back, then stop it.
 * Rejects (and the child is gone) on a crash, an exit without an answer, a timeout or an abort.
 */
export function runChild<T>(file: string, options: RunChildOptions = {}): Promise<T> {
  const handle = startChild(file, options);
  const { child } = handle;
  const name = shortName(file);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void handle.stop(500).then(fn);
    };
    const onAbort = () => settle(() => reject(abortError(`Child ${name}`, options.signal?.reason)));
    shareSignal(options.signal);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs !== undefined) {
      const ms = options.timeoutMs;
      timer = setTimeout(
        () => settle(() => reject(new TimeoutError(`Child ${name} gave no result within ${ms} ms`, ms))),
        ms,
      );
    }
    child.once('message', (value) => settle(() => resolve(value as T)));
    void handle.exited.then(({ code, signal }) => {
      const stderr = handle.stderrTail().trim();
      const reason = `Child ${name} exited (${signal ? `signal ${signal}` : `code ${code}`}) before sending a result`;
      settle(() =>
        reject(
          new WorkerExitError(stderr ? `${reason}; its stderr ended with:\n${stderr}` : reason, code, signal),
        ),
      );
    });
    if (options.message !== undefined) child.send(options.message);
  });
}

function guardArgv(): string[] {
  const guard = join(__dirname, 'child-guard.cjs');
  return existsSync(guard) ? ['--require', guard] : [];
}
