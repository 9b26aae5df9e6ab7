import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { deferred, startChild, withTimeout } from '@course/runtime';
import { isAlive, waitForPidExit } from './pid-alive';

const BUDGET_MS = 15_000;

export interface OrphanReport {
  childAliveBeforeKill: boolean;
  /** How long the grandchild took to exit after its parent was SIGKILLed. */
  childExitedAfterMs: number;
}

/**
 * Kill a parent with SIGKILL (no clean-up code runs) and watch its forked child go too. Nothing in
 * the OS does that for us: the child survives as an orphan unless it watches its IPC channel. The
 * runtime preloads a guard into every forked child that exits when the channel closes.
 */
export async function parentKilledChildFollows(): Promise<OrphanReport> {
  const parent = startChild(join(__dirname, 'parent-with-child.ts'), { stdio: 'pipe' });
  let childPid = 0;
  try {
    const reported = deferred<number>();
    parent.child.once('message', (m: { childPid: number }) => reported.resolve(m.childPid));
    void parent.exited.then(() =>
      reported.reject(new Error(`parent-with-child exited early: ${parent.stderrTail()}`)),
    );
    childPid = await withTimeout(reported.promise, BUDGET_MS, 'parent reports its child');
    const childAliveBeforeKill = isAlive(childPid);
    parent.child.kill('SIGKILL');
    await withTimeout(parent.exited, BUDGET_MS, 'parent exit');
    const childExitedAfterMs = await waitForPidExit(childPid, 5_000);
    return { childAliveBeforeKill, childExitedAfterMs };
  } finally {
    await parent.stop(0);
    if (childPid && isAlive(childPid)) process.kill(childPid, 'SIGKILL');
  }
}

export interface GroupReport {
  /** After killing only the shell, its background `sleep` was still running (an orphan). */
  grandchildSurvivedLeaderKill: boolean;
  /** After `process.kill(-pgid)`, it was gone. */
  grandchildGoneAfterGroupKill: boolean;
}

/**
 * A spawned command can start processes of its own (`sh -c 'sleep 30 & ...'`); killing the pid we
 * know ends only the shell and orphans the rest. `detached: true` makes the child the leader of a new
 * process group, and `process.kill(-pid, signal)` signals the whole group: the way to end a tree.
 */
export async function processGroupKill(): Promise<GroupReport> {
  const shell = spawn('sh', ['-c', 'sleep 30 & echo $!; wait'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const pgid = shell.pid;
  if (pgid === undefined) throw new Error('could not spawn sh');
  const shellExited = new Promise<void>((resolve) => shell.once('exit', () => resolve()));
  let grandchild = 0;
  try {
    const pid = deferred<number>();
    shell.stdout.setEncoding('utf8');
    shell.stdout.once('data', (line: string) => pid.resolve(Number.parseInt(line, 10)));
    grandchild = await withTimeout(pid.promise, BUDGET_MS, 'sh reports its background sleep');
    process.kill(pgid, 'SIGKILL'); // the leader only
    await withTimeout(shellExited, BUDGET_MS, 'sh exit');
    const grandchildSurvivedLeaderKill = isAlive(grandchild);
    process.kill(-pgid, 'SIGKILL'); // the group: everything the shell started
    await waitForPidExit(grandchild, 5_000);
    return { grandchildSurvivedLeaderKill, grandchildGoneAfterGroupKill: !isAlive(grandchild) };
  } finally {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // The group is already empty: nothing left to end.
    }
  }
}
