import { readFile } from 'node:fs';

/**
 * Schedule one callback of each kind and record the order they run in.
 *
 * Started from a macrotask (a `setImmediate` callback) on purpose: code that is itself running inside
 * a promise reaction (an `async` test body, an ES module's top level) drains the whole microtask
 * queue before `process.nextTick` callbacks get their turn, so it would see a different order.
 *
 * What Node guarantees here: synchronous code, then every `nextTick` callback, then every promise
 * reaction (microtask); then the loop's phases. Whether a `setTimeout(0)` or a `setImmediate` comes
 * first from here is NOT guaranteed: it depends on whether 1 ms has already elapsed when the loop
 * next runs its due timers (since libuv 1.45, Node >= 20.3: once before the first iteration, then at
 * the end of each, after poll, check and close callbacks).
 *
 * @example
 * await orderFromMacrotask(); // ['sync', 'nextTick', 'promise', 'timeout' | 'immediate', ...]
 */
export function orderFromMacrotask(): Promise<string[]> {
  return new Promise((resolve) => {
    setImmediate(() => {
      const order: string[] = [];
      const done = () => order.length === 5 && resolve(order);
      setTimeout(() => {
        order.push('timeout');
        done();
      }, 0);
      setImmediate(() => {
        order.push('immediate');
        done();
      });
      void Promise.resolve().then(() => order.push('promise'));
      process.nextTick(() => order.push('nextTick'));
      order.push('sync');
    });
  });
}

/**
 * The same schedule from inside an I/O callback (`fs.readFile`'s). Here the order is fixed: the
 * loop is in its poll phase and the check phase (`setImmediate`) comes right after it, before the
 * loop runs its due timers again; a `setTimeout(0)` set now needs at least 1 ms to be due. So
 * `immediate` always beats `timeout`.
 *
 * @example
 * await orderInsideIoCallback(); // ['io', 'sync', 'nextTick', 'promise', 'immediate', 'timeout']
 */
export function orderInsideIoCallback(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    readFile(__filename, (err) => {
      if (err) return reject(err);
      const order: string[] = ['io'];
      setTimeout(() => {
        order.push('timeout');
        resolve(order);
      }, 0);
      setImmediate(() => order.push('immediate'));
      void Promise.resolve().then(() => order.push('promise'));
      process.nextTick(() => order.push('nextTick'));
      order.push('sync');
    });
  });
}

/**
 * Run `orderFromMacrotask` many times and count which of timeout/immediate came first: a way to see
 * that the order is not guaranteed (both may happen; on a fast idle machine one may dominate).
 */
export async function timeoutVsImmediateTally(
  runs: number,
): Promise<{ timeoutFirst: number; immediateFirst: number }> {
  let timeoutFirst = 0;
  for (let i = 0; i < runs; i++) {
    const order = await orderFromMacrotask();
    if (order.indexOf('timeout') < order.indexOf('immediate')) timeoutFirst++;
  }
  return { timeoutFirst, immediateFirst: runs - timeoutFirst };
}

/**
 * A recursive `process.nextTick` starves I/O: the nextTick queue is drained completely before the
 * loop moves on, so as long as it refills itself nothing else runs. Counted here with a bound.
 */
export function nextTickStarvation(ticks: number): Promise<{ ticksBeforeIo: number }> {
  return new Promise((resolve, reject) => {
    let count = 0;
    readFile(__filename, (err) => (err ? reject(err) : resolve({ ticksBeforeIo: count })));
    const tick = () => {
      count++;
      if (count < ticks) process.nextTick(tick);
    };
    process.nextTick(tick);
  });
}
