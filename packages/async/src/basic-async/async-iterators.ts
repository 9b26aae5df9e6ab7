import { EventEmitter, on } from 'node:events';
import { Readable } from 'node:stream';

/**
 * An async generator: values are produced lazily, one per `next()`, and `finally` runs when the
 * consumer stops early (a `break` calls the generator's `return()`).
 */
export async function* countdown(from: number, log: string[]): AsyncGenerator<number> {
  try {
    for (let i = from; i > 0; i--) {
      log.push(`produce ${i}`);
      await Promise.resolve(); // an await between values, as a real source (a socket, a file) has
      yield i;
    }
  } finally {
    log.push('cleanup');
  }
}

export interface IteratorResults {
  /** Interleaving of producer and consumer: pull-based, one value at a time. */
  log: string[];
  /** Values taken before `break`. */
  taken: number[];
  /** Lines read from a stream with `for await`. */
  streamLines: string[];
  /** Events read from an EventEmitter with `events.on`, ended by an AbortSignal. */
  events: number[];
}

/** Three async iterables: a generator (with early break), a Readable stream, an event emitter. */
export async function asyncIterators(): Promise<IteratorResults> {
  const log: string[] = [];
  const taken: number[] = [];
  for await (const n of countdown(5, log)) {
    log.push(`consume ${n}`);
    taken.push(n);
    if (taken.length === 2) break;
  }

  const streamLines: string[] = [];
  let rest = '';
  for await (const chunk of Readable.from(['alpha\nbe', 'ta\ngamma\n'])) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    streamLines.push(...parts);
  }

  const emitter = new EventEmitter();
  const controller = new AbortController();
  const events: number[] = [];
  // Emit after the loop has started listening; `on` buffers events between iterations.
  setImmediate(() => {
    for (const n of [1, 2, 3]) emitter.emit('tick', n);
  });
  try {
    for await (const [n] of on(emitter, 'tick', { signal: controller.signal })) {
      events.push(n as number);
      if (events.length === 3) controller.abort();
    }
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
  }
  return { log, taken, streamLines, events };
}
