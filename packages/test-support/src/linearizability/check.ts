import { type Operation, validateHistory } from './history';
import type { Model } from './models';

/** The verdict on one history. */
export type LinearizabilityResult =
  | { ok: true; /** A valid order (indexes into the history). */ order: number[] }
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

  const placed = new Uint8Array(n);
  const seen = new Set<string>();
  const stack: Array<{ call: Entry; state: S }> = [];
  let state = model.init();
  let entry = head.next;
  let steps = 0;
  let best: { prefix: number[]; state: S; stuck: number[] } = { prefix: [], state, stuck: [] };
  const show = (s: S) => (model.show ? model.show(s) : model.key(s));

  while (head.next) {
    if (++steps > maxSteps) {
      return { ok: false, reason: 'too-complex', longestPrefix: best.prefix, stateAfterPrefix: show(best.state), stuck: best.stuck, steps };
    }
    const e = entry as Entry;
    if (e.isCall) {
      const op = history[e.op] as Operation<I, O>;
      const next = model.step(state, op);
      if (next !== undefined) {
        placed[e.op] = 1;
        const key = `${placedKey(placed)}|${model.key(next)}`;
        if (!seen.has(key)) {
          seen.add(key);
          stack.push({ call: e, state });
          state = next;
          lift(e);
          entry = head.next;
          continue;
        }
        placed[e.op] = 0;
      }
      entry = e.next;
    } else {
      // A response reached while its operation is unplaced: nothing placed so far can be followed by it.
      if (stack.length >= best.prefix.length) {
        best = { prefix: stack.map((s) => s.call.op), state, stuck: pendingBefore(head, e) };
      }
      const top = stack.pop();
      if (!top) {
        return { ok: false, reason: 'not-linearizable', longestPrefix: best.prefix, stateAfterPrefix: show(best.state), stuck: best.stuck, steps };
      }
      state = top.state;
      placed[top.call.op] = 0;
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

function placedKey(placed: Uint8Array): string {
  // Pack 8 flags per character: the memo key stays short for histories of hundreds of operations.
  let key = '';
  for (let i = 0; i < placed.length; i += 8) {
    let byte = 0;
    for (let j = 0; j < 8 && i + j < placed.length; j++) byte |= (placed[i + j] as number) << j;
    key += String.fromCharCode(byte);
  }
  return key;
}
