import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { setImmediate as immediate } from 'node:timers/promises';
import type { MessagePort } from 'node:worker_threads';
import { startWorker, withTimeout } from '@course/runtime';

/** The parent's storage, module-level so the worker's copy of this module shows it is not the same one. */
const parentStorage = new AsyncLocalStorage<string>();

/** Inside the worker: what this module's storage holds at start-up (always nothing: a new isolate). */
export function contextAtWorkerStart(): string | undefined {
  return parentStorage.getStore();
}

interface Ask {
  requestId: string;
}
interface Answer {
  askedFor: string;
  /** The id the worker's own AsyncLocalStorage held while it handled the message. */
  seenInWorker: string | undefined;
}

/** Worker side: re-enter the id that came in the message, do some async work, answer from the store. */
export function serveWithContext(
  port: MessagePort,
  als: AsyncLocalStorage<string>,
  atStart: string | undefined,
) {
  port.postMessage({ ready: true, atStart: atStart ?? null });
  port.on('message', (ask: Ask) =>
    als.run(ask.requestId, async () => {
      await immediate();
      const answer: Answer = { askedFor: ask.requestId, seenInWorker: als.getStore() };
      port.postMessage(answer);
    }),
  );
}

export interface WorkerContextOutcome {
  /** What the parent's store held when it started the worker. */
  parentHad: string;
  /** What the same module's storage held inside the worker at start-up. */
  workerStartSaw: string | undefined;
  /** Requests sent with their id in the message, and what the worker's own storage saw for each. */
  answers: Answer[];
}

/**
 * Start a worker from inside a request's context and see what crosses: the store does not (a worker
 * is another isolate with its own copy of every module), the id does when it is put in the message.
 *
 * @example
 * const r = await intoAWorker(['req-1', 'req-2']);
 * r.workerStartSaw;                // undefined
 * r.answers.map((a) => a.seenInWorker); // ['req-1', 'req-2']
 */
export async function intoAWorker(requestIds: readonly string[]): Promise<WorkerContextOutcome> {
  return parentStorage.run('req-parent', async () => {
    const w = startWorker(join(__dirname, 'context-worker.ts'));
    try {
      const messages: Array<Record<string, unknown>> = [];
      let wake: (() => void) | undefined;
      w.worker.on('message', (m) => {
        messages.push(m);
        wake?.();
      });
      const next = async (what: string) => {
        while (messages.length === 0) {
          await withTimeout(
            new Promise<void>((resolve) => (wake = resolve)),
            30_000,
            `the context worker to send ${what}`,
          );
        }
        return messages.shift()!;
      };
      const ready = await next('its start-up report');
      const answers: Answer[] = [];
      for (const requestId of requestIds) {
        w.worker.postMessage({ requestId } satisfies Ask);
        answers.push((await next(`its answer for ${requestId}`)) as unknown as Answer);
      }
      return {
        parentHad: parentStorage.getStore()!,
        workerStartSaw: (ready.atStart as string | null) ?? undefined,
        answers,
      };
    } finally {
      await w.terminate();
    }
  });
}
