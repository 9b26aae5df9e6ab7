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

  /** A new barrier for `parties` threads; with a buffer, the existing one in it. */
  constructor(parties: number, buffer?: SharedArrayBuffer, byteOffset = 0) {
    throw new Error(
      `Not implemented yet: new Barrier(${parties}, ${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 2)`,
    );
  }

  /** The same barrier, seen from another thread that received `buffer`. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): Barrier {
    throw new Error(
      `Not implemented yet: Barrier.from(${Object.prototype.toString.call(buffer).slice(8, -1)}, ${byteOffset}) (Task 2)`,
    );
  }

  /**
   * Arrive and sleep until every party has arrived. Returns the arrival index (0 first ...
   * parties - 1 last, the one that opened the barrier). Throws after `timeoutMs`. Workers only.
   */
  arriveAndWait(timeoutMs = Number.POSITIVE_INFINITY): number {
    throw new Error(`Not implemented yet: Barrier.arriveAndWait(${timeoutMs}) (Task 2)`);
  }
}
