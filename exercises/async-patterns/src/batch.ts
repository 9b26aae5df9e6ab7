/** What `runBatch` hands back: every item lands in exactly one of the two lists, in input order. */
export interface BatchReport<I, O> {
  succeeded: Array<{ item: I; value: O }>;
  failed: Array<{ item: I; error: unknown }>;
}

/**
 * Task 3. Run `work` for every item, all at once, and report every outcome: the `Promise.allSettled`
 * way. Never rejects, even when every item fails; a `work` that throws before returning a promise is
 * that item's failure. Both lists keep the order of `items`, whatever order the work finishes in.
 *
 * @example
 * const { succeeded, failed } = await runBatch(userIds, (id) => sendInvoice(id));
 * for (const f of failed) console.error(`invoice for ${f.item} failed:`, f.error);
 */
export async function runBatch<I, O>(
  items: readonly I[],
  work: (item: I) => Promise<O>,
): Promise<BatchReport<I, O>> {
  throw new Error(`Not implemented yet: runBatch(${items.length} items, ${work.name || 'work'}) (Task 3)`);
}

/**
 * Task 3. Run `work` for every item, all at once, the `Promise.all` way: resolve with the values in
 * input order, or reject with the first failure *in time* the moment it happens. Then the other
 * items' work is pointless: abort the signal each one was given (with the failure as the reason) so
 * it can stop. On success no signal is aborted.
 *
 * @example
 * const [user, orders] = await failFast(['user', 'orders'], (what, signal) => load(what, { signal }));
 */
export async function failFast<I, O>(
  items: readonly I[],
  work: (item: I, signal: AbortSignal) => Promise<O>,
): Promise<O[]> {
  throw new Error(`Not implemented yet: failFast(${items.length} items, ${work.name || 'work'}) (Task 3)`);
}
