/** `Atomics.waitAsync` (Node >= 16) is in TypeScript's ES2024 lib; this project compiles against ES2023. */
export type WaitAsync = (
  cells: Int32Array,
  index: number,
  value: number,
  timeoutMs?: number,
) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };

/**
 * `Atomics.waitAsync`, typed: wait for `cells[index]` to change from `value` without blocking the
 * event loop (the main thread's way to wait on shared memory).
 *
 * @example
 * const r = waitAsync(cells, 0, 0, 5_000);
 * const outcome = r.async ? await r.value : r.value; // 'ok' | 'timed-out' | 'not-equal'
 */
export const waitAsync: WaitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
