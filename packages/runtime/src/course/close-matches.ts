/**
 * Ids close to what the user typed, best first: for "unknown lesson" and "no exercise" messages. Pure.
 * A candidate matches if it contains the input, or is within an edit distance that grows with length.
 */
export function closeMatches(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  const scored = candidates
    .map((c) => {
      const lower = c.toLowerCase();
      const tail = lower.split('/').pop() ?? lower;
      const contains = lower.includes(needle) || needle.includes(tail);
      const distance = Math.min(editDistance(needle, lower), editDistance(needle, tail));
      return { c, score: contains ? 0 : distance };
    })
    .filter((s) => s.score <= Math.max(2, Math.floor(needle.length / 3)))
    .sort((a, b) => a.score - b.score || a.c.localeCompare(b.c));
  return scored.slice(0, max).map((s) => s.c);
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
