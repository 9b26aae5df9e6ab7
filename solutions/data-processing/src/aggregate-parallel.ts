import { join } from 'node:path';
import { abortError, isAbortError, runWorker } from '@course/runtime';
import { mergePartials } from './results';
import { splitRanges } from './split-ranges';
import type { ParallelAggregation, ParallelOptions, RangeMessage, RangeTask } from './types';

const RANGE_WORKER = join(__dirname, 'range-worker.ts');

/**
 * Aggregate `file` on a pool of worker threads: the file is cut into line-aligned ranges, one per
 * worker, every worker streams its own range from disk, and the partial results are merged in file
 * order (so line numbers in errors are those of the whole file).
 *
 * Workers share no memory here: each opens the file itself, and only the small partial results
 * (a few hundred stations) are structured-cloned back. All of them are started before any is
 * awaited; awaiting each in turn would run them one after another.
 *
 * Aborting `signal` terminates every worker and rejects with an AbortError; when one worker fails,
 * the others are terminated too. Either way no worker is left running when the promise settles.
 *
 * @example
 * const result = await aggregateParallel('/data/m.txt', { workers: 2, mode: 'lenient' });
 * result.chunks.map((c) => c.threadId); // [1, 2]
 */
export async function aggregateParallel(
  file: string,
  options: ParallelOptions = {},
): Promise<ParallelAggregation> {
  const { workers = 2, mode = 'strict', signal, timeoutMs = 120_000, onWorkersStarted } = options;
  if (!Number.isInteger(workers) || workers < 1)
    throw new Error(`workers must be a whole number >= 1, got ${workers}`);
  if (signal?.aborted) throw abortError(`Aggregating ${file}`, signal.reason);

  const ranges = splitRanges(file, workers);
  // Our own "stop the others" switch, joined with the caller's signal: runWorker terminates on either.
  const stopOthers = new AbortController();
  const stop = signal ? AbortSignal.any([signal, stopOthers.signal]) : stopOthers.signal;
  const runs = ranges.map((range) => {
    const task: RangeTask = { file, range, options: { mode } };
    return runWorker<RangeMessage>(RANGE_WORKER, {
      workerData: task,
      signal: stop,
      timeoutMs,
      name: `range ${range.start}..${range.end}`,
    });
  });
  onWorkersStarted?.();
  for (const run of runs) run.catch(() => stopOthers.abort()); // one failure ends the rest now

  // allSettled, not all: reject only once EVERY worker has ended, so nothing outlives the call.
  const settled = await Promise.allSettled(runs);
  if (signal?.aborted) throw abortError(`Aggregating ${file}`, signal.reason);
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length) throw failures.find((e) => !isAbortError(e)) ?? failures[0];

  const messages = settled.map((s) => (s as PromiseFulfilledResult<RangeMessage>).value);
  const result = mergePartials(
    messages.map((m) => m.partial),
    file,
    mode,
  );
  const chunks = messages.map((m, i) => ({
    range: ranges[i]!,
    threadId: m.threadId,
    rows: m.partial.rows,
    busy: m.busy,
  }));
  return { ...result, chunks };
}
