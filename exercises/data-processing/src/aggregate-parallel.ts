import type { ParallelAggregation, ParallelOptions } from './types';

/**
 * Aggregate `file` on a pool of worker threads: cut it into line-aligned ranges (`splitRanges`),
 * one per worker; start every worker (the runtime's `runWorker` with `range-worker.ts`) before
 * awaiting any; merge the partial results in file order (`mergePartials`). Report each worker's
 * range, thread and busy interval in `chunks`.
 *
 * Task 6: aborting `options.signal` terminates every worker and rejects with an AbortError; no
 * worker may outlive the returned promise, whether it resolves or rejects.
 *
 * @example
 * const result = await aggregateParallel('/data/m.txt', { workers: 2, mode: 'lenient' });
 * result.chunks.map((c) => c.threadId); // [1, 2]
 */
export async function aggregateParallel(
  file: string,
  options: ParallelOptions = {},
): Promise<ParallelAggregation> {
  throw new Error(`Not implemented yet: aggregateParallel(${file}, ${options.workers ?? 2} workers)`);
}
