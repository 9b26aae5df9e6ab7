import { join } from 'node:path';
import { deferred, startChild, summarize, withTimeout } from '@course/runtime';

const BUDGET_MS = 30_000;

export type PayloadKind = 'json number[]' | 'advanced number[]' | 'advanced Float64Array';

export interface IpcCostRow {
  kind: PayloadKind;
  /** Numbers in the payload. */
  count: number;
  /** Bytes of the numbers themselves (8 per double). */
  bytes: number;
  /** Median round trip, parent -> child -> parent. */
  medianMs: number;
  /** Fastest round trip: the least noisy estimate of the cost itself on a busy machine. */
  minMs: number;
}

/**
 * Measure the round trip of one message to a child and back, by payload size and serialization.
 * Nothing is shared: each way the payload is serialized, copied through a pipe and rebuilt, so the
 * cost grows with the size. 'advanced' (V8's structured clone) copies a Float64Array as raw bytes;
 * JSON has to print and parse every number as text.
 *
 * @example
 * const rows = await ipcCost([100, 10_000], 5);
 */
export async function ipcCost(counts: readonly number[], repetitions: number): Promise<IpcCostRow[]> {
  const rows: IpcCostRow[] = [];
  for (const serialization of ['json', 'advanced'] as const) {
    const c = startChild(join(__dirname, 'echo-child.ts'), { stdio: 'pipe', serialization });
    try {
      let answer = deferred<void>();
      c.child.on('message', () => answer.resolve());
      await withTimeout(answer.promise, BUDGET_MS, 'echo-child ready');
      const roundTrip = async (payload: unknown) => {
        answer = deferred<void>();
        const t0 = performance.now();
        c.child.send({ payload });
        await withTimeout(answer.promise, BUDGET_MS, 'echo round trip');
        return performance.now() - t0;
      };
      const kinds: PayloadKind[] =
        serialization === 'json' ? ['json number[]'] : ['advanced number[]', 'advanced Float64Array'];
      for (const kind of kinds) {
        for (const count of counts) {
          const numbers = Array.from({ length: count }, (_, i) => i * 1.5);
          const payload = kind === 'advanced Float64Array' ? Float64Array.from(numbers) : numbers;
          await roundTrip(payload); // warm-up
          const samples: number[] = [];
          for (let i = 0; i < repetitions; i++) samples.push(await roundTrip(payload));
          const { median, min } = summarize(samples);
          rows.push({ kind, count, bytes: count * 8, medianMs: median, minMs: min });
        }
      }
    } finally {
      await c.stop();
    }
  }
  return rows;
}
