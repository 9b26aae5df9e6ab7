/**
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
  '01-sync-then-queues': [],
  '02-ticks-inside-promises': [],
  '03-inside-an-io-callback': [],
  '04-between-immediates': [],
  '05-async-await': [],
};

/** The snippets of `test/snippets/`, by file name without `.js`. */
export type SnippetName =
  | '01-sync-then-queues'
  | '02-ticks-inside-promises'
  | '03-inside-an-io-callback'
  | '04-between-immediates'
  | '05-async-await';
