import { join } from 'node:path';
import { deferred, startChild, withTimeout } from '@course/runtime';

export interface DaemonDemo {
  /** How the process with an unref()ed worker ended: by itself, code 0. */
  unrefExit: { code: number | null; signal: string | null };
  /** Whether the process with a normal (ref'd) worker was still running once the other had exited and `graceMs` more had passed. */
  refStillRunning: boolean;
}

/**
 * worker.unref() is the daemon-thread counterpart: two processes each start a worker that spins
 * forever and then have nothing left to do. The one whose worker is unref()ed exits on its own (the
 * worker dies with it); the other is kept alive by its worker until we stop it.
 */
export async function daemonDemo(graceMs = 1_000): Promise<DaemonDemo> {
  const file = join(__dirname, 'daemon-child.ts');
  const ref = startChild(file, { stdio: 'ignore' });
  const daemon = startChild(file, { args: ['--unref'], stdio: 'ignore' });
  try {
    const started = (c: typeof ref) => {
      const d = deferred<void>();
      c.child.once('message', () => d.resolve());
      return withTimeout(d.promise, 15_000, 'the child reports its worker running');
    };
    await Promise.all([started(ref), started(daemon)]);
    const unrefExit = await withTimeout(daemon.exited, 15_000, 'the process with an unref()ed worker exits');
    // The ref'd one has had the same time, plus a grace period, to exit by itself; it cannot.
    const exitedByItself = await Promise.race([
      ref.exited.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), graceMs).unref()),
    ]);
    return { unrefExit, refStillRunning: !exitedByItself };
  } finally {
    await Promise.all([ref.stop(500), daemon.stop(500)]);
  }
}
