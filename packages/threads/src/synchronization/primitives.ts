import { join } from 'node:path';
import { BARRIER, CONDITION, LOCKS, SEMAPHORE } from './layout';
import { startTogether } from './start-together';

const file = (name: string) => join(__dirname, name);
const gateFor = () => new Int32Array(new SharedArrayBuffer(4));

/**
 * `workers` threads each enter a section guarded by a semaphore of `permits`, `rounds` times.
 *
 * @example
 * const { maxInside } = await boundedBySemaphore({ workers: 4, permits: 2, rounds: 20 }); // <= 2
 */
export async function boundedBySemaphore({
  workers,
  permits,
  rounds,
}: {
  workers: number;
  permits: number;
  rounds: number;
}) {
  const sab = new SharedArrayBuffer(SEMAPHORE.slots * 4);
  const cells = new Int32Array(sab);
  Atomics.store(cells, SEMAPHORE.permits, permits);
  const gate = gateFor();
  const data = Array.from({ length: workers }, () => ({ sab, rounds, gate: gate.buffer }));
  const started = await startTogether(file('semaphore-worker.ts'), data, gate, 0);
  await started.results('the semaphore workers to finish');
  return {
    permits,
    maxInside: Atomics.load(cells, SEMAPHORE.maxInside),
    entries: Atomics.load(cells, SEMAPHORE.entries),
    permitsLeft: Atomics.load(cells, SEMAPHORE.permits),
  };
}

/** `parties` workers meet at a barrier `rounds` times; returns what each saw after each meeting. */
export async function meetAtBarrier({ parties, rounds }: { parties: number; rounds: number }) {
  const sab = new SharedArrayBuffer(BARRIER.slots * 4);
  const data = Array.from({ length: parties }, () => ({ sab, parties, rounds }));
  // No gate: the barrier itself lines the workers up.
  const started = await startTogether<number[]>(file('barrier-worker.ts'), data, gateFor(), 0);
  return { parties, rounds, seen: await started.results('the barrier workers to finish') };
}

/**
 * A waiter and a setter share a condition variable; `waiterFirst` picks who starts first. Either
 * way the waiter must see the setter's value: no lost wake-up, no stale read.
 */
export async function waitForCondition({ waiterFirst }: { waiterFirst: boolean }) {
  const sab = new SharedArrayBuffer(CONDITION.slots * 4);
  const start = (role: 'waiter' | 'setter') =>
    startTogether<number>(file('condition-worker.ts'), [{ sab, role }], gateFor(), 0);
  const first = await start(waiterFirst ? 'waiter' : 'setter');
  const second = await start(waiterFirst ? 'setter' : 'waiter');
  const [[a], [b]] = await Promise.all([
    first.results('the first condition worker'),
    second.results('the second condition worker'),
  ]);
  return { waiterFirst, waiterSaw: waiterFirst ? a : b, setterSaw: waiterFirst ? b : a };
}

/**
 * Two workers take locks A and B. `ordered: false`: one takes A then B, the other B then A, and
 * both meet while holding their first lock — a certain deadlock, detected by a lock timeout.
 * `ordered: true`: both take A then B (one global order), so it cannot happen.
 */
export async function twoLocks({
  ordered,
  rounds,
  timeoutMs,
}: {
  ordered: boolean;
  rounds: number;
  timeoutMs: number;
}) {
  const sab = new SharedArrayBuffer(LOCKS.slots * 4);
  const data = [
    { sab, first: 'a', second: 'b', timeoutMs, meetHoldingFirst: !ordered, rounds },
    ordered
      ? { sab, first: 'a', second: 'b', timeoutMs, meetHoldingFirst: false, rounds }
      : { sab, first: 'b', second: 'a', timeoutMs, meetHoldingFirst: true, rounds },
  ];
  const started = await startTogether<{ completed: number; timedOut: number }>(
    file('lock-order-worker.ts'),
    data,
    gateFor(),
    0,
  );
  const results = await started.results('the lock workers to finish');
  return {
    ordered,
    completed: results.reduce((a, r) => a + r.completed, 0),
    timedOut: results.reduce((a, r) => a + r.timedOut, 0),
  };
}
