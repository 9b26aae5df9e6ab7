import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildHandle, deferred, startChild, withTimeout } from '@course/runtime';
import { readAt } from './file-counter';
import type { WriterJob, WriterMode } from './writer-job';

const BUDGET_MS = 30_000;

export interface SharedFileResult {
  mode: WriterMode;
  writers: number;
  expected: number;
  final: number;
  lost: number;
  /** Wall time from 'go' to the last writer done. */
  ms: number;
  /** Times a writer found the lock taken and had to wait. */
  contended: number;
}

/**
 * `writers` processes increment a counter in one file `increments` times each, started together
 * (every writer says ready, then all get 'go'), and we count what survived. Real processes, real
 * file, real races: 'unlocked' loses updates, 'locked' and 'own-slot' never do.
 *
 * @example
 * const r = await sharedFileCounter('locked', 3, 1000); // r.final === 3000
 */
export async function sharedFileCounter(
  mode: WriterMode,
  writers: number,
  increments: number,
): Promise<SharedFileResult> {
  const dir = mkdtempSync(join(tmpdir(), 'shared-file-'));
  const file = join(dir, 'counter.bin');
  writeFileSync(file, Buffer.alloc(4 * (writers + 1)));
  const children: ChildHandle[] = [];
  try {
    const ready: Array<Promise<void>> = [];
    const done: Array<Promise<{ contended: number; ms: number }>> = [];
    for (let index = 0; index < writers; index++) {
      const c = startChild(join(__dirname, 'counter-writer-child.ts'), { stdio: 'pipe' });
      children.push(c);
      const isReady = deferred<void>();
      const isDone = deferred<{ contended: number; ms: number }>();
      c.child.on('message', (m: 'ready' | { contended: number; ms: number }) =>
        m === 'ready' ? isReady.resolve() : isDone.resolve(m),
      );
      void c.exited.then((s) => {
        const err = new Error(`writer ${index} exited early (${JSON.stringify(s)}): ${c.stderrTail()}`);
        isReady.reject(err);
        isDone.reject(err);
      });
      isDone.promise.catch(() => {}); // awaited below; a rejection must not go unhandled before then
      ready.push(isReady.promise);
      done.push(isDone.promise);
      const job: WriterJob = { file, lockPath: join(dir, 'counter.lock'), mode, increments, index };
      c.child.send(job);
    }
    await withTimeout(Promise.all(ready), BUDGET_MS, 'writers ready');
    const t0 = performance.now();
    for (const c of children) c.child.send('go');
    const reports = await withTimeout(Promise.all(done), BUDGET_MS, 'writers done');
    const ms = performance.now() - t0;
    const fd = openSync(file, 'r');
    let final = 0;
    try {
      if (mode === 'own-slot') for (let i = 0; i < writers; i++) final += readAt(fd, 4 * (i + 1));
      else final = readAt(fd, 0);
    } finally {
      closeSync(fd);
    }
    const expected = writers * increments;
    return {
      mode,
      writers,
      expected,
      final,
      lost: expected - final,
      ms,
      contended: reports.reduce((n, r) => n + r.contended, 0),
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
