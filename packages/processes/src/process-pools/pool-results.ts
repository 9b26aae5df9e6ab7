import type { RunOptions, TaskPool } from '@course/runtime';

/**
 * Run every input on any TaskPool (processes, threads...) and resolve with the results in input
 * order; rejects with the first failure (the other tasks still run to completion in the pool).
 *
 * @example
 * const counts = await mapInOrder(pool, [[0, 1e5], [1e5, 2e5]]);
 */
export function mapInOrder<In, Out>(
  pool: TaskPool<In, Out>,
  inputs: readonly In[],
  options?: RunOptions,
): Promise<Out[]> {
  return Promise.all(inputs.map((input) => pool.run(input, options)));
}

/**
 * Run every input on any TaskPool and yield each result as soon as it is done, with its index:
 * fast tasks are not held back behind a slow first one. A failure is thrown from the iterator.
 *
 * @example
 * for await (const { index, value } of asCompleted(pool, ranges)) console.log(index, value);
 */
export async function* asCompleted<In, Out>(
  pool: TaskPool<In, Out>,
  inputs: readonly In[],
  options?: RunOptions,
): AsyncGenerator<{ index: number; input: In; value: Out }> {
  type Settled =
    | { index: number; input: In; ok: true; value: Out }
    | { index: number; input: In; ok: false; error: unknown };
  // Wrapped so that a failure never becomes an unhandled rejection while we wait on the others.
  const pending = new Map<number, Promise<Settled>>();
  for (const [index, input] of inputs.entries()) {
    pending.set(
      index,
      pool.run(input, options).then(
        (value): Settled => ({ index, input, ok: true, value }),
        (error: unknown): Settled => ({ index, input, ok: false, error }),
      ),
    );
  }
  while (pending.size > 0) {
    const next = await Promise.race(pending.values());
    pending.delete(next.index);
    if (!next.ok) throw next.error;
    yield { index: next.index, input: next.input, value: next.value };
  }
}
