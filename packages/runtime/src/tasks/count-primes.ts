/**
 * A pure CPU-bound task: count the primes in [from, to) by trial division. No I/O, no allocation in
 * the loop, deterministic: the same work on a thread, in a child process or on the main thread.
 *
 * @example
 * countPrimes(0, 100); // 25
 */
export function countPrimes(from: number, to: number): number {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw new Error(`countPrimes expects integers 0 <= from <= to, got [${from}, ${to})`);
  }
  let count = 0;
  for (let n = Math.max(2, from); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

/** Split [from, to) into `parts` contiguous ranges of near-equal size (the last takes the rest). */
export function splitRange(from: number, to: number, parts: number): Array<[number, number]> {
  if (parts < 1 || !Number.isInteger(parts))
    throw new Error(`splitRange needs a whole number of parts >= 1, got ${parts}`);
  const size = Math.ceil((to - from) / parts);
  const out: Array<[number, number]> = [];
  for (let s = from; s < to; s += size) out.push([s, Math.min(to, s + size)]);
  return out;
}
