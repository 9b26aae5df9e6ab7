/**
 * Task 1 (reference). The orders Node 20+ logs, and the rule behind each one (README, Task 1).
 *
 * Task 1. Predict, then check. Each snippet in `test/snippets/` logs single letters. Before you run
 * it, write down the order in which you think Node logs them, one letter per entry:
 *
 * @example
 * '01-sync-then-queues': ['A', 'B', 'C', 'D', 'E', 'F'], // (not the answer)
 *
 * The test runs every snippet in a fresh `node` process and compares. Reason it out first: running
 * the snippet and copying its output teaches you nothing the grader can see, and everything the
 * next tasks need.
 */
export const predictions: Record<SnippetName, readonly string[]> = {
  '01-sync-then-queues': ['C', 'F', 'D', 'B', 'E', 'A'],
  '02-ticks-inside-promises': ['E', 'A', 'B', 'D', 'C'],
  '03-inside-an-io-callback': ['E', 'C', 'D', 'B', 'A'],
  '04-between-immediates': ['A', 'B', 'C', 'D'],
  '05-async-await': ['A', 'F', 'B', 'E', 'C', 'D'],
};

/** The snippets of `test/snippets/`, by file name without `.js`. */
export type SnippetName =
  | '01-sync-then-queues'
  | '02-ticks-inside-promises'
  | '03-inside-an-io-callback'
  | '04-between-immediates'
  | '05-async-await';
