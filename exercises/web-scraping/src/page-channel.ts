/** A one-consumer async queue: see `createChannel`. */
export interface Channel<T> extends AsyncIterable<T> {
  /** Hand a value to the consumer (buffered until it asks). Ignored once closed. */
  push(value: T): void;
  /** No more values: the consumer receives the buffered ones, then `done`. */
  close(): void;
  /** End with an error: the consumer receives the buffered values, then the error. */
  fail(error: unknown): void;
  /** Values pushed and not yet taken. */
  readonly buffered: number;
}

/**
 * Task 7. The bridge between a producer that calls `push` whenever a page completes and a consumer
 * that reads with `for await`. Values come out in the order they were pushed; a consumer that asks
 * before a value exists waits for it.
 *
 * When the consumer leaves early (`break`, `return`, or a `throw` in its loop body), the iterator's
 * `return()` calls `onCancel` and waits for it: the crawl behind it stops and cleans up before the
 * consumer's loop is left.
 *
 * @example
 * const ch = createChannel<number>();
 * setTimeout(() => { ch.push(1); ch.close(); }, 10);
 * for await (const n of ch) console.log(n); // 1
 */
export function createChannel<T>(onCancel?: () => Promise<void> | void): Channel<T> {
  throw new Error(`Not implemented yet: createChannel(${onCancel ? 'onCancel' : ''}) (Task 7)`);
}
