import { join } from 'node:path';
import { runWorker } from '@course/runtime';
import type { CountResult } from './count-own-slot';

/** Where the two counters sit: side by side (4 bytes apart, one cache line) or 128 bytes apart. */
export type Placement = 'same line' | 'padded';

/** 128 bytes: two 64-byte lines, so the adjacent-line prefetcher of x86 cores does not pair them either. */
export const PADDED_GAP_BYTES = 128;

export interface PlacementRun {
  placement: Placement;
  /** The slower of the two threads, per repetition. */
  ms: number[];
  /** Share of samples in which the partner's counter moved (1 = always running together). */
  together: number;
}

export interface FalseSharingResult {
  iterations: number;
  sameLine: PlacementRun;
  padded: PlacementRun;
  /** median(same line) / median(padded). */
  ratio: number;
  /** The lower of the two placements' `together` shares. */
  together: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One run of both workers with the counters at `placement`: the slower thread's time and the overlap samples. */
export async function runPlacement(placement: Placement, iterations: number, signal?: AbortSignal) {
  const gapWords = placement === 'same line' ? 1 : PADDED_GAP_BYTES / 4;
  const startLine = 2 * PADDED_GAP_BYTES; // its own line, far from both counters
  const sab = new SharedArrayBuffer(4 * (startLine + 16));
  // Slot 16 (byte 64) starts a line on any 64-byte-aligned buffer, so "same line" really is one line.
  const slots = [16, 16 + gapWords];
  const file = join(__dirname, 'count-worker.ts');
  const results = await Promise.all(
    [0, 1].map((k) =>
      runWorker<CountResult>(file, {
        workerData: { sab, slot: slots[k], partnerSlot: slots[1 - k], startLine, iterations },
        signal,
        timeoutMs: 120_000,
      }),
    ),
  );
  const counted = new Int32Array(sab);
  for (const s of slots) {
    if (counted[s] !== iterations)
      throw new Error(`counter at ${s} is ${counted[s]}, expected ${iterations}`);
  }
  return {
    ms: Math.max(...results.map((r) => r.ms)),
    samples: results.reduce((n, r) => n + r.samples, 0),
    moved: results.reduce((n, r) => n + r.partnerMoved, 0),
  };
}

/**
 * False sharing, measured: two workers each increment their OWN counter, nothing is shared in the
 * program's logic, yet when the two counters share a 64-byte cache line every increment drags the
 * line from one core to the other. The same run with the counters 128 bytes apart is the baseline.
 * Placements alternate (same, padded, same, …) so a change in the machine's load hits both alike.
 *
 * @example
 * const r = await measureFalseSharing({ iterations: 5_000_000, repetitions: 3 });
 * r.ratio;    // several × on two free cores
 * r.together; // ~1 there; ~0 on one core, where the ratio is ~1 and says nothing
 */
export async function measureFalseSharing({
  iterations,
  repetitions,
  signal,
}: {
  iterations: number;
  repetitions: number;
  signal?: AbortSignal;
}): Promise<FalseSharingResult> {
  const runs = {
    'same line': [] as Awaited<ReturnType<typeof runPlacement>>[],
    padded: [] as Awaited<ReturnType<typeof runPlacement>>[],
  };
  for (let i = 0; i < repetitions; i++) {
    for (const p of ['same line', 'padded'] as const) runs[p].push(await runPlacement(p, iterations, signal));
  }
  const summary = (placement: Placement): PlacementRun => {
    const rs = runs[placement];
    const samples = rs.reduce((n, r) => n + r.samples, 0);
    return {
      placement,
      ms: rs.map((r) => r.ms),
      together: samples === 0 ? 0 : rs.reduce((n, r) => n + r.moved, 0) / samples,
    };
  };
  const sameLine = summary('same line');
  const padded = summary('padded');
  return {
    iterations,
    sameLine,
    padded,
    ratio: median(sameLine.ms) / median(padded.ms),
    together: Math.min(sameLine.together, padded.together),
  };
}
