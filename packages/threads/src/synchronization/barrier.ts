/**
 * A reusable barrier for `parties` threads in two Int32 slots (arrived count, generation): each
 * `wait()` blocks until all parties have arrived, then all go on together. The generation number
 * makes it reusable: a fast thread already waiting at the next round cannot be confused with this one.
 *
 * @example
 * const barrier = new Barrier(new Int32Array(sab), 0, 4);
 * phaseOne();
 * barrier.wait(); // nobody starts phase two until all four finished phase one
 * phaseTwo();
 */
export class Barrier {
  constructor(
    private readonly cells: Int32Array,
    private readonly index: number,
    private readonly parties: number,
  ) {}

  wait(timeoutMs = Number.POSITIVE_INFINITY): void {
    const count = this.index;
    const generation = this.index + 1;
    const gen = Atomics.load(this.cells, generation);
    if (Atomics.add(this.cells, count, 1) + 1 === this.parties) {
      // Last to arrive: reset for the next round, then open the gate for everyone.
      Atomics.store(this.cells, count, 0);
      Atomics.add(this.cells, generation, 1);
      Atomics.notify(this.cells, generation);
      return;
    }
    const deadline = performance.now() + timeoutMs;
    while (Atomics.load(this.cells, generation) === gen) {
      const left = deadline - performance.now();
      if (left <= 0)
        throw new Error(`Barrier: waited ${timeoutMs} ms and not all ${this.parties} parties arrived`);
      Atomics.wait(this.cells, generation, gen, left);
    }
  }
}
