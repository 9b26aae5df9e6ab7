import { type FSWatcher, watch as fsWatch } from 'node:fs';
import { join, sep } from 'node:path';
import { paint } from '@course/runtime';
import { gradeExercise } from './grade';
import type { Layout } from './layout';
import { recordGrading } from './record-progress';
import { firstFailure, formatExercise } from './report/terminal-report';
import type { ExerciseVerdict } from './verdicts';

export interface WatchIO {
  write: (s: string) => void;
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  isTTY: boolean;
}

/** Settle time after the last save before grading: editors write a file in several steps. */
export const DEBOUNCE_MS = 200;

/**
 * `--watch`: grade on every save, debounced; a save during a run cancels it (its whole process group
 * is killed) and starts over; `q` or Ctrl-C quits, stopping any run in progress.
 */
export function watchExercises(
  layout: Layout,
  names: readonly string[],
  target: 'exercise' | 'solution',
  io: WatchIO,
): Promise<number> {
  return new Promise((resolveQuit) => {
    let running: { name: string; abort: AbortController; done: Promise<void> } | undefined;
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    let quitting = false;
    const watchers: FSWatcher[] = [];

    const show = (v: ExerciseVerdict) => {
      if (io.isTTY) io.write('\x1b[2J\x1b[H');
      io.write(`${formatExercise(v)}\n`);
      const next = v.tasks.find((t) => !t.passed);
      const fail = firstFailure(v);
      io.write(
        next
          ? `\n${paint.warn('Next:')} Task ${next.id}: ${next.title}${fail ? paint.dim(` (${fail.name})`) : ''}\n`
          : `\n${paint.ok('All tasks pass.')}\n`,
      );
      io.write(paint.dim(`Watching for changes… (q to quit)\n`));
    };

    const grade = async (name: string) => {
      const abort = new AbortController();
      const done = (async () => {
        io.write(paint.dim(`Grading ${name}…\n`));
        const verdict = await gradeExercise(layout, name, { target, signal: abort.signal });
        if (!abort.signal.aborted && !quitting) {
          recordGrading(layout, verdict);
          show(verdict);
        }
      })().catch((err: Error) => io.write(`${paint.fail('Error:')} ${err.message}\n`));
      running = { name, abort, done };
      await done;
      if (running?.abort === abort) running = undefined;
    };

    const flush = async () => {
      if (quitting) return;
      if (running) {
        io.write(paint.dim(`Change saved: cancelling the run of ${running.name}…\n`));
        running.abort.abort();
        await running.done;
      }
      const next = [...pending];
      pending.clear();
      for (const name of next) {
        if (quitting || pending.size > 0) break; // a newer save arrived: its flush grades again
        await grade(name);
      }
    };

    const schedule = (name: string) => {
      pending.add(name);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), DEBOUNCE_MS);
    };

    for (const name of names) {
      const dir = join(layout.exercisesDir, name);
      const w = fsWatch(dir, { recursive: true }, (_event, file) => {
        const f = String(file ?? '');
        if (f.includes('node_modules') || f.split(sep).some((p) => p.startsWith('.'))) return;
        schedule(name);
      });
      watchers.push(w);
    }

    const quit = async () => {
      if (quitting) return;
      quitting = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      running?.abort.abort();
      await running?.done;
      const stdin = io.stdin as NodeJS.ReadStream;
      stdin.removeListener('data', onKey);
      if (io.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(false);
      stdin.pause();
      process.removeListener('SIGINT', onSigint);
      io.write('Stopped watching.\n');
      resolveQuit(0);
    };
    const onKey = (chunk: Buffer | string) => {
      const s = chunk.toString();
      if (s.includes('q') || s.includes('\u0003')) void quit();
    };
    const onSigint = () => void quit();

    const stdin = io.stdin as NodeJS.ReadStream;
    if (io.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(true);
    stdin.on('data', onKey);
    stdin.resume();
    process.on('SIGINT', onSigint);

    for (const name of names) pending.add(name);
    void flush();
  });
}
