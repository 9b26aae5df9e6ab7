import { CTRL, type LitmusConfig, regions } from './litmus-layout';
import { waitWhileEqual } from './spin-then-park';

/**
 * Both threads meet here before every round, so they start each round as close together as a spin
 * allows. The last to arrive decides whether the run stops (deadline or rounds used up), then opens
 * the gate. Returns false when the run is over.
 */
function meetAt(ctrl: Int32Array, round: number, c: LitmusConfig, deadline: number): boolean {
  if (Atomics.add(ctrl, CTRL.arrived, 1) + 1 === 2 * (round + 1)) {
    if (round >= c.maxRounds || Date.now() > deadline) Atomics.store(ctrl, CTRL.stop, 1);
    Atomics.store(ctrl, CTRL.generation, round + 1);
    Atomics.notify(ctrl, CTRL.generation);
  } else {
    waitWhileEqual(ctrl, CTRL.generation, round, c.spins, 30_000);
  }
  return Atomics.load(ctrl, CTRL.stop) === 0;
}

/** The start line: both threads arrive once before round 0 (a separate word from the rounds' count). */
function waitForPartner(ctrl: Int32Array) {
  if (Atomics.add(ctrl, CTRL.ready, 1) + 1 === 2) {
    Atomics.notify(ctrl, CTRL.ready);
    return;
  }
  const deadline = Date.now() + 60_000;
  while (Atomics.load(ctrl, CTRL.ready) < 2) {
    if (Date.now() > deadline) throw new Error('Litmus: the other thread did not start within 60 s');
    Atomics.wait(ctrl, CTRL.ready, 1, 1_000);
  }
}

/**
 * One thread's side of the litmus test, round after round, each round on fresh variables x[r], y[r].
 *
 * Store buffering: thread 0 `x = 1; r1 = y`, thread 1 `y = 1; r2 = x`. Message passing: thread 0
 * `x = 1 (data); y = 1 (flag)`, thread 1 `r1 = y (flag); r2 = x (data)`. The four bodies are written
 * out rather than parameterised so the JIT compiles each as the plain sequence it claims to be.
 * Returns the number of rounds run.
 */
export function runLitmusRole(role: 0 | 1, c: LitmusConfig): number {
  const { ctrl, x, y, r1, r2 } = regions(c.sab, c.maxRounds);
  // The budget starts once both threads are here: worker start-up (a cold compile) is not counted.
  waitForPartner(ctrl);
  const deadline = Date.now() + c.budgetMs;
  const meet = (round: number) => meetAt(ctrl, round, c, deadline);
  let r = 0;
  if (c.test === 'store-buffering' && c.mode === 'plain') {
    if (role === 0)
      for (; meet(r); r++) {
        x[r] = 1;
        r1[r] = y[r]!;
      }
    else
      for (; meet(r); r++) {
        y[r] = 1;
        r2[r] = x[r]!;
      }
  } else if (c.test === 'store-buffering') {
    if (role === 0)
      for (; meet(r); r++) {
        Atomics.store(x, r, 1);
        r1[r] = Atomics.load(y, r);
      }
    else
      for (; meet(r); r++) {
        Atomics.store(y, r, 1);
        r2[r] = Atomics.load(x, r);
      }
  } else if (c.mode === 'plain') {
    if (role === 0)
      for (; meet(r); r++) {
        x[r] = 1;
        y[r] = 1;
      }
    else
      for (; meet(r); r++) {
        r1[r] = y[r]!;
        r2[r] = x[r]!;
      }
  } else {
    if (role === 0)
      for (; meet(r); r++) {
        Atomics.store(x, r, 1);
        Atomics.store(y, r, 1);
      }
    else
      for (; meet(r); r++) {
        r1[r] = Atomics.load(y, r);
        r2[r] = Atomics.load(x, r);
      }
  }
  return r;
}
