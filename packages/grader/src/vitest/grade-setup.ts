import { closeSync, openSync, writeSync } from 'node:fs';
import { liveHandles } from '@course/runtime';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { installNetGuard } from '../guard/install-net-guard';
import { OUTPUT_CAP, type ProgressEvent } from './progress-events';

/**
 * Setup file of every exercise test process (see exercise-config.ts).
 *
 * 1. Network guard: only loopback connections.
 * 2. When the grader runs the tests (COURSE_GRADE_PROGRESS names a file), record each test's start,
 *    end and console output synchronously, so a test that then blocks forever can still be named.
 * 3. After each test file: workers or children started through the runtime and still alive are a
 *    leak; they are stopped and the file fails with their names.
 */
installNetGuard();

const progressFile = process.env.COURSE_GRADE_PROGRESS;
let fd: number | undefined;
let current: string | null = null;
let written = 0;

function emit(event: ProgressEvent): void {
  if (fd === undefined) return;
  try {
    writeSync(fd, `${JSON.stringify(event)}\n`);
  } catch {
    // the grader went away; nothing to report to
  }
}

if (progressFile) {
  fd = openSync(progressFile, 'a');
  process.once('exit', () => {
    if (fd !== undefined) closeSync(fd);
  });
  // A setup file runs just before its test file is imported, and its beforeAll just after: between
  // the two, the test file's top level and everything it imports run (an infinite loop there is
  // named by the file, see the watchdog's load budget).
  const file = expect.getState().testPath ?? '';
  emit({ ev: 'load', file, pid: process.pid, at: Date.now() });
  beforeAll(() => emit({ ev: 'loaded', file, pid: process.pid, at: Date.now() }));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      if (written < OUTPUT_CAP) {
        const text = `${args.map((a) => (typeof a === 'string' ? a : safeInspect(a))).join(' ')}\n`;
        written += text.length;
        emit({ ev: 'out', id: current, pid: process.pid, text: text.slice(0, OUTPUT_CAP) });
      }
      original(...args);
    };
  }
  beforeEach((ctx) => {
    current = ctx.task.id;
    written = 0;
    emit({
      ev: 'start',
      id: ctx.task.id,
      name: fullName(ctx.task as unknown as Named),
      file: ctx.task.file?.filepath ?? '',
      pid: process.pid,
      at: Date.now(),
    });
  });
  afterEach((ctx) => {
    emit({ ev: 'end', id: ctx.task.id, pid: process.pid, at: Date.now() });
    current = null;
  });
}

afterAll(async () => {
  const left = liveHandles();
  if (left.length === 0) return;
  const names = left.map((h) => `a ${h.kind} (${h.file})`).join(', ');
  await Promise.all(left.map((h) => h.stop()));
  throw new Error(
    `Left running after the tests of this file: ${names}. Every worker and child you start must be stopped (they were stopped by the grader).`,
  );
});

interface Named {
  name: string;
  suite?: Named;
  filepath?: string;
}

/** "describe > it", without the file (the file task is the outermost suite). */
function fullName(task: Named): string {
  const parts = [task.name];
  for (let s = task.suite; s && s.filepath === undefined; s = s.suite) parts.unshift(s.name);
  return parts.join(' > ');
}

function safeInspect(value: unknown): string {
  try {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}
