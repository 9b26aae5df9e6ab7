/**
 * A counting semaphore in one Int32 slot: the slot holds the permits left. `acquire()` takes one
 * (sleeping while there are none), `release()` gives one back and wakes a sleeper. It bounds how
 * many threads do something at once, e.g. at most 2 workers talking to a slow disk.
 *
 * @example
 * const sem = Semaphore.init(new Int32Array(sab), 0, 2); // 2 permits
 * sem.acquire();
 * try { useTheDisk(); } finally { sem.release(); }
 */
export class Semaphore {
  constructor(
    private readonly cells: Int32Array,
    private readonly index: number,
  ) {}

  /** Set the number of permits, once, before any worker uses the semaphore. */
  static init(cells: Int32Array, index: number, permits: number): Semaphore {
    Atomics.store(cells, index, permits);
    return new Semaphore(cells, index);
  }

  acquire(): void {
    for (;;) {
      const permits = Atomics.load(this.cells, this.index);
      // Take a permit only if nobody changed the count since we read it (else: re-read, retry).
      if (permits > 0 && Atomics.compareExchange(this.cells, this.index, permits, permits - 1) === permits)
        return;
      if (permits === 0) Atomics.wait(this.cells, this.index, 0);
    }
  }

  release(): void {
    Atomics.add(this.cells, this.index, 1);
    Atomics.notify(this.cells, this.index, 1);
  }
}
