import { execFile, exec as execShell, spawn } from 'node:child_process';
import { withTimeout } from '@course/runtime';

const BUDGET_MS = 10_000;

export interface StreamResult {
  /** Lines received while the child was still running (before we wrote to its stdin). */
  beforeInput: string[];
  /** Lines received after it read our input. */
  afterInput: string[];
  stderr: string;
  code: number | null;
}

/**
 * `spawn` a shell command and talk to it through its pipes while it runs: the child prints a line,
 * waits for our input on stdin, answers, writes to stderr and exits with code 3. Output arrives as a
 * stream of chunks while the child lives, not as one string at the end.
 *
 * @example
 * const r = await spawnAndStream(); // r.beforeInput = ['ready'], r.afterInput = ['got hello'], r.code = 3
 */
export async function spawnAndStream(): Promise<StreamResult> {
  const child = spawn('sh', ['-c', 'echo ready; read line; echo "got $line"; echo oops >&2; exit 3'], {
    stdio: 'pipe',
  });
  const result: StreamResult = { beforeInput: [], afterInput: [], stderr: '', code: null };
  let wroteInput = false;
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      (wroteInput ? result.afterInput : result.beforeInput).push(line);
      // The child is blocked in `read` until we answer: the handshake proves the output streamed.
      if (line === 'ready' && !wroteInput) {
        wroteInput = true;
        child.stdin.end('hello\n');
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (result.stderr += chunk));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  try {
    result.code = await withTimeout(closed, BUDGET_MS, 'sh child to finish');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  return result;
}

export interface ShellVsFileResult {
  /** What `exec` (through a shell) printed for a name containing `; echo INJECTED`. */
  viaShell: string;
  /** What `execFile` (no shell) printed for the same name. */
  viaExecFile: string;
}

/**
 * `exec` runs a string through /bin/sh: pipes and globs work, and so does injection. `execFile`
 * runs a program with an argument array: the same untrusted text stays one literal argument.
 */
export async function shellVsExecFile(untrusted = 'report.txt; echo INJECTED'): Promise<ShellVsFileResult> {
  const run = (fn: (done: (err: Error | null, stdout: string) => void) => void) =>
    withTimeout(
      new Promise<string>((resolve, reject) => fn((err, out) => (err ? reject(err) : resolve(out)))),
      BUDGET_MS,
      'exec',
    );
  const viaShell = await run((done) => execShell(`echo ${untrusted}`, { timeout: BUDGET_MS }, done));
  const viaExecFile = await run((done) => execFile('echo', [untrusted], { timeout: BUDGET_MS }, done));
  return { viaShell, viaExecFile };
}

export interface ExitReport {
  normal: { code: number | null; signal: NodeJS.Signals | null };
  killed: { code: number | null; signal: NodeJS.Signals | null };
  timedOut: { killed: boolean; signal: string | null; ms: number };
  missing: { code: string | undefined };
}

/**
 * How a parent learns how a child ended: an exit code (the child chose it), a signal (something
 * killed it; the code is then null), a `timeout` option that kills it for us, and ENOENT when the
 * program does not exist (an 'error' event, no exit code at all).
 */
export async function exitCodesAndSignals(): Promise<ExitReport> {
  const ended = (args: string[], kill?: NodeJS.Signals) =>
    withTimeout(
      new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
        const child = spawn(args[0] ?? 'sh', args.slice(1), { stdio: 'ignore' });
        child.once('error', reject);
        child.once('spawn', () => kill && child.kill(kill));
        child.once('exit', (code, signal) => resolve({ code, signal }));
      }),
      BUDGET_MS,
      `${args.join(' ')} to exit`,
    );
  const normal = await ended(['sh', '-c', 'exit 7']);
  const killed = await ended(['sleep', '30'], 'SIGKILL');
  const t0 = performance.now();
  const timedOut = await new Promise<ExitReport['timedOut']>((resolve) => {
    execFile('sleep', ['30'], { timeout: 200 }, (err) => {
      const e = err as (Error & { killed?: boolean; signal?: string | null }) | null;
      resolve({ killed: e?.killed ?? false, signal: e?.signal ?? null, ms: performance.now() - t0 });
    });
  });
  const missing = await new Promise<ExitReport['missing']>((resolve) => {
    const child = spawn('no-such-program-here', [], { stdio: 'ignore' });
    child.once('error', (err: NodeJS.ErrnoException) => resolve({ code: err.code }));
  });
  return { normal, killed, timedOut, missing };
}
