/**
 * Slot numbers in the Int32Array views over the lesson's SharedArrayBuffers. Kept in their own file
 * so worker entries import them without pulling in the runtime.
 */
export const COUNTER = { value: 0, gate: 1, mutex: 2, slots: 3 } as const;
export const SEMAPHORE = { permits: 0, inside: 1, maxInside: 2, entries: 3, slots: 4 } as const;
export const BARRIER = { arrived: 0, count: 1, generation: 2, slots: 3 } as const;
export const CONDITION = { mutex: 0, seq: 1, value: 2, slots: 3 } as const;
export const LOCKS = { a: 0, b: 1, barrierCount: 2, barrierGeneration: 3, slots: 4 } as const;

/** Block a worker until the main thread opens the gate, so all workers start their loops together. */
export function waitAtGate(cells: Int32Array, index: number): void {
  Atomics.wait(cells, index, 0);
}
