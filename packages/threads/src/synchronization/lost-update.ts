import { join } from 'node:path';
import { COUNTER } from './layout';
import { startTogether } from './start-together';

export type IncrementMode = 'plain' | 'atomic' | 'mutex';

/**
 * `workers` threads each add 1 to one shared counter `iterations` times: with a plain `++`
 * (updates get lost), with `Atomics.add`, or with `++` under a `Mutex` (none lost).
 *
 * @example
 * const { expected, final, lost } = await sharedCounter({ workers: 2, iterations: 1e6, mode: 'plain' });
 */
export async function sharedCounter({
  workers,
  iterations,
  mode,
}: {
  workers: number;
  iterations: number;
  mode: IncrementMode;
}) {
  const sab = new SharedArrayBuffer(COUNTER.slots * Int32Array.BYTES_PER_ELEMENT);
  const cells = new Int32Array(sab);
  const data = Array.from({ length: workers }, () => ({ sab, iterations, mode }));
  const t0 = performance.now();
  const started = await startTogether<'done'>(
    join(__dirname, 'increment-worker.ts'),
    data,
    cells,
    COUNTER.gate,
  );
  await started.results(`the ${mode} increment workers to finish`);
  const expected = workers * iterations;
  const final = Atomics.load(cells, COUNTER.value);
  return { mode, expected, final, lost: expected - final, ms: performance.now() - t0 };
}
