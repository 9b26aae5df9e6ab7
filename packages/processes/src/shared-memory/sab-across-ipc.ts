import { join } from 'node:path';
import { deferred, startChild, withTimeout } from '@course/runtime';
import type { Arrival } from './describe-arrival';

const BUDGET_MS = 15_000;

export interface SabAcrossIpcResult {
  /** `send({ sab })` with serialization 'advanced': the error it throws, synchronously. */
  advancedSabError: string;
  /** An Int32Array *view* of a SharedArrayBuffer, sent with 'advanced': how it arrived. */
  viewArrival: Arrival['fields'][string];
  /** What the parent's own view holds after the child wrote 7 into the one it received. */
  parentStillSees: number;
  /** `send({ sab })` with the default 'json' serialization: what the child received. */
  jsonArrival: string;
}

async function probe(
  serialization: 'json' | 'advanced',
  work: (send: (m: object) => Promise<Arrival>) => Promise<void>,
): Promise<void> {
  const c = startChild(join(__dirname, 'clone-probe-child.ts'), { stdio: 'pipe', serialization });
  try {
    const ready = deferred<void>();
    let answer = deferred<Arrival>();
    c.child.on('message', (m: 'ready' | Arrival) => (m === 'ready' ? ready.resolve() : answer.resolve(m)));
    await withTimeout(ready.promise, BUDGET_MS, 'clone-probe-child ready');
    await work((m) => {
      answer = deferred<Arrival>();
      c.child.send(m);
      return withTimeout(answer.promise, BUDGET_MS, 'clone-probe-child answer');
    });
  } finally {
    await c.stop();
  }
}

/**
 * Try to share a SharedArrayBuffer with a child process, and look at what really happens (Node 20):
 * - 'advanced' serialization (the structured clone algorithm) refuses it: `send` throws
 *   "#<SharedArrayBuffer> could not be cloned." — sharing needs one address space, and a process
 *   has its own;
 * - a typed-array *view* of it is sent as a copy into a plain ArrayBuffer: the child's writes never
 *   reach the parent;
 * - 'json' serialization turns it into `{}` without complaint: the data silently vanishes.
 */
export async function sabAcrossIpc(): Promise<SabAcrossIpcResult> {
  const sab = new SharedArrayBuffer(16);
  const view = new Int32Array(sab);
  view[0] = 42;
  let advancedSabError = '(no error)';
  let viewArrival: SabAcrossIpcResult['viewArrival'] = { tag: '(not sent)' };
  let jsonArrival = '';
  await probe('advanced', async (send) => {
    try {
      await send({ sab });
    } catch (err) {
      advancedSabError = (err as Error).message;
    }
    const arrived = (await send({ view })).fields.view;
    if (arrived) viewArrival = arrived;
  });
  await probe('json', async (send) => {
    jsonArrival = (await send({ sab })).json;
  });
  return { advancedSabError, viewArrival, parentStillSees: view[0] ?? Number.NaN, jsonArrival };
}
