import { type FSWatcher, mkdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import { paint, progressDir } from '@course/runtime';
import type { CliIo } from './cli';
import { COURSE_ROOT } from './course';
import { courseView, formatStatus } from './progress';

/** Settle time after a progress file changes: a grading writes one file, a lesson one more. */
const REDRAW_MS = 100;

/**
 * `status`: the one-screen view. In a terminal it stays open and redraws whenever a grading or a
 * lesson run updates the progress (q or Ctrl-C quits); without one it prints once and exits.
 */
export function watchStatus(io: CliIo, root = COURSE_ROOT): Promise<number> {
  const draw = () => formatStatus(courseView(root));
  if (!io.isTTY || !io.stdin) {
    io.stdout.write(`${draw()}\n`);
    return Promise.resolve(0);
  }
  const stdin = io.stdin as NodeJS.ReadStream;
  return new Promise((resolve) => {
    const dir = progressDir(root);
    const watchers: FSWatcher[] = [];
    let timer: NodeJS.Timeout | undefined;
    const redraw = () => {
      let text: string;
      try {
        text = draw();
      } catch (err) {
        text = `${paint.fail('Error:')} ${(err as Error).message}`;
      }
      io.stdout.write(
        `\x1b[2J\x1b[H${text}\n\n${paint.dim('Redraws after every grading and lesson run. q quits.')}\n`,
      );
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(redraw, REDRAW_MS);
    };
    for (const sub of ['lessons', 'exercises']) {
      mkdirSync(join(dir, sub), { recursive: true });
      watchers.push(watch(join(dir, sub), schedule));
    }
    // "3 min ago" ages: redraw once a minute too.
    const tick = setInterval(redraw, 60_000);
    const quit = () => {
      if (timer) clearTimeout(timer);
      clearInterval(tick);
      for (const w of watchers) w.close();
      stdin.removeListener('data', onKey);
      if (typeof stdin.setRawMode === 'function') stdin.setRawMode(false);
      stdin.pause();
      io.stdout.write('\n');
      resolve(0);
    };
    const onKey = (chunk: Buffer | string) => {
      const s = chunk.toString();
      if (s.includes('q') || s.includes('\u0003')) quit();
    };
    if (typeof stdin.setRawMode === 'function') stdin.setRawMode(true);
    stdin.on('data', onKey);
    stdin.resume();
    redraw();
  });
}
