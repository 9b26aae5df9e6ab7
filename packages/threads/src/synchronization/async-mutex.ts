/**
 * A mutex for async code on one thread: `run(fn)` runs `fn` only after every earlier `run` has
 * settled. No Atomics needed — one event loop runs one callback at a time — but an `await` in the
 * middle of a read-modify-write lets another task run in between: that is the race it prevents.
 *
 * @example
 * const lock = new AsyncMutex();
 * await lock.run(async () => { const b = await read(); await write(b - 10); });
 */
export class AsyncMutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    // The next caller waits for this one whether it succeeded or failed: a rejection must not
    // leave the lock held forever.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
