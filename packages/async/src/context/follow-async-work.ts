import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter, once } from 'node:events';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as immediate, setTimeout as sleep } from 'node:timers/promises';

export interface Hop {
  /** The kind of async boundary the request crossed, e.g. "setTimeout callback". */
  via: string;
  /** What `getStore()` returned on the far side of it. */
  seen: string | undefined;
}

/**
 * Start one "request" inside `als.run(id)` and read the store on the far side of every kind of async
 * boundary a handler typically crosses. Nothing is passed along by hand: each hop only calls
 * `getStore()`.
 *
 * @example
 * const { id, hops } = await followAcrossAsyncWork('req-42');
 * hops.every((h) => h.seen === id); // true on Node 20, 22 and 24
 */
export async function followAcrossAsyncWork(id: string): Promise<{ id: string; hops: Hop[] }> {
  const als = new AsyncLocalStorage<string>();
  const hops: Hop[] = [];
  const note = (via: string) => hops.push({ via, seen: als.getStore() });

  await als.run(id, async () => {
    note('synchronous start');
    await Promise.resolve();
    note('after await');
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        note('setTimeout callback');
        resolve();
      }, 1),
    );
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        note('setImmediate callback');
        resolve();
      }),
    );
    await new Promise<void>((resolve) =>
      process.nextTick(() => {
        note('process.nextTick callback');
        resolve();
      }),
    );
    await new Promise<void>((resolve) =>
      queueMicrotask(() => {
        note('queueMicrotask callback');
        resolve();
      }),
    );
    await sleep(1);
    await immediate();
    note('after timers/promises');

    // A stream pipeline started by this request: its transform and sink run in the request's context.
    let transformed = false;
    let sunk = false;
    await pipeline(
      Readable.from(['a', 'b']),
      new Transform({
        objectMode: true,
        transform(chunk, _enc, done) {
          if (!transformed) note('stream transform');
          transformed = true;
          done(null, chunk);
        },
      }),
      new Writable({
        objectMode: true,
        write(_chunk, _enc, done) {
          if (!sunk) note('stream sink');
          sunk = true;
          done();
        },
      }),
    );

    // An emitter the request itself emits on: listeners run synchronously, inside emit().
    const ee = new EventEmitter();
    ee.on('done', () => note('listener of an emit made by the request'));
    const fired = once(ee, 'done');
    ee.emit('done');
    await fired;
  });
  return { id, hops };
}
