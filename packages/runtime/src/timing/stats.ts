/** Summary statistics of repeated measurements. Pure functions; no clocks here. */
export interface Summary {
  n: number;
  min: number;
  median: number;
  max: number;
  mean: number;
  /** Relative spread: (max - min) / median, so noisy runs stand out in a table. */
  spread: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize() needs at least one sample, got none');
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  return { n, min, median, max, mean, spread: median === 0 ? 0 : (max - min) / median };
}

/** `a / b` rounded for display, guarding against a zero baseline. */
export function ratio(a: number, b: number): number {
  return b === 0 ? Number.POSITIVE_INFINITY : a / b;
}
