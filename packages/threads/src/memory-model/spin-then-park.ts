/** `Atomics.pause` (a CPU hint for spin loops) where the running Node has it: 24 does, 20 and 22 do not. */
const pause: (() => void) | undefined = (Atomics as unknown as { pause?: () => void }).pause?.bind(Atomics);

/** Whether this Node has `Atomics.pause`; narrated, never assumed. */
export const hasAtomicsPause = pause !== undefined;

/** How a wait ended: the value changed while spinning, or the thread had to park in `Atomics.wait`. */
export type WaitOutcome = 'spun' | 'parked';

/**
 * Wait while `cells[index] === value`: first spin up to `spins` times re-reading it (cheap when the
 * other thread is running on another core and about to write), then park in `Atomics.wait` so a
 * thread that has no partner running (one core, or a long wait) stops burning its time slice.
 * `spins = 0` is park-only. Throws after `budgetMs`: no wait in the course is unbounded.
 *
 * Hazard: a spin without a bound on one core spends the whole time slice the partner needs to make
 * progress; the bound is what keeps spin-then-park safe there.
 */
export function waitWhileEqual(
  cells: Int32Array,
  index: number,
  value: number,
  spins: number,
  budgetMs: number,
): WaitOutcome {
  for (let i = 0; i < spins; i++) {
    if (Atomics.load(cells, index) !== value) return 'spun';
    pause?.();
  }
  const deadline = Date.now() + budgetMs;
  while (Atomics.load(cells, index) === value) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`waitWhileEqual: cell ${index} stayed ${value} for ${budgetMs} ms`);
    Atomics.wait(cells, index, value, left);
  }
  return 'parked';
}
