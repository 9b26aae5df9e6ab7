/** The items producer `p` makes: distinct across producers, so every item can be traced. */
export function producerItems(producers: number, perProducer: number): number[][] {
  return Array.from({ length: producers }, (_, p) =>
    Array.from({ length: perProducer }, (_, i) => p * 1_000_000 + i),
  );
}

/**
 * Compare what was produced with what the consumers got: the count of items lost (never consumed)
 * and duplicated (consumed more than once). Both must be 0.
 *
 * @example
 * audit([[1, 2]], [[2], [1]]); // { produced: 2, consumed: 2, lost: 0, duplicated: 0 }
 */
export function audit(produced: readonly (readonly number[])[], consumed: readonly (readonly number[])[]) {
  const seen = new Map<number, number>();
  for (const list of consumed) for (const item of list) seen.set(item, (seen.get(item) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  let total = 0;
  for (const list of produced) {
    for (const item of list) {
      total++;
      const n = seen.get(item) ?? 0;
      if (n === 0) lost++;
      if (n > 1) duplicated += n - 1;
      seen.delete(item);
    }
  }
  // Anything left was consumed but never produced: corruption, counted as duplicated.
  for (const n of seen.values()) duplicated += n;
  return { produced: total, consumed: consumed.reduce((a, l) => a + l.length, 0), lost, duplicated };
}
