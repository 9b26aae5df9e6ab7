import { join } from 'node:path';
import { deferred, runChild, startChild, WorkerExitError, withTimeout } from '@course/runtime';

const BUDGET_MS = 15_000;

export interface IpcResult {
  parentPid: number;
  childPid: number;
  /** Squares of each batch, in the order the answers came back. */
  answers: Array<{ id: number; squares: number[] }>;
}

/**
 * `fork` a Node child with an IPC channel, send it batches of work as messages and collect the
 * answers. Each message is serialized (JSON by default) and copied into the other process: the
 * child never sees the parent's objects, only copies.
 *
 * @example
 * const r = await forkAndTalk([[1, 2], [3]]); // r.answers = [{ id: 0, squares: [1, 4] }, { id: 1, squares: [9] }]
 */
export async function forkAndTalk(batches: number[][]): Promise<IpcResult> {
  const c = startChild(join(__dirname, 'square-child.ts'), { stdio: 'pipe' });
  try {
    const ready = deferred<void>();
    const all = deferred<void>();
    const answers: IpcResult['answers'] = [];
    let childPid = 0;
    c.child.on('message', (m: 'ready' | { id: number; squares: number[]; pid: number }) => {
      if (m === 'ready') return ready.resolve();
      childPid = m.pid;
      answers.push({ id: m.id, squares: m.squares });
      if (answers.length === batches.length) all.resolve();
    });
    const early = (s: object) =>
      new Error(`square-child exited early (${JSON.stringify(s)}): ${c.stderrTail()}`);
    void c.exited.then((s) => {
      ready.reject(early(s));
      all.reject(early(s));
    });
    // Handled by the awaits below; without this, a rejection before we await would crash the process.
    all.promise.catch(() => {});
    await withTimeout(ready.promise, BUDGET_MS, 'square-child ready');
    for (const [id, numbers] of batches.entries()) c.child.send({ id, numbers });
    if (batches.length > 0) await withTimeout(all.promise, BUDGET_MS, 'square-child answers');
    return { parentPid: process.pid, childPid, answers };
  } finally {
    await c.stop();
  }
}

export interface CrashReport {
  exitCode: number | null;
  message: string;
}

/**
 * A child that throws dies with exit code 1; the parent learns of it from the 'exit' event, and the
 * child's stderr says why. `runChild` turns that into a rejected promise instead of a silent hang.
 */
export async function crashAndNotice(): Promise<CrashReport> {
  try {
    await runChild(join(__dirname, 'crash-child.ts'), {
      message: 'work',
      stdio: 'pipe',
      timeoutMs: BUDGET_MS,
    });
    throw new Error('crash-child was expected to crash but answered');
  } catch (err) {
    if (!(err instanceof WorkerExitError)) throw err;
    return { exitCode: err.exitCode, message: err.message };
  }
}
