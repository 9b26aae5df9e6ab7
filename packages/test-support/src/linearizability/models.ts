/**
 * Sequential specifications: what each operation must return if operations happened one at a time.
 * A model is a pure state machine; `step` returns the next state, or undefined when the recorded
 * output is impossible in this state.
 */
export interface Model<State, In = unknown, Out = unknown> {
  name: string;
  init(): State;
  step(state: State, op: { name: string; input: In; output: Out }): State | undefined;
  /** A string that is equal for equal states (the checker memoizes on it). */
  key(state: State): string;
  /** A short description of a state for error messages and the timeline. */
  show?(state: State): string;
}

/**
 * A counter: `increment(by)` returns the value after adding, `get()` returns the value.
 *
 * @example
 * checkLinearizable(history, counterModel());
 */
export function counterModel(initial = 0): Model<number, number | undefined, number> {
  return {
    name: 'counter',
    init: () => initial,
    step(state, op) {
      if (op.name === 'increment') {
        const next = state + (op.input ?? 1);
        return op.output === next ? next : undefined;
      }
      if (op.name === 'get') return op.output === state ? state : undefined;
      throw new Error(`counterModel: unknown operation "${op.name}" (expected increment or get)`);
    },
    key: (state) => String(state),
    show: (state) => `value ${state}`,
  };
}

/**
 * A FIFO queue: `push(v)` returns 'ok', `pop()` returns the oldest value. A blocking pop is never
 * recorded as returning "empty": it waits, so it can only take effect when the queue holds something.
 *
 * @example
 * checkLinearizable(history, fifoQueueModel());
 */
export function fifoQueueModel(): Model<readonly number[], number | undefined, number | string> {
  return {
    name: 'FIFO queue',
    init: () => [],
    step(state, op) {
      if (op.name === 'push') return op.output === 'ok' ? [...state, op.input as number] : undefined;
      if (op.name === 'pop') return state.length > 0 && state[0] === op.output ? state.slice(1) : undefined;
      throw new Error(`fifoQueueModel: unknown operation "${op.name}" (expected push or pop)`);
    },
    key: (state) => state.join(','),
    show: (state) =>
      state.length ? `[${state.slice(0, 8).join(', ')}${state.length > 8 ? ', …' : ''}]` : 'empty',
  };
}
