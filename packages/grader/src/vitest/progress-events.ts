/**
 * The line protocol between an exercise's test process and the grader watching it. Written
 * synchronously (fs.writeSync) from inside the test process, so the grader knows which test was
 * running and what it printed last even when that test then blocks the event loop forever.
 */
export type ProgressEvent =
  | { ev: 'start'; id: string; name: string; file: string; pid: number; at: number }
  | { ev: 'end'; id: string; pid: number; at: number }
  | { ev: 'out'; id: string | null; pid: number; text: string };

/** Most output kept per test (the JSON results cap `output` at 500 characters). */
export const OUTPUT_CAP = 2_000;

/** Parse the progress file; a torn last line (the process was killed mid-write) is skipped. */
export function parseProgress(text: string): ProgressEvent[] {
  const events: ProgressEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      events.push(JSON.parse(line) as ProgressEvent);
    } catch {
      // a line cut short by SIGKILL: nothing to learn from it
    }
  }
  return events;
}

/** What the progress file says about each test: when it started and ended, and what it printed. */
export interface TestProgress {
  id: string;
  name: string;
  file: string;
  pid: number;
  startedAt: number;
  endedAt?: number;
  output: string;
}

/** Fold the events into one record per test, in start order. */
export function foldProgress(events: readonly ProgressEvent[]): TestProgress[] {
  const byId = new Map<string, TestProgress>();
  for (const e of events) {
    if (e.ev === 'start')
      byId.set(e.id, { id: e.id, name: e.name, file: e.file, pid: e.pid, startedAt: e.at, output: '' });
    else if (e.ev === 'end') {
      const t = byId.get(e.id);
      if (t) t.endedAt = e.at;
    } else if (e.id !== null) {
      const t = byId.get(e.id);
      if (t && t.output.length < OUTPUT_CAP) t.output = (t.output + e.text).slice(0, OUTPUT_CAP);
    }
  }
  return [...byId.values()];
}

/** Tests that started and did not end (one per test process at most), longest-running first. */
export function runningTests(progress: readonly TestProgress[]): TestProgress[] {
  return progress.filter((t) => t.endedAt === undefined).sort((a, b) => a.startedAt - b.startedAt);
}
