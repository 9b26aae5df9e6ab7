import {
  ABORT,
  ARG1,
  ARG2,
  AT_POINT,
  BUFFER,
  BYTE_INDEX,
  DONE,
  F_STRIDE,
  floatOffset,
  GRANT,
  HEADER,
  OP,
  type OpName,
  opCode,
  REPORTS,
  RESULT,
  RUNNING,
  STATUS,
  STEPS,
  STRIDE,
  TYPE,
  TYPES,
  VALUE,
  WAIT_RESULTS,
} from './protocol';

/**
 * The participant side of the interleaving explorer (runs inside each worker of an exploration).
 *
 * While installed, every Atomics operation and every plain indexed read or write of a typed array
 * over one of the exploration's shared buffers is a scheduling point: the thread stops there until
 * the scheduler (explore.ts) grants it the step. `Atomics.wait` and `Atomics.notify` on those buffers
 * never reach the kernel: the scheduler models them exactly (a blocked thread is not runnable until
 * notified, or until the scheduler lets its timed wait time out). Everything else (other buffers,
 * the harness's own words) goes to the real Atomics, untouched.
 *
 * How: `globalThis.Atomics` is replaced by a controlled twin, and the typed-array constructors by
 * twins that return a Proxy when the view is over a registered buffer. The student's code is not
 * changed; it only has to look `Atomics` and `Int32Array` up when it runs (not keep copies from
 * before the exploration started, see docs/architecture.md for what cannot be reached).
 */

/** Thrown at a scheduling point once the scheduler has ended the schedule (after a failure elsewhere). */
export class ExplorationAborted extends Error {
  constructor() {
    super('exploration aborted by the scheduler');
    this.name = 'ExplorationAborted';
  }
}

// The real objects, captured before anything is replaced.
const realAtomics = Atomics;
const realCtors = Object.fromEntries(
  TYPES.map((name) => [name, (globalThis as unknown as Record<string, unknown>)[name]]),
) as Record<(typeof TYPES)[number], new (...args: unknown[]) => TypedArray>;

type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

interface Session {
  ints: Int32Array;
  floats: Float64Array;
  base: number;
  fbase: number;
  ids: Map<SharedArrayBuffer, number>;
  budgetMs: number;
}

let session: Session | undefined;
const targets = new WeakMap<object, TypedArray>(); // proxy -> the real view

/** The real view behind a controlled one (or the argument itself). */
function unwrap<T>(view: T): T {
  return ((view && targets.get(view as object)) as T | undefined) ?? view;
}

function typeCode(view: TypedArray): number {
  return TYPES.indexOf(view.constructor.name as (typeof TYPES)[number]);
}

/** The buffer id of `view` if this session controls it. */
function controlled(view: TypedArray): number | undefined {
  if (!session || !(view?.buffer instanceof SharedArrayBuffer)) return undefined;
  return session.ids.get(view.buffer);
}

/**
 * Stop here until the scheduler grants the next step to this thread; returns the scheduler's RESULT.
 * Only one participant runs between two points, so what follows runs as if alone.
 */
function point(op: OpName, view: TypedArray, index: number, id: number, arg1 = 0, arg2 = 0): number {
  const s = session as Session;
  const { ints, floats, base, fbase } = s;
  ints[base + OP] = opCode(op);
  ints[base + BUFFER] = id;
  ints[base + BYTE_INDEX] = view.byteOffset + index * view.BYTES_PER_ELEMENT;
  ints[base + TYPE] = typeCode(view);
  ints[base + STEPS] = (ints[base + STEPS] as number) + 1;
  floats[fbase + ARG1] = arg1;
  floats[fbase + ARG2] = arg2;
  const granted = realAtomics.load(ints, base + GRANT);
  realAtomics.store(ints, base + STATUS, AT_POINT);
  realAtomics.add(ints, REPORTS, 1);
  realAtomics.notify(ints, REPORTS);
  while (realAtomics.load(ints, base + GRANT) === granted) {
    if (realAtomics.wait(ints, base + GRANT, granted, s.budgetMs) === 'timed-out') {
      throw new Error(`explorer: this thread got no step from the scheduler within ${s.budgetMs} ms`);
    }
  }
  if (realAtomics.load(ints, ABORT) === 1) throw new ExplorationAborted();
  realAtomics.store(ints, base + STATUS, RUNNING);
  return realAtomics.load(ints, base + RESULT);
}

/** Record what the operation just returned, for the scheduler's trace. */
function outcome<T>(value: T): T {
  const s = session as Session;
  s.floats[s.fbase + VALUE] = Number(value);
  return value;
}

const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : Number(v));

function rmw(op: 'add' | 'sub' | 'and' | 'or' | 'xor' | 'exchange') {
  const real = realAtomics[op] as (
    view: TypedArray,
    index: number,
    value: number | bigint,
  ) => number | bigint;
  return (view: TypedArray, index: number, value: number | bigint) => {
    const v = unwrap(view);
    const id = controlled(v);
    if (id === undefined) return real(v, index, value);
    point(op, v, index, id, num(value));
    return outcome(real(v, index, value));
  };
}

const controlledAtomics = {
  ...Object.fromEntries(Object.getOwnPropertyNames(realAtomics).map((k) => [k, (realAtomics as never)[k]])),
  [Symbol.toStringTag]: 'Atomics',
  load(view: TypedArray, index: number) {
    const v = unwrap(view);
    const id = controlled(v);
    if (id === undefined) return realAtomics.load(v as Int32Array, index);
    point('load', v, index, id);
    return outcome(realAtomics.load(v as Int32Array, index));
  },
  store(view: TypedArray, index: number, value: number) {
    const v = unwrap(view);
    const id = controlled(v);
    if (id === undefined) return realAtomics.store(v as Int32Array, index, value);
    point('store', v, index, id, num(value));
    return outcome(realAtomics.store(v as Int32Array, index, value));
  },
  add: rmw('add'),
  sub: rmw('sub'),
  and: rmw('and'),
  or: rmw('or'),
  xor: rmw('xor'),
  exchange: rmw('exchange'),
  compareExchange(view: TypedArray, index: number, expected: number, replacement: number) {
    const v = unwrap(view);
    const id = controlled(v);
    if (id === undefined) return realAtomics.compareExchange(v as Int32Array, index, expected, replacement);
    point('compareExchange', v, index, id, num(expected), num(replacement));
    return outcome(realAtomics.compareExchange(v as Int32Array, index, expected, replacement));
  },
  wait(view: Int32Array, index: number, value: number, timeout?: number) {
    const v = unwrap(view);
    const id = controlled(v);
    if (id === undefined) return realAtomics.wait(v, index, value, timeout);
    realAtomics.load(v, index); // throws on a bad index or view, as the real wait would
    // ARG2: the timeout (Infinity: only a notify ends the wait). The scheduler decides the outcome.
    const result = point(
      'wait',
      v,
      index,
      id,
      num(value),
      timeout === undefined ? Number.POSITIVE_INFINITY : num(timeout),
    );
    return WAIT_RESULTS[result] ?? 'ok';
  },
  waitAsync(view: Int32Array, index: number, value: number, timeout?: number) {
    const v = unwrap(view);
    if (controlled(v) !== undefined) {
      throw new Error(
        'explorer: Atomics.waitAsync on explored shared memory is not modelled in a worker yet; use Atomics.wait',
      );
    }
    return (realAtomics as unknown as { waitAsync: (...a: unknown[]) => unknown }).waitAsync(
      v,
      index,
      value,
      timeout,
    );
  },
  notify(view: Int32Array, index: number, count?: number) {
    const v = unwrap(view);
    const id = controlled(v);
    if (id === undefined) return realAtomics.notify(v, index, count);
    // ARG1: how many to wake (Infinity: all). The scheduler wakes them and says how many it woke.
    const woken = point('notify', v, index, id, count === undefined ? Number.POSITIVE_INFINITY : num(count));
    return outcome(woken);
  },
};

const isIndex = (key: string | symbol): key is string =>
  typeof key === 'string' && key !== '' && String(Number(key) >>> 0) === key;

/** A view whose plain element reads and writes are scheduling points too (`view[0]++` is two). */
function controlledView(view: TypedArray, id: number): TypedArray {
  const proxy = new Proxy(view, {
    get(target, key) {
      if (isIndex(key) && session && Number(key) < target.length) {
        point('read', target, Number(key), id);
        return outcome((target as unknown as Record<string, unknown>)[key]);
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, key, value) {
      if (isIndex(key) && session && Number(key) < target.length) {
        point('write', target, Number(key), id, num(value));
        (target as unknown as Record<string, unknown>)[key] = value;
        outcome(value);
        return true;
      }
      return Reflect.set(target, key, value, target);
    },
  });
  targets.set(proxy, view);
  return proxy;
}

function controlledCtor(name: (typeof TYPES)[number]) {
  const Real = realCtors[name];
  function Controlled(this: unknown, ...args: unknown[]) {
    if (!new.target) return Reflect.apply(Real as unknown as (...a: unknown[]) => unknown, undefined, args);
    const view = Reflect.construct(Real, args, new.target === Controlled ? Real : new.target) as TypedArray;
    const id = controlled(view);
    return id === undefined ? view : controlledView(view, id);
  }
  Object.setPrototypeOf(Controlled, Real);
  Controlled.prototype = Real.prototype;
  Object.defineProperty(Controlled, 'name', { value: name });
  return Controlled;
}

/**
 * Take over Atomics and the typed-array constructors for one schedule. `buffers` are the shared
 * buffers under exploration, numbered in their key order (the scheduler numbers them the same way).
 * Returns the function that gives everything back.
 */
export function installControl(
  control: SharedArrayBuffer,
  participant: number,
  participants: number,
  buffers: Record<string, SharedArrayBuffer>,
  budgetMs = 30_000,
): () => void {
  if (session) throw new Error('explorer: a schedule is already running in this thread');
  const ids = new Map<SharedArrayBuffer, number>();
  for (const [i, b] of Object.values(buffers).entries()) ids.set(b, i);
  const ints = new realCtors.Int32Array(control) as Int32Array;
  session = {
    ints,
    floats: new realCtors.Float64Array(control, floatOffset(participants)) as Float64Array,
    base: HEADER + participant * STRIDE,
    fbase: participant * F_STRIDE,
    ids,
    budgetMs,
  };
  const g = globalThis as unknown as Record<string, unknown>;
  g.Atomics = controlledAtomics;
  for (const name of TYPES) g[name] = controlledCtor(name);
  return () => {
    g.Atomics = realAtomics;
    for (const name of TYPES) g[name] = realCtors[name];
    session = undefined;
  };
}

/** Tell the scheduler this participant has finished (returned or threw). */
export function reportDone(control: SharedArrayBuffer, participant: number): void {
  const ints = new realCtors.Int32Array(control) as Int32Array;
  const base = HEADER + participant * STRIDE;
  realAtomics.store(ints, base + STATUS, DONE);
  realAtomics.add(ints, REPORTS, 1);
  realAtomics.notify(ints, REPORTS);
}
