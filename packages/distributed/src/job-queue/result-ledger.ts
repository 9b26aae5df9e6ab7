/**
 * Merge results keyed by job id, so a result delivered twice is counted once.
 *
 * A queue with at-least-once delivery (BullMQ included) re-runs a job whose worker died before
 * acknowledging it; whatever that worker already wrote elsewhere is written again. Summing every
 * delivery would double-count (a lost-update's cousin: a duplicated update). Keying by job id
 * makes the merge idempotent: exactly-once *effect* on top of at-least-once *delivery*.
 *
 * @example
 * const ledger = new ResultLedger<number>();
 * ledger.record('job-1', 5); // true
 * ledger.record('job-1', 5); // false: a duplicate, ignored
 * ledger.total((n) => n);    // 5
 */
export class ResultLedger<T> {
  readonly #byJob = new Map<string, T>();
  #deliveries = 0;

  /** Record a delivery; returns false for a duplicate (same job id), which changes nothing. */
  record(jobId: string, value: T): boolean {
    this.#deliveries++;
    if (this.#byJob.has(jobId)) return false;
    this.#byJob.set(jobId, value);
    return true;
  }

  has(jobId: string): boolean {
    return this.#byJob.has(jobId);
  }

  get size(): number {
    return this.#byJob.size;
  }

  /** Every delivery, duplicates included. */
  get deliveries(): number {
    return this.#deliveries;
  }

  get duplicates(): number {
    return this.#deliveries - this.#byJob.size;
  }

  entries(): Array<[string, T]> {
    return [...this.#byJob.entries()];
  }

  total(of: (value: T) => number): number {
    let sum = 0;
    for (const value of this.#byJob.values()) sum += of(value);
    return sum;
  }
}
