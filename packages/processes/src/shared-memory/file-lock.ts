import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';

// Sleeping without a timer: Atomics.wait blocks this thread for a fraction of a millisecond. Fine in
// a writer child that has nothing else to do; never do this on a server's main thread.
const nap = new Int32Array(new SharedArrayBuffer(4));

/**
 * A mutual-exclusion lock between processes, built on one atomic file-system operation: opening
 * with O_CREAT|O_EXCL (`'wx'`) creates the lock file only if it does not exist, and the kernel
 * guarantees that exactly one of several racing processes succeeds. Release deletes the file.
 *
 * Warning: a holder that dies without releasing leaves a stale lock and everyone waits forever
 * (a deadlock). The holder's pid is written into the file so an operator, or a smarter lock, can
 * check whether it still lives; `acquire` gives up after `budgetMs` instead of hanging.
 *
 * @example
 * const lock = new FileLock('/tmp/counter.lock');
 * lock.acquire();
 * try { updateTheFile(); } finally { lock.release(); }
 */
export class FileLock {
  /** How many times `acquire` found the lock taken (contention, for the lesson's table). */
  contended = 0;

  constructor(
    readonly path: string,
    private readonly budgetMs = 10_000,
  ) {}

  acquire(): void {
    const started = Date.now();
    for (;;) {
      try {
        const fd = openSync(this.path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      this.contended++;
      if (Date.now() - started > this.budgetMs) {
        throw new Error(
          `FileLock: ${this.path} still held after ${this.budgetMs} ms (a stale lock from a dead holder?)`,
        );
      }
      Atomics.wait(nap, 0, 0, 0.05);
    }
  }

  release(): void {
    unlinkSync(this.path);
  }
}
