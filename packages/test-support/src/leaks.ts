import { type LiveHandle, liveHandles } from '@course/runtime';
import { afterEach, beforeEach } from 'vitest';

/**
 * Leak checks: what a test started and did not stop.
 *
 * Two sources, because neither sees everything:
 * - the runtime's registry (`liveHandles()`) knows every worker thread and child process started
 *   through `startWorker`/`startChild` (worker threads do not show up in Node's resource list);
 * - `process.getActiveResourcesInfo()` names the libuv handles keeping the event loop alive: sockets
 *   (`TCPSocketWrap`), servers (`TCPServerWrap`), timers (`Timeout`), pipes and processes.
 *
 * The hazard: a leaked timer, socket or worker keeps the process alive after the "work" is done (the
 * program never exits), or keeps burning CPU under the next test and makes it flaky.
 */

/** How many active resources of each type (`Timeout`, `TCPSocketWrap`, ...) exist right now. */
export type ResourceCounts = Map<string, number>;

/** Resource types that come and go on their own (file-system requests in flight, the terminal). */
export const TRANSIENT_RESOURCES: readonly string[] = [
  'FSReqCallback',
  'FSReqPromise',
  'FileHandleCloseReq',
  'GetAddrInfoReqWrap',
  'TTYWrap',
  'StatWatcher',
];

/** A count of the event loop's active resources by type, right now. */
export function resourceCounts(): ResourceCounts {
  const counts: ResourceCounts = new Map();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** One kind of resource that grew between two snapshots. */
export interface ResourceLeak {
  type: string;
  before: number;
  after: number;
}

/**
 * The resource types that grew from `before` to `after` (types in `ignore` left out). Pure: the
 * decision apart from the measuring.
 *
 * @example
 * diffResources(new Map([['Timeout', 1]]), new Map([['Timeout', 2]])); // [{ type: 'Timeout', before: 1, after: 2 }]
 */
export function diffResources(
  before: ResourceCounts,
  after: ResourceCounts,
  ignore: readonly string[] = TRANSIENT_RESOURCES,
): ResourceLeak[] {
  const leaks: ResourceLeak[] = [];
  for (const [type, n] of after) {
    if (ignore.includes(type)) continue;
    const was = before.get(type) ?? 0;
    if (n > was) leaks.push({ type, before: was, after: n });
  }
  return leaks.sort((a, b) => a.type.localeCompare(b.type));
}

/** What a leak check found. */
export interface LeakReport {
  /** Workers and children the runtime started that are still alive. */
  handles: readonly LiveHandle[];
  /** Event-loop resources that outlived the test. */
  resources: ResourceLeak[];
}

/** What each resource type usually is, so the message tells the learner what to close. */
const WHAT: Record<string, string> = {
  Timeout: 'timer(s) (clearTimeout/clearInterval them)',
  Immediate: 'setImmediate callback(s)',
  TCPSocketWrap: 'open socket(s) (end or destroy them)',
  TCPServerWrap: 'listening server(s) (call server.close())',
  PipeWrap: 'open pipe(s) (a child process or IPC channel still open)',
  ProcessWrap: 'child process(es) still running (wait for them to exit or kill them)',
  UDPWrap: 'UDP socket(s) (close them)',
  SignalWrap: 'signal handler(s)',
  FSEventWrap: 'file watcher(s) (close them)',
};

/** A message naming every leak and what to do about it; '' when there is none. */
export function describeLeaks(report: LeakReport): string {
  const lines: string[] = [];
  const now = Date.now();
  for (const h of report.handles) {
    lines.push(`- a ${h.kind} (${h.file}) started ${now - h.startedAt} ms ago is still running`);
  }
  for (const r of report.resources) {
    lines.push(
      `- ${r.after - r.before} ${WHAT[r.type] ?? `"${r.type}" resource(s)`} [${r.type}: ${r.before} -> ${r.after}]`,
    );
  }
  if (lines.length === 0) return '';
  return `The code under test left these running after it finished:\n${lines.join('\n')}\nEvery worker, child, socket and timer you start must be stopped before your function's promise settles.`;
}

/** Options of {@link findLeaks} and {@link expectNoLeaks}. */
export interface LeakOptions {
  /** How long closing things may take to settle (a terminated worker needs a moment). Default 500 ms. */
  graceMs?: number;
  /** Resource types never counted as leaks. Default {@link TRANSIENT_RESOURCES}. */
  ignore?: readonly string[];
}

/**
 * Compare against a snapshot taken before the test. Waits (event-loop turns, within `graceMs`) for
 * things being closed right now to finish closing, so a worker whose `terminate()` is in flight is not
 * reported.
 *
 * @example
 * const before = resourceCounts();
 * await theCodeUnderTest();
 * const report = await findLeaks(before);
 * expect(describeLeaks(report)).toBe('');
 */
export async function findLeaks(before: ResourceCounts, options: LeakOptions = {}): Promise<LeakReport> {
  const graceMs = options.graceMs ?? 500;
  const deadline = Date.now() + graceMs;
  for (;;) {
    const report = {
      handles: liveHandles(),
      resources: diffResources(before, resourceCounts(), options.ignore),
    };
    if ((report.handles.length === 0 && report.resources.length === 0) || Date.now() >= deadline)
      return report;
    // Not a sleep for ordering: closing a handle completes on a later loop turn; poll, bounded.
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Fail the test if it left workers, children, sockets, servers or timers alive. Leaked workers and
 * children are stopped afterwards, so one leaking test cannot starve the next one.
 *
 * @example
 * describe('Task 2: a pool', () => {
 *   expectNoLeaks();
 *   it('runs every job', async () => { ... });
 * });
 */
export function expectNoLeaks(options: LeakOptions = {}): void {
  let before: ResourceCounts = new Map();
  beforeEach(() => {
    before = resourceCounts();
  });
  afterEach(async () => {
    const report = await findLeaks(before, options);
    const message = describeLeaks(report);
    await Promise.all(report.handles.map((h) => h.stop()));
    if (message) throw new Error(message);
  });
}
