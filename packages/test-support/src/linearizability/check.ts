import { mulberry32 } from '@course/runtime/random';
import { type Operation, validateHistory } from './history';
import type { Model } from './models';

/** The verdict on one history. */
export type LinearizabilityResult =
  | { ok: true /** A valid order (indexes into the history). */; order: number[] }
  | {
      ok: false;
      /** 'not-linearizable' is a proof; 'too-complex' means the search budget ran out (no verdict). */
      reason: 'not-linearizable' | 'too-complex';
      /** The longest order the search managed to explain (indexes), before it got stuck. */
      longestPrefix: number[];
      /** Model state after that prefix. */
      stateAfterPrefix: string;
      /** Operations that had to come next (their response had passed) but none fitted the model. */
      stuck: number[];
      steps: number;
    };

export interface CheckOptions {
  /** Search budget in steps (default 2,000,000): a bounded search never hangs a test. */
  maxSteps?: number;
}

interface Entry {
  op: number;
  isCall: boolean;
  match: Entry | undefined; // the call's return entry
  prev: Entry | undefined;
  next: Entry | undefined;
}

/**
 * Is `history` linearizable with respect to `model`? Wing & Gong's search with Lowe's memoization
 * ("WGL"): walk the events in time order; at each point try to linearize one of the operations
 * that have been invoked (all of which may take effect "now"), backtrack when an operation's
 * response is reached before it could be placed; a (set of placed operations, state) pair seen
 * before is not searched again.
 *
 * Exponential in the worst case, so keep histories small (hundreds of operations, a few threads)
 * and keep the step budget.
 *
 * @example
 * const result = checkLinearizable(ops, counterModel());
 * if (!result.ok) console.log(result.reason, result.stuck);
 */
export function checkLinearizable<S, I, O>(
  history: readonly Operation<I, O>[],
  model: Model<S, I, O>,
  { maxSteps = 2_000_000 }: CheckOptions = {},
): LinearizabilityResult {
  validateHistory(history as readonly Operation[]);
  const n = history.length;
  // Events in time order. At equal times calls come first: touching operations count as
  // concurrent, so clock granularity can never manufacture a violation.
  const events: Array<{ t: number; op: number; isCall: boolean }> = [];
  history.forEach((op, i) => {
    events.push({ t: op.invoke, op: i, isCall: true }, { t: op.response, op: i, isCall: false });
  });
  events.sort((a, b) => a.t - b.t || (a.isCall === b.isCall ? 0 : a.isCall ? -1 : 1));

  const head: Entry = { op: -1, isCall: false, match: undefined, prev: undefined, next: undefined };
  const calls: Entry[] = new Array(n);
  let tail = head;
  for (const e of events) {
    const entry: Entry = { op: e.op, isCall: e.isCall, match: undefined, prev: tail, next: undefined };
    tail.next = entry;
    tail = entry;
    if (e.isCall) calls[e.op] = entry;
    else (calls[e.op] as Entry).match = entry;
  }

  const lift = (call: Entry) => {
    // Remove the call and its return from the list: the operation is placed.
    (call.prev as Entry).next = call.next;
    if (call.next) call.next.prev = call.prev;
    const ret = call.match as Entry;
    (ret.prev as Entry).next = ret.next;
    if (ret.next) ret.next.prev = ret.prev;
  };
  const unlift = (call: Entry) => {
    const ret = call.match as Entry;
    (ret.prev as Entry).next = ret;
    if (ret.next) ret.next.prev = ret;
    (call.prev as Entry).next = call;
    if (call.next) call.next.prev = call;
  };

  const placed = new PlacedSet(n);
  const seen = new Set<string>();
  const stack: Array<{ call: Entry; state: S }> = [];
  let state = model.init();
  let entry = head.next;
  let steps = 0;
  let best: { prefix: number[]; state: S; stuck: number[] } = { prefix: [], state, stuck: [] };
  const show = (s: S) => (model.show ? model.show(s) : model.key(s));

  while (head.next) {
    if (++steps > maxSteps) {
      return {
        ok: false,
        reason: 'too-complex',
        longestPrefix: best.prefix,
        stateAfterPrefix: show(best.state),
        stuck: best.stuck,
        steps,
      };
    }
    const e = entry as Entry;
    if (e.isCall) {
      const op = history[e.op] as Operation<I, O>;
      const next = model.step(state, op);
      if (next !== undefined) {
        placed.toggle(e.op);
        const key = `${placed.key()}|${model.key(next)}`;
        if (!seen.has(key)) {
          seen.add(key);
          stack.push({ call: e, state });
          state = next;
          lift(e);
          entry = head.next;
          continue;
        }
        placed.toggle(e.op);
      }
      entry = e.next;
    } else {
      // A response reached while its operation is unplaced: nothing placed so far can be followed by it.
      if (stack.length >= best.prefix.length) {
        best = { prefix: stack.map((s) => s.call.op), state, stuck: pendingBefore(head, e) };
      }
      const top = stack.pop();
      if (!top) {
        return {
          ok: false,
          reason: 'not-linearizable',
          longestPrefix: best.prefix,
          stateAfterPrefix: show(best.state),
          stuck: best.stuck,
          steps,
        };
      }
      state = top.state;
      placed.toggle(top.call.op);
      unlift(top.call);
      entry = top.call.next;
    }
  }
  return { ok: true, order: stack.map((s) => s.call.op) };
}

/** Calls still in the list before `stop`: the operations that could have come next. */
function pendingBefore(head: Entry, stop: Entry): number[] {
  const ops: number[] = [];
  for (let e = head.next; e && e !== stop; e = e.next) if (e.isCall) ops.push(e.op);
  ops.push(stop.op);
  return [...new Set(ops)];
}

/**
 * The set of placed operations, as a 64-bit Zobrist hash (two 32-bit halves) updated in O(1) per
 * change. Spelling out the set as a bit string costs O(n) per step, which made a 9,000-operation
 * history take seconds. Two different sets share a hash with probability ~2^-64 per pair: negligible
 * for the few million states a bounded search visits.
 */
class PlacedSet {
  private readonly lo: Uint32Array;
  private readonly hi: Uint32Array;
  private hashLo = 0;
  private hashHi = 0;

  constructor(n: number) {
    this.lo = new Uint32Array(n);
    this.hi = new Uint32Array(n);
    const random = mulberry32(0x9e3779b9); // fixed seed, so a verdict never depends on the run
    const next = () => random() * 4294967296; // the generator's 32 bits back (exact in a double)
    for (let i = 0; i < n; i++) {
      this.lo[i] = next();
      this.hi[i] = next();
    }
  }

  /** Add `op` if absent, remove it if present (XOR is its own inverse). */
  toggle(op: number): void {
    this.hashLo = (this.hashLo ^ (this.lo[op] as number)) >>> 0;
    this.hashHi = (this.hashHi ^ (this.hi[op] as number)) >>> 0;
  }

  key(): string {
    return `${this.hashLo.toString(36)}.${this.hashHi.toString(36)}`;
  }
}
