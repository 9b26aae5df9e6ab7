/** What `runBatch` hands back: every item lands in exactly one of the two lists, in input order. */
export interface BatchReport<I, O> {
  succeeded: Array<{ item: I; value: O }>;
  failed: Array<{ item: I; error: unknown }>;
}

/** Call `work` so that a synchronous throw becomes a rejection instead of escaping the caller. */
function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * Task 3 (reference). Start every item before awaiting any (the map runs synchronously), then let
 * allSettled wait for all of them; its results are in input order by construction.
 */
export async function runBatch<I, O>(
  items: readonly I[],
  work: (item: I) => Promise<O>,
): Promise<BatchReport<I, O>> {
  const outcomes = await Promise.allSettled(items.map((item) => work(item)));
  const report: BatchReport<I, O> = { succeeded: [], failed: [] };
  outcomes.forEach((outcome, i) => {
    const item = items[i] as I;
    if (outcome.status === 'fulfilled') report.succeeded.push({ item, value: outcome.value });
    else report.failed.push({ item, error: outcome.reason });
  });
  return report;
}

/**
 * Task 3 (reference). One controller per item, so the first failure can abort the rest; Promise.all
 * already rejects with the first failure in time and keeps the input order on success.
 */
export async function failFast<I, O>(
  items: readonly I[],
  work: (item: I, signal: AbortSignal) => Promise<O>,
): Promise<O[]> {
  const controllers = items.map(() => new AbortController());
  try {
    return await Promise.all(items.map((item, i) => attempt(() => work(item, controllers[i]!.signal))));
  } catch (err) {
    for (const c of controllers) c.abort(err);
    throw err;
  }
}
