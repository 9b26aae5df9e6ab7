import { assertMayBlock, deadlineAfter, int32View, waitBlocking } from './waiting';

const ARRIVED = 0;
const GENERATION = 1;
const PARTIES = 2;

/**
 * A reusable meeting point for `parties` threads: each `arriveAndWait()` sleeps until all parties
 * have arrived, then all go on together, and the barrier is ready for the next round.
 *
 * Warning: if a party times out the round is broken (the others will time out too); make every
 * party use a timeout.
 *
 * @example
 * const barrier = new Barrier(3);            // pass barrier.buffer to 3 workers
 * // in each worker, every round:
 * const b = Barrier.from(workerData);
 * doPhase1(); b.arriveAndWait(5_000); doPhase2();
 */
export class Barrier {
  /** Bytes one barrier occupies: arrivals this round, the round number, the party count. */
  static readonly BYTES = 12;

  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;
  readonly parties: number;
  private readonly words: Int32Array;

  /** A new barrier for `parties` threads; with a buffer, the existing one in it. */
  constructor(parties: number, buffer?: SharedArrayBuffer, byteOffset = 0) {
    this.buffer = buffer ?? new SharedArrayBuffer(Barrier.BYTES);
    this.byteOffset = byteOffset;
    this.words = int32View(this.buffer, byteOffset, 3, 'Barrier');
    if (!buffer) {
      if (!Number.isInteger(parties) || parties < 1)
        throw new RangeError(`parties must be an integer >= 1, got ${parties}`);
      Atomics.store(this.words, PARTIES, parties);
    }
    this.parties = Atomics.load(this.words, PARTIES);
  }

  /** The same barrier, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): Barrier {
    return new Barrier(0, buffer, byteOffset);
  }

  /**
   * Arrive and sleep until every party has arrived. Returns the arrival index (0 first ...
   * parties - 1 last, the one that opened the barrier). Throws after `timeoutMs`. Workers only.
   */
  arriveAndWait(timeoutMs = Number.POSITIVE_INFINITY): number {
    assertMayBlock('Barrier.arriveAndWait');
    const deadline = deadlineAfter(timeoutMs);
    // Read the round BEFORE arriving: once we have arrived, the last party may end this round at
    // any moment, and we would then wait for the end of the NEXT round (a deadlock).
    const index = Atomics.add(this.words, ARRIVED, 1);
    const round = Atomics.load(this.words, GENERATION);
    if (index === this.parties - 1) {
      Atomics.store(this.words, ARRIVED, 0); // reset before opening: the next round starts clean
      Atomics.add(this.words, GENERATION, 1);
      Atomics.notify(this.words, GENERATION);
      return index;
    }
    while (Atomics.load(this.words, GENERATION) === round) {
      if (
        waitBlocking(this.words, GENERATION, round, deadline) === 'timed-out' &&
        Atomics.load(this.words, GENERATION) === round
      ) {
        throw new Error(
          `Barrier: only ${Atomics.load(this.words, ARRIVED)} of ${this.parties} parties arrived within ${timeoutMs} ms ` +
            '(is a worker missing, or stuck before the barrier?)',
        );
      }
    }
    return index;
  }
}
