import { readdirSync, readFileSync } from 'node:fs';

/**
 * Process groups: the grader starts each exercise's test run as the leader of a new process group
 * (`spawn(..., { detached: true })`), so everything it starts — test processes, the student's workers'
 * host processes, children, grandchildren — is in that group unless it deliberately leaves it, and one
 * `kill(-pgid)` ends them all. Killing only the vitest process would orphan its children.
 */

/** Groups started by this grader and not yet known to be empty: killed if the grader itself exits. */
const live = new Set<number>();
let hooked = false;

/** Remember a group so it is killed if the grader exits first (Ctrl-C, crash). */
export function trackGroup(pgid: number): void {
  live.add(pgid);
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const g of live) killGroup(g);
      // SIGKILL is delivered asynchronously: on a busy machine a killed process can still be running
      // for a moment after kill() returns. Wait (bounded) until the groups are empty, so that when
      // `pnpm grade` returns after Ctrl-C, nothing of the run is left.
      waitUntilEmpty([...live], 3_000);
    });
  }
}

/** Forget a group that has been emptied. */
export function untrackGroup(pgid: number): void {
  live.delete(pgid);
}

/** SIGKILL every process of the group; true if there was anything to kill. */
export function killGroup(pgid: number): boolean {
  try {
    process.kill(-pgid, 'SIGKILL');
    return true;
  } catch {
    return false; // ESRCH: the group is already empty
  }
}

/** Block (this is an exit path) until every group has no live member, or `budgetMs` has passed. */
export function waitUntilEmpty(pgids: readonly number[], budgetMs: number): boolean {
  const deadline = Date.now() + budgetMs;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    if (pgids.every((g) => groupMembers(g).length === 0)) return true;
    if (Date.now() >= deadline) return false;
    Atomics.wait(nap, 0, 0, 10); // a 10 ms pause without spinning
  }
}

/** The processes still in group `pgid` (Linux /proc), each with its command line. */
export function groupMembers(pgid: number): Array<{ pid: number; command: string }> {
  const members: Array<{ pid: number; command: string }> = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return members; // no /proc (not Linux): the kill(-pgid) still ran
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may contain spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const state = fields[0];
      const pgrp = Number(fields[2]);
      if (pgrp !== pgid || state === 'Z') continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      members.push({ pid: Number(entry), command });
    } catch {
      // the process ended while we looked
    }
  }
  return members;
}
