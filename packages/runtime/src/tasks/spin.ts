/**
 * The CPU check: a fixed integer loop with no memory traffic. Benchmarks run it on 1 and on N threads
 * in the same run to learn how many cores the (shared, noisy) machine really gave them, and read
 * every scaling figure against that.
 */
export function spin(iterations: number): number {
  let x = 0;
  for (let i = 0; i < iterations; i++) x = (x + i * 2654435761) >>> 0;
  return x;
}
