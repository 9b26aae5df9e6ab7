import { join } from 'node:path';
import { type ChildHandle, deferred, runnableEntry, startChild, withTimeout } from '@course/runtime';
import type { PrimaryCommand, PrimaryEvent } from './cluster-control';

const BUDGET_MS = 20_000;

export interface ClusterSession {
  port: number;
  /** Pids of the workers that were listening when the cluster came up. */
  pids: number[];
  primaryPid: number;
  /** SIGKILL one worker; resolves when the primary reports its replacement listening. */
  killWorker(pid: number): Promise<Extract<PrimaryEvent, { type: 'restarted' }>>;
  /** Shut the cluster down: workers first, then the primary. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Start an HTTP cluster of `workers` processes on 127.0.0.1, its primary being a child of this
 * process (so a test or a lesson never turns itself into a cluster primary), and wait until every
 * worker listens.
 *
 * @example
 * const c = await startCluster(2);
 * const counts = await loadRun(c.port, { requests: 50, concurrency: 4 });
 * await c.stop();
 */
export async function startCluster(workers: number): Promise<ClusterSession> {
  // Cluster workers are forked by the primary, not by the runtime: hand it a plain .js entry.
  const workerJs = runnableEntry(join(__dirname, 'cluster-worker.ts'));
  const primary: ChildHandle = startChild(join(__dirname, 'cluster-primary.ts'), {
    args: [workerJs, String(workers)],
    stdio: 'pipe',
  });
  const up = deferred<Extract<PrimaryEvent, { type: 'up' }>>();
  let restarted = deferred<Extract<PrimaryEvent, { type: 'restarted' }>>();
  primary.child.on('message', (e: PrimaryEvent) => (e.type === 'up' ? up.resolve(e) : restarted.resolve(e)));
  void primary.exited.then((s) => {
    const err = new Error(`cluster primary exited (${JSON.stringify(s)}): ${primary.stderrTail()}`);
    up.reject(err);
    restarted.reject(err);
  });
  restarted.promise.catch(() => {}); // only awaited after a killWorker()
  const command = (c: PrimaryCommand) => primary.child.connected && primary.child.send(c);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      command({ type: 'shutdown' });
      // The primary exits once its workers are gone; if it does not, stop() escalates to SIGKILL.
      const ended = await Promise.race([
        primary.exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(r, 5_000, false).unref()),
      ]);
      if (!ended) await primary.stop(1_000);
    })();
    return stopping;
  };
  try {
    const { port, pids } = await withTimeout(up.promise, BUDGET_MS, 'cluster workers listening');
    return {
      port,
      pids,
      primaryPid: primary.pid,
      killWorker: async (pid) => {
        restarted = deferred();
        restarted.promise.catch(() => {});
        command({ type: 'kill', pid });
        return withTimeout(restarted.promise, BUDGET_MS, `replacement for worker ${pid}`);
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
