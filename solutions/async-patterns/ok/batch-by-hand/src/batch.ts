/** What `runBatch` hands back: every item lands in exactly one of the two lists, in input order. */
export interface BatchReport<I, O> {
  succeeded: Array<{ item: I; value: O }>;
  failed: Array<{ item: I; error: unknown }>;
}

type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

/** An alternative: outcomes stored by index, resolved when the last item settles. */
export function runBatch<I, O>(
  items: readonly I[],
  work: (item: I) => Promise<O>,
): Promise<BatchReport<I, O>> {
  return new Promise((resolve) => {
    const outcomes: Outcome<O>[] = new Array(items.length);
    let pending = items.length;
    const finish = () => {
      const report: BatchReport<I, O> = { succeeded: [], failed: [] };
      outcomes.forEach((o, i) => {
        const item = items[i] as I;
        if (o.ok) report.succeeded.push({ item, value: o.value });
        else report.failed.push({ item, error: o.error });
      });
      resolve(report);
    };
    if (pending === 0) return finish();
    items.forEach((item, i) => {
      new Promise<O>((res) => res(work(item))).then(
        (value) => {
          outcomes[i] = { ok: true, value };
          if (--pending === 0) finish();
        },
        (error: unknown) => {
          outcomes[i] = { ok: false, error };
          if (--pending === 0) finish();
        },
      );
    });
  });
}

/** An alternative: the first rejection aborts every signal and settles; later outcomes are ignored. */
export function failFast<I, O>(
  items: readonly I[],
  work: (item: I, signal: AbortSignal) => Promise<O>,
): Promise<O[]> {
  const controller = new AbortController(); // one signal shared by all items is enough
  return new Promise<O[]>((resolve, reject) => {
    const values: O[] = new Array(items.length);
    let pending = items.length;
    if (pending === 0) return resolve(values);
    items.forEach((item, i) => {
      new Promise<O>((res) => res(work(item, controller.signal))).then(
        (value) => {
          values[i] = value;
          if (--pending === 0) resolve(values);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          controller.abort(error);
          reject(error);
        },
      );
    });
  });
}
