import { closeSync, openSync } from 'node:fs';
import { incrementAt } from './file-counter';
import { FileLock } from './file-lock';

export type WriterMode = 'unlocked' | 'locked' | 'own-slot';

export interface WriterJob {
  file: string;
  lockPath: string;
  mode: WriterMode;
  increments: number;
  /** This writer's index: its own 4-byte slot in 'own-slot' mode. */
  index: number;
}

/**
 * What one writer process does. 'unlocked' races on the counter at byte 0 (lost updates),
 * 'locked' takes the FileLock around each read-modify-write, 'own-slot' increments only its own
 * 4 bytes (no sharing, so no lock needed; the reader sums the slots).
 */
export function writeAll(job: WriterJob): { contended: number; ms: number } {
  const fd = openSync(job.file, 'r+');
  const lock = new FileLock(job.lockPath);
  const t0 = performance.now();
  try {
    for (let i = 0; i < job.increments; i++) {
      if (job.mode === 'own-slot') incrementAt(fd, 4 * (job.index + 1));
      else if (job.mode === 'unlocked') incrementAt(fd, 0);
      else {
        lock.acquire();
        try {
          incrementAt(fd, 0);
        } finally {
          lock.release();
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return { contended: lock.contended, ms: performance.now() - t0 };
}
