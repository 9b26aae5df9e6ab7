import cluster, { type Worker } from 'node:cluster';

/** Primary -> parent messages. */
export type PrimaryEvent =
  | { type: 'up'; port: number; pids: number[] }
  | { type: 'restarted'; oldPid: number; newPid: number; code: number | null; signal: string | null };

/** Parent -> primary commands. */
export type PrimaryCommand = { type: 'kill'; pid: number } | { type: 'shutdown' };

/**
 * The primary's job: fork `count` workers that share one listening socket (round-robin scheduling:
 * the primary accepts each connection and hands it to the next worker), report the port, and replace
 * any worker that dies unless we are shutting down.
 */
export function runPrimary(workerFile: string, count: number): void {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`cluster-primary: workers must be >= 1, got ${count}`);
  cluster.schedulingPolicy = cluster.SCHED_RR;
  cluster.setupPrimary({ exec: workerFile, execArgv: ['--enable-source-maps'] });
  const send = (e: PrimaryEvent) => process.send?.(e);
  let shuttingDown = false;
  let port = 0;
  const listening = new Set<number>();
  // Our own count of live workers: cluster.workers keeps a worker that exits while still connected.
  const alive = new Set<Worker>();

  const fork = (): Worker => {
    const w = cluster.fork();
    alive.add(w);
    w.once('listening', (address) => {
      port = address.port;
      listening.add(w.process.pid ?? 0);
      if (listening.size === count && !sentUp) {
        sentUp = true;
        send({ type: 'up', port, pids: [...listening] });
      }
    });
    return w;
  };
  let sentUp = false;

  cluster.on('exit', (dead, code, signal) => {
    const oldPid = dead.process.pid ?? 0;
    listening.delete(oldPid);
    alive.delete(dead);
    if (shuttingDown) {
      if (alive.size === 0) process.exit(0);
      return;
    }
    // Self-healing: a dead worker is replaced; the parent hears about it once the new one listens.
    const replacement = fork();
    replacement.once('listening', () =>
      send({ type: 'restarted', oldPid, newPid: replacement.process.pid ?? 0, code, signal }),
    );
  });

  process.on('message', (m: PrimaryCommand) => {
    if (m.type === 'kill') {
      for (const w of Object.values(cluster.workers ?? {}))
        if (w?.process.pid === m.pid) w.process.kill('SIGKILL');
    } else if (m.type === 'shutdown') {
      shuttingDown = true;
      if (alive.size === 0) process.exit(0);
      for (const w of alive) w.process.kill('SIGTERM');
    }
  });

  for (let i = 0; i < count; i++) fork();
}
