import { spawn } from 'node:child_process';
import { killGroup, trackGroup, untrackGroup } from './process-group';

/**
 * A process spinning one core flat out, beside a verification run: tests that only pass on an idle
 * machine (timing-dependent, racing a sleep) fail here instead of on a learner's busy laptop.
 *
 * @example
 * const hog = startCpuHog();
 * try { await gradeExercise(...); } finally { hog.stop(); }
 */
export function startCpuHog(): { stop(): void } {
  const child = spawn(process.execPath, ['-e', 'for(;;){}'], { detached: true, stdio: 'ignore' });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('Could not start the CPU hog');
  trackGroup(pgid);
  return {
    stop() {
      killGroup(pgid);
      untrackGroup(pgid);
    },
  };
}
