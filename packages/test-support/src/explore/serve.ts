import { parentPort } from 'node:worker_threads';
import { ExplorationAborted, installControl, reportDone } from './participant';

/** A scenario run by one participant: gets its arguments plus the shared buffers, by name. */
// biome-ignore lint/suspicious/noExplicitAny: each scenario declares the arguments it takes
export type ExploreScenario = (args: any) => unknown;

interface ScheduleMessage {
  control: SharedArrayBuffer;
  participant: number;
  participants: number;
  scenario: string;
  args: Record<string, unknown>;
  shared: Record<string, SharedArrayBuffer>;
}

/**
 * The body of an explorer worker entry: run one scenario per schedule the scheduler sends, under
 * controlled Atomics, and answer with its result (or its error). The worker stays for the next
 * schedule, so an exploration starts each worker once.
 *
 * @example
 * // test/fixtures/explore-worker.ts
 * serveExploration(scenarios);
 */
export function serveExploration(scenarios: Record<string, ExploreScenario>): void {
  const port = parentPort;
  if (!port) throw new Error('serveExploration() runs inside a worker started by explore()');
  port.on('message', (m: ScheduleMessage) => {
    const run = scenarios[m.scenario];
    let answer: { result?: unknown; error?: string; aborted?: boolean };
    const restore = installControl(m.control, m.participant, m.participants, m.shared);
    try {
      if (!run) throw new Error(`no scenario "${m.scenario}" (known: ${Object.keys(scenarios).join(', ')})`);
      answer = { result: run({ ...m.args, ...m.shared }) };
    } catch (err) {
      answer =
        err instanceof ExplorationAborted
          ? { aborted: true }
          : { error: err instanceof Error ? `${err.message}` : String(err) };
    } finally {
      restore();
    }
    reportDone(m.control, m.participant);
    try {
      port.postMessage(answer);
    } catch (err) {
      port.postMessage({ error: `its result could not be sent to the test (${(err as Error).message})` });
    }
  });
}
