/**
 * The line protocol between an exercise's test process and the grader watching it. Written
 * synchronously (fs.writeSync) from inside the test process, so the grader knows which test was
 * running and what it printed last even when that test then blocks the event loop forever.
 */
export type ProgressEvent =
  | { ev: 'load'; file: string; pid: number; at: number }
  | { ev: 'loaded'; file: string; pid: number; at: number }
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
    else if (e.ev === 'load' || e.ev === 'loaded') continue;
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

/** A test file a test process started importing (the file, and what it imports, at top level). */
export interface FileLoad {
  file: string;
  pid: number;
  startedAt: number;
}

/**
 * The files still being imported. A `load` comes from the test process that imports the file; it
 * ends with a `loaded` for that file (from the test process once the file's top level ran, or from
 * the grade reporter once vitest saw the file collected or finished, which also covers a file that
 * failed to load), with a test start in that process, or with the next `load` of that process (it
 * imports one file at a time).
 */
export function loadingFiles(events: readonly ProgressEvent[]): FileLoad[] {
  const byFile = new Map<string, FileLoad>();
  const byPid = new Map<number, string>();
  const done = (file: string | undefined) => {
    if (file !== undefined) byFile.delete(file);
  };
  for (const e of events) {
    if (e.ev === 'load') {
      done(byPid.get(e.pid));
      byFile.set(e.file, { file: e.file, pid: e.pid, startedAt: e.at });
      byPid.set(e.pid, e.file);
    } else if (e.ev === 'loaded') done(e.file);
    else if (e.ev === 'start') done(byPid.get(e.pid));
  }
  return [...byFile.values()].sort((a, b) => a.startedAt - b.startedAt);
}
