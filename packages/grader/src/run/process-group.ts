import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The processes of one graded run, and how to end every one of them.
 *
 * The grader starts each exercise's test run as the leader of a new process group
 * (`spawn(..., { detached: true })`), so one `kill(-pgid)` ends the test processes, the student's
 * children and grandchildren. But code can leave the group on purpose or by accident: a child
 * started with `detached: true` leads a group of its own, `setsid` starts a new session, a double
 * fork hands a grandchild to PID 1. So every process of a run also carries a marker in its
 * environment (`COURSE_GRADE_RUN_<id>=1`, inherited by everything it starts, across exec, setsid
 * and double forks), and the sweep ends the group plus every process whose environment holds the
 * marker, again and again until none is left (a process may fork while it is being killed).
 *
 * Limit: a descendant started with an explicitly emptied environment AND in a group of its own is
 * not found (it would take a subreaper, which plain Node cannot become). Linux only (/proc); on other
 * systems the group kill still runs.
 */
export interface RunProcesses {
  /** The run's process group (the pid of the process that leads it). */
  pgid: number;
  /** Environment variable name that marks every process of this run. */
  marker: string;
}

/** A fresh marker for a run: put `{ [marker]: '1' }` into the environment of its first process. */
export function newRunMarker(): string {
  return `COURSE_GRADE_RUN_${process.pid}_${randomBytes(6).toString('hex')}`;
}

/** Runs started by this grader and not yet swept: swept if the grader itself exits first. */
const live = new Map<number, RunProcesses>();
let hooked = false;

/** Remember a run so it is swept if the grader exits first (Ctrl-C, crash). */
export function trackRun(run: RunProcesses): void {
  live.set(run.pgid, run);
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      // SIGKILL is delivered asynchronously: on a busy machine a killed process can still be running
      // for a moment after kill() returns. sweep() waits (bounded) until nothing is left, so that when
      // `pnpm grade` returns after Ctrl-C, nothing of the run is left.
      for (const run of live.values()) sweep(run, 3_000);
    });
  }
}

/** How many processes the runs still in progress have (what Ctrl-C is about to stop). */
export function liveRunProcessCount(): number {
  let n = 0;
  for (const run of live.values()) n += runMembers(run).length;
  return n;
}

/** Forget a run that has been swept. */
export function untrackRun(run: RunProcesses): void {
  live.delete(run.pgid);
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

/** One process found by a look at /proc. */
export interface RunMember {
  pid: number;
  command: string;
  /** How it was found: still in the run's group, or only by the marker (it left the group). */
  how: 'group' | 'marker';
}

/**
 * The live processes of a run (zombies excluded: they are dead, only not yet reaped), this
 * process excluded.
 */
export function runMembers(run: RunProcesses): RunMember[] {
  const members: RunMember[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return members; // no /proc (not Linux): the kill(-pgid) still runs
  }
  const needle = `${run.marker}=`;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may contain spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue;
      let how: RunMember['how'] | undefined;
      if (Number(fields[2]) === run.pgid) how = 'group';
      else if (hasVariable(readFileSync(`/proc/${entry}/environ`, 'latin1'), needle)) how = 'marker';
      if (!how) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      members.push({ pid: Number(entry), command, how });
    } catch {
      // the process ended while we looked, or is not ours to read
    }
  }
  return members;
}

function hasVariable(environ: string, needle: string): boolean {
  return environ.startsWith(needle) || environ.includes(`\0${needle}`);
}

/**
 * Kill every process of the run, looking again until none is left or `budgetMs` has passed (this is
 * also an exit path, so it blocks). Returns what was still alive when it gave up (empty: all gone).
 */
export function sweep(run: RunProcesses, budgetMs = 3_000): RunMember[] {
  const deadline = Date.now() + budgetMs;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    killGroup(run.pgid);
    const left = runMembers(run);
    for (const m of left) {
      try {
        process.kill(m.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (left.length === 0) return [];
    if (Date.now() >= deadline) return left;
    Atomics.wait(nap, 0, 0, 10); // a 10 ms pause without spinning
  }
}
