import { readFileSync } from 'node:fs';

/**
 * Is process `pid` still running? `kill(pid, 0)` sends no signal, it only asks the kernel.
 *
 * Hazard: an exited child nobody has reaped yet is a zombie; `kill(pid, 0)` still succeeds on it.
 * An orphan is reaped by PID 1, and inside a container PID 1 may never reap, so on Linux we also read
 * /proc/<pid>/stat and count state `Z` (zombie) as gone.
 *
 * @example
 * isAlive(process.pid); // true
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Format: "pid (comm) S ...": the state follows the last ')' (comm may contain spaces or ')').
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/**
 * Wait until `pid` is gone, checking every few ms, for at most `budgetMs`. Resolves with how long it
 * took, or rejects naming the pid and the budget. (A process that is not our child has no 'exit'
 * event to wait on, so polling its pid is the only way; the budget keeps it from waiting forever.)
 *
 * @example
 * await waitForPidExit(orphanPid, 5_000);
 */
export async function waitForPidExit(pid: number, budgetMs: number): Promise<number> {
  const started = performance.now();
  while (isAlive(pid)) {
    if (performance.now() - started > budgetMs)
      throw new Error(`process ${pid} was still alive after ${budgetMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}
