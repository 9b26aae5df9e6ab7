import { deferred } from '@course/runtime';

export interface CombinatorResults {
  /** `Promise.all`: fulfils with every value in input order, or rejects with the FIRST rejection. */
  allFulfilled: string[];
  allRejected: string;
  /** Whether the other operations were still running when `Promise.all` had already rejected. */
  othersStillPendingAfterAllRejected: boolean;
  /** `Promise.allSettled`: never rejects; one status per input. */
  allSettled: Array<{ status: string; value?: string; reason?: string }>;
  /** `Promise.race`: settles like the first input to settle, even if that is a rejection. */
  race: string;
  /** `Promise.any`: the first fulfilment; an AggregateError only if every input rejects. */
  any: string;
  anyAllRejected: { name: string; errors: string[] };
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The four combinators on hand-settled promises (deferreds), so the order of events is chosen,
 * not raced: which settles first is decided by the order of `resolve`/`reject` calls below.
 *
 * @example
 * (await combinators()).race; // 'rejected: b failed' — race does not wait for a success
 */
export async function combinators(): Promise<CombinatorResults> {
  const a = deferred<string>();
  const b = deferred<string>();
  const all = Promise.all([a.promise, b.promise]);
  a.resolve('a');
  b.resolve('b');
  const allFulfilled = await all;

  const slow = deferred<string>();
  const failing = deferred<string>();
  let slowSettled = false;
  slow.promise.then(() => (slowSettled = true));
  const allRejectedP = Promise.all([slow.promise, failing.promise]).then(() => 'fulfilled', reasonOf);
  failing.reject(new Error('b failed'));
  const allRejected = await allRejectedP;
  const othersStillPendingAfterAllRejected = !slowSettled;
  slow.resolve('late'); // Promise.all does not cancel anything: the slow one still finishes

  const s1 = deferred<string>();
  const s2 = deferred<string>();
  const settledP = Promise.allSettled([s1.promise, s2.promise]);
  s2.reject(new Error('s2 failed'));
  s1.resolve('s1');
  const allSettled = (await settledP).map((r) =>
    r.status === 'fulfilled'
      ? { status: r.status, value: r.value }
      : { status: r.status, reason: reasonOf(r.reason) },
  );

  const r1 = deferred<string>();
  const r2 = deferred<string>();
  const raceP = Promise.race([r1.promise, r2.promise]).then(
    (v) => `fulfilled: ${v}`,
    (e) => `rejected: ${reasonOf(e)}`,
  );
  r2.reject(new Error('b failed'));
  r1.resolve('a');
  const race = await raceP;

  const n1 = deferred<string>();
  const n2 = deferred<string>();
  const anyP = Promise.any([n1.promise, n2.promise]);
  n1.reject(new Error('n1 failed'));
  n2.resolve('n2');
  const any = await anyP;

  const anyAllRejected = await Promise.any<string>([
    Promise.reject(new Error('x')),
    Promise.reject(new Error('y')),
  ]).then(
    () => ({ name: 'none', errors: [] as string[] }),
    (e: AggregateError) => ({ name: e.name, errors: e.errors.map(reasonOf) }),
  );
  return {
    allFulfilled,
    allRejected,
    othersStillPendingAfterAllRejected,
    allSettled,
    race,
    any,
    anyAllRejected,
  };
}
