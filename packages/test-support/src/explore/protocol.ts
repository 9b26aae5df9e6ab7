/**
 * The shared-memory protocol between the explorer's scheduler (the test's main thread) and the
 * participants (worker threads running the code under test). No imports: loaded inside workers.
 *
 * One control SharedArrayBuffer per exploration: an Int32 header, then one record per participant.
 * A participant that reaches a scheduling point writes what it is about to do into its record,
 * raises `AT_POINT`, bumps `REPORTS` and sleeps on its `GRANT` word. The scheduler, which alone
 * decides, bumps exactly one participant's `GRANT` at a time, so only one participant runs between
 * two points.
 */

export const REPORTS = 0; // bumped (and notified) by a participant at every report
export const ABORT = 1; // 1: every participant throws at its next point (the schedule is over)
export const HEADER = 4;
export const STRIDE = 8; // Int32 words per participant
export const MAX_PARTICIPANTS = 16;

// Offsets inside a participant's Int32 record.
export const STATUS = 0;
export const GRANT = 1;
export const OP = 2;
export const BUFFER = 3;
export const BYTE_INDEX = 4;
export const TYPE = 5;
export const RESULT = 6; // what the scheduler decided: a wait's outcome, a notify's count
export const STEPS = 7; // points this participant reached (for the trace)

// Float64 words per participant (after the Int32 part): the operation's arguments and its outcome.
export const F_STRIDE = 4;
export const ARG1 = 0;
export const ARG2 = 1;
export const VALUE = 2; // what the operation returned (the value read, the old value), set after it ran

export const RUNNING = 0;
export const AT_POINT = 1;
export const DONE = 2;

export const WAIT_OK = 0;
export const WAIT_NOT_EQUAL = 1;
export const WAIT_TIMED_OUT = 2;
export const WAIT_RESULTS = ['ok', 'not-equal', 'timed-out'] as const;

/** Operation codes, in the order of `OPS`. */
export const OPS = [
  'load',
  'store',
  'add',
  'sub',
  'and',
  'or',
  'xor',
  'exchange',
  'compareExchange',
  'wait',
  'notify',
  'read',
  'write',
] as const;
export type OpName = (typeof OPS)[number];
export const opCode = (name: OpName): number => OPS.indexOf(name);

/** Typed-array kinds, in the order the protocol numbers them. */
export const TYPES = [
  'Int8Array',
  'Uint8Array',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'BigInt64Array',
  'BigUint64Array',
  'Uint8ClampedArray',
  'Float32Array',
  'Float64Array',
] as const;

/** Bytes of the control buffer for `participants`. */
export function controlBytes(participants: number): number {
  if (participants < 1 || participants > MAX_PARTICIPANTS)
    throw new RangeError(`the explorer runs 1..${MAX_PARTICIPANTS} participants, got ${participants}`);
  return floatOffset(participants) + participants * F_STRIDE * 8;
}

/** Byte offset of the Float64 part of the control buffer. */
export function floatOffset(participants: number): number {
  const ints = (HEADER + participants * STRIDE) * 4;
  return Math.ceil(ints / 8) * 8;
}
