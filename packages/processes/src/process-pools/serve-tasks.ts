import { isTask, type ResultMessage } from './protocol';

/**
 * The child side of a ProcessPool: answer every task message with `fn(input)`, one at a time as they
 * arrive, then announce `ready`. A child entry file is one line around a pure function:
 *
 * @example
 * // count-primes-child.ts
 * serveTasks(([from, to]: [number, number]) => countPrimes(from, to));
 *
 * A task that throws is reported back as a failed result (the child lives on); only a crash or a
 * hang costs the child its life, and the pool replaces it.
 */
export function serveTasks<In, Out>(fn: (input: In) => Out | Promise<Out>): void {
  const send = process.send?.bind(process);
  if (!send)
    throw new Error(
      'serveTasks must run in a child process with an IPC channel (start it with ProcessPool or startChild)',
    );
  process.on('message', async (m: unknown) => {
    if (!isTask(m)) return;
    let reply: ResultMessage<Out>;
    try {
      reply = { type: 'result', id: m.id, ok: true, value: await fn(m.input as In) };
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      reply = {
        type: 'result',
        id: m.id,
        ok: false,
        error: { name: e.name, message: e.message, stack: e.stack },
      };
    }
    send(reply);
  });
  send({ type: 'ready', pid: process.pid });
}
