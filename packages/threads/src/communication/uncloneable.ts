import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { deferred, startWorker } from '@course/runtime';

/** A class with a method: what survives a trip to a worker? */
export class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
  length(): number {
    return Math.hypot(this.x, this.y);
  }
}

/**
 * What structured clone refuses, and what it silently changes: a function throws a DataCloneError
 * at `postMessage`; a class instance arrives as a plain object (fields kept, prototype and methods
 * gone); a Map, a Date and an Error arrive intact.
 *
 * @example
 * const r = await whatCannotBeSent(); // r.functionError.name === 'DataCloneError'
 */
export async function whatCannotBeSent() {
  const { port1, port2 } = new MessageChannel();
  let functionError: { name: string; message: string } | undefined;
  try {
    port1.postMessage({ onDone: () => 'hi' });
  } catch (err) {
    functionError = { name: (err as Error).name, message: (err as Error).message };
  } finally {
    port1.close();
    port2.close();
  }

  const h = startWorker(join(__dirname, 'echo-worker.ts'));
  try {
    const back = deferred<{
      payload: { point: Point; map: Map<string, number>; date: Date; error: Error };
    }>();
    h.worker.once('message', back.resolve);
    h.worker.postMessage({
      payload: {
        point: new Point(3, 4),
        map: new Map([['a', 1]]),
        date: new Date(0),
        error: new RangeError('kept'),
      },
    });
    const { point, map, date, error } = (await back.promise).payload;
    return {
      functionError,
      point: {
        isPoint: point instanceof Point,
        fields: { x: point.x, y: point.y },
        hasMethod: typeof point.length === 'function',
      },
      mapIntact: map instanceof Map && map.get('a') === 1,
      dateIntact: date instanceof Date && date.getTime() === 0,
      errorIntact: error instanceof RangeError && error.message === 'kept',
    };
  } finally {
    await h.terminate();
  }
}
