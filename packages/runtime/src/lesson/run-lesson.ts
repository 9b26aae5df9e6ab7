import { realpathSync } from 'node:fs';
import { type LiveHandle, liveHandles, stopAll } from '../spawn/registry';
import { paint } from '../terminal/colour';
import { formatMs } from '../terminal/table';
import type { Lesson } from './lesson';
import { createNarrator, tallyClaims, type WritableText } from './narrator';

export interface RunLessonOptions {
  quick?: boolean;
  stream?: WritableText;
  /** Abort from outside (the menu passes its own; standalone runs use Ctrl-C). */
  signal?: AbortSignal;
}

/**
 * Run one lesson with a header, timing and guaranteed clean-up: whatever the lesson started through
 * the runtime and left running is stopped afterwards and reported, so a lesson cannot leak workers
 * or children into the menu. Resolves with an exit code; never throws.
 */
export async function runLesson(lesson: Lesson, options: RunLessonOptions = {}): Promise<number> {
  const stream = options.stream ?? process.stdout;
  const out = createNarrator(stream);
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });

  stream.write(
    `\n${paint.heading(`${lesson.title}`)}  ${paint.dim(`(${lesson.id}${options.quick ? ', quick' : ''})`)}\n`,
  );
  stream.write(`${paint.dim(lesson.summary)}\n`);
  const started = performance.now();
  let code = 0;
  try {
    await lesson.run({ quick: options.quick ?? false, signal: controller.signal, out });
    // Finishing is not a verdict: the closing line counts the claims instead of printing a ✔.
    stream.write(
      `\n${paint.heading(`■ ${lesson.id} finished in ${formatMs(performance.now() - started)}`)}  ${claimsLine(out.claims())}\n`,
    );
    if (lesson.docs) stream.write(`${paint.dim(`  Read more: ${lesson.docs}`)}\n`);
  } catch (err) {
    code = 1;
    if (controller.signal.aborted) {
      stream.write(`\n${paint.warn(`■ ${lesson.id} was interrupted`)}\n`);
      code = 130;
    } else {
      const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
      stream.write(`\n${paint.fail(`✘ ${lesson.id} failed: ${text}`)}\n`);
    }
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
    const leftovers = liveHandles();
    if (leftovers.length > 0 && controller.signal.aborted) {
      // The learner stopped it: what is still running is the run being stopped, not a leak.
      stream.write(paint.dim(`  Stopping ${countHandles(leftovers)}…\n`));
      await stopAll();
      stream.write(paint.dim(`  Stopped: nothing of the lesson is left running.\n`));
    } else if (leftovers.length > 0) {
      stream.write(
        paint.warn(
          `  ! stopping ${countHandles(leftovers)} the lesson left running: ${leftovers.map((h) => h.file).join(', ')}\n`,
        ),
      );
      await stopAll();
    }
  }
  return code;
}

/** "2 workers and 1 child process", "1 worker". */
export function countHandles(handles: readonly Pick<LiveHandle, 'kind'>[]): string {
  const workers = handles.filter((h) => h.kind === 'worker').length;
  const children = handles.length - workers;
  const parts = [
    ...(workers ? [`${workers} worker${workers === 1 ? '' : 's'}`] : []),
    ...(children ? [`${children} child process${children === 1 ? '' : 'es'}`] : []),
  ];
  return parts.join(' and ');
}

/** "claims: 3 held, 1 did not hold, 1 not judged" (only the non-zero kinds after "held"). */
export function claimsLine(claims: Parameters<typeof tallyClaims>[0]): string {
  if (claims.length === 0) return paint.dim('(no claims)');
  const t = tallyClaims(claims);
  const parts = [`${t.holds} held`];
  if (t['does-not-hold']) parts.push(paint.fail(`${t['does-not-hold']} did not hold`));
  if (t['not-judged']) parts.push(paint.warn(`${t['not-judged']} not judged`));
  return `claims: ${parts.join(', ')}`;
}

/** Parse `[--quick]` for a lesson started on its own. Unknown flags are an error, not ignored. */
export function parseLessonArgs(argv: readonly string[]): { quick: boolean } {
  let quick = false;
  for (const arg of argv) {
    if (arg === '--quick' || arg === '-q') quick = true;
    else throw new Error(`Unknown option "${arg}". Usage: <lesson> [--quick]`);
  }
  return { quick };
}

/**
 * `true` when `file` is the script node was started with: lets every lesson file run on its own
 * (`ts-node src/basic-threads.ts --quick`) and still be imported by the menu and the tests.
 */
export function isMain(file: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(file);
  } catch {
    return false;
  }
}

/** Run a lesson as a standalone program: Ctrl-C aborts it cleanly, the exit code tells the outcome. */
export function runLessonMain(lesson: Lesson, argv = process.argv.slice(2)): void {
  let quick: boolean;
  try {
    ({ quick } = parseLessonArgs(argv));
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 2;
    return;
  }
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted (Ctrl-C)'));
  process.once('SIGINT', onSigint);
  void runLesson(lesson, { quick, signal: controller.signal }).then((code) => {
    process.removeListener('SIGINT', onSigint);
    process.exitCode = code;
  });
}
