export interface SabJob {
  /** [0] the counter, [1] the start gate (0 closed, 1 open). */
  sab: SharedArrayBuffer;
  increments: number;
  atomic: boolean;
}

/**
 * What one thread does: wait at the gate (so all threads start together), then increment the shared
 * counter. `Atomics.add` is one indivisible read-modify-write; `view[0]++` is a load and a store, and
 * two threads interleaving them lose updates, exactly like the unlocked file writers.
 */
export function incrementShared({ sab, increments, atomic }: SabJob, ready: () => void): void {
  const view = new Int32Array(sab);
  ready();
  Atomics.wait(view, 1, 0, 10_000); // the budget: never block forever if the gate is never opened
  if (atomic) for (let i = 0; i < increments; i++) Atomics.add(view, 0, 1);
  else for (let i = 0; i < increments; i++) view[0] = (view[0] ?? 0) + 1;
}
