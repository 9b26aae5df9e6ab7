import { spawn } from 'node:child_process';
import { newRunMarker, type RunProcesses, sweep, trackRun, untrackRun } from './process-group';

/**
 * A process spinning one core flat out, beside a verification run: tests that only pass on an idle
 * machine (timing-dependent, racing a sleep) fail here instead of on a learner's busy laptop.
 *
 * @example
 * const hog = startCpuHog();
 * try { await gradeExercise(...); } finally { hog.stop(); }
 */
export function startCpuHog(): { stop(): void } {
  const marker = newRunMarker();
  const child = spawn(process.execPath, ['-e', 'for(;;){}'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, [marker]: '1' },
  });
  if (child.pid === undefined) throw new Error('Could not start the CPU hog');
  const run: RunProcesses = { pgid: child.pid, marker };
  trackRun(run);
  return {
    stop() {
      sweep(run);
      untrackRun(run);
    },
  };
}
