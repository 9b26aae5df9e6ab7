import { type ClusterSession, startCluster } from './cluster-session';
import { loadRun } from './load-run';

export interface ClusterDemoResult {
  workers: number[];
  primaryPid: number;
  /** Responses per worker pid in the first load run. */
  before: Array<[number, number]>;
  restarted: { oldPid: number; newPid: number; signal: string | null };
  after: Array<[number, number]>;
  failed: number;
  requests: number;
}

/**
 * An HTTP server on 127.0.0.1 served by `workers` processes (the cluster module): a bounded load run
 * shows each worker taking a share, then one worker is SIGKILLed, the primary forks a replacement,
 * and a second load run is served by the survivors and the newcomer.
 */
export async function clusterDemo(workers: number, requests: number): Promise<ClusterDemoResult> {
  let session: ClusterSession | undefined;
  try {
    session = await startCluster(workers);
    const first = await loadRun(session.port, { requests, concurrency: 4 });
    const victim = session.pids[0] ?? 0;
    const restarted = await session.killWorker(victim);
    const second = await loadRun(session.port, { requests, concurrency: 4 });
    return {
      workers: session.pids,
      primaryPid: session.primaryPid,
      before: [...first.byPid].sort((a, b) => a[0] - b[0]),
      restarted: { oldPid: restarted.oldPid, newPid: restarted.newPid, signal: restarted.signal },
      after: [...second.byPid].sort((a, b) => a[0] - b[0]),
      failed: first.failed + second.failed,
      requests,
    };
  } finally {
    await session?.stop();
  }
}
