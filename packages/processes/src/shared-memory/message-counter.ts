import { join } from 'node:path';
import { type ChildHandle, deferred, startChild, withTimeout } from '@course/runtime';

const BUDGET_MS = 30_000;

export interface MessageCounterResult {
  writers: number;
  expected: number;
  final: number;
  ms: number;
}

/**
 * The usual answer between processes: don't share the counter, own it. One process (here the
 * parent) holds it; the others send "inc" messages; its single event loop applies them one at a
 * time, so there is nothing to race on and nothing to lock.
 *
 * @example
 * (await messageCounter(3, 1000)).final; // 3000
 */
export async function messageCounter(writers: number, increments: number): Promise<MessageCounterResult> {
  const children: ChildHandle[] = [];
  let counter = 0;
  try {
    const done: Array<Promise<void>> = [];
    for (let i = 0; i < writers; i++) {
      const c = startChild(join(__dirname, 'inc-sender-child.ts'), { stdio: 'pipe' });
      children.push(c);
      const finished = deferred<void>();
      c.child.on('message', (m) => (m === 'inc' ? counter++ : finished.resolve()));
      void c.exited.then((s) =>
        finished.reject(new Error(`inc-sender exited early (${JSON.stringify(s)}): ${c.stderrTail()}`)),
      );
      finished.promise.catch(() => {}); // awaited below
      done.push(finished.promise);
    }
    const t0 = performance.now();
    for (const c of children) c.child.send(increments);
    await withTimeout(Promise.all(done), BUDGET_MS, 'inc senders done');
    return { writers, expected: writers * increments, final: counter, ms: performance.now() - t0 };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}
