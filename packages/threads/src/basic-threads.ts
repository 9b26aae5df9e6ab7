import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';
import {
  countPrimes,
  defineLesson,
  evidenceAtLeast,
  evidenceIf,
  formatMs,
  isMain,
  measure,
  measureRepeated,
  notJudged,
  runLessonMain,
  runWorker,
  splitRange,
  startWorker,
  withTimeout,
} from '@course/runtime';
import { daemonDemo } from './basic-threads/daemon-demo';

const worker = (name: string) => join(__dirname, 'basic-threads', name);

/**
 * Start `n` workers, each counting primes in its slice (input by `workerData`), collect each result
 * message, and join them by waiting for their `exit` events.
 *
 * @example
 * const { total, workers } = await runCountingWorkers(4, 100_000);
 */
export async function runCountingWorkers(n: number, to: number) {
  const handles = splitRange(0, to, n).map(([from, end]) =>
    startWorker(worker('count-range-worker.ts'), { workerData: { from, to: end } }),
  );
  const results = handles.map(
    (h) =>
      new Promise<{ threadId: number; count: number; start: number; end: number }>((resolve) =>
        h.worker.once('message', resolve),
      ),
  );
  // Join: 'exit' fires once the worker's script has ended and its event loop is empty.
  const exitCodes = await withTimeout(
    Promise.all(handles.map((h) => h.exited)),
    30_000,
    'the counting workers to exit',
  );
  const workers = await Promise.all(results);
  // All busy at one instant: the latest start comes before the earliest end.
  const allAtOnce = Math.max(...workers.map((w) => w.start)) < Math.min(...workers.map((w) => w.end));
  return {
    mainThreadId: threadId,
    isMainThread,
    workers,
    exitCodes,
    allAtOnce,
    total: workers.reduce((a, w) => a + w.count, 0),
  };
}

/** Run a worker that throws and return what the parent receives. */
export async function catchWorkerError() {
  const err = await runWorker(worker('throwing-worker.ts'), { timeoutMs: 20_000 }).then(
    () => undefined,
    (e: Error) => e,
  );
  if (!err) throw new Error('throwing-worker.ts was expected to throw, but it answered');
  return { name: err.name, message: err.message, stack: err.stack ?? '' };
}

/** Start a worker stuck in `for (;;)`, then stop it from outside. */
export async function terminateBusyWorker() {
  const h = startWorker(worker('busy-loop-worker.ts'));
  await withTimeout(new Promise((r) => h.worker.once('message', r)), 20_000, 'the busy worker to start');
  const t0 = performance.now();
  const exitCode = await h.terminate();
  return { exitCode, terminateMs: performance.now() - t0 };
}

/** A worker capped at a small heap allocates without end: it dies, the parent lives on. */
export async function hitHeapLimit(maxOldGenerationSizeMb = 32) {
  const err = (await runWorker(worker('memory-hog-worker.ts'), {
    resourceLimits: { maxOldGenerationSizeMb },
    timeoutMs: 30_000,
  }).catch((e: Error) => e)) as Error & { code?: string };
  return { code: err.code, message: err.message, parentStillRuns: countPrimes(0, 100) === 25 };
}

/** Median time to start a worker, get one message and see it gone. */
export async function measureStartup(repetitions: number) {
  const m = await measureRepeated(() => runWorker(worker('hello-worker.ts'), { timeoutMs: 20_000 }), {
    warmup: 1,
    repetitions,
  });
  return { medianMs: m.wall.median, minMs: m.wall.min, repetitions };
}

export const lesson = defineLesson({
  id: 'threads/basic-threads',
  title: 'Worker threads: start, join, fail, stop',
  summary:
    'Workers run JavaScript in parallel on their own isolates; data goes in by workerData, out by messages.',
  concepts: [
    'worker_threads',
    'workerData',
    'join (exit event)',
    'errors across threads',
    'terminate',
    'resourceLimits',
  ],
  docs: 'docs/concepts/node-model.md',
  async run({ quick, out }) {
    out.heading('Start workers and join them');
    const cores = availableParallelism();
    const n = Math.max(2, Math.min(cores, 4));
    const m = await measure(() => runCountingWorkers(n, quick ? 1_500_000 : 3_000_000));
    const r = m.result;
    out.say(
      `The main thread has threadId ${r.mainThreadId}; each worker has its own isolate, event loop and id:`,
    );
    out.table(r.workers, [
      { header: 'threadId', value: (w) => w.threadId },
      { header: 'primes in its slice', value: (w) => w.count },
    ]);
    out.figure('total', String(r.total));
    out.figure("exit codes (the 'exit' event is the join)", r.exitCodes.join(', '));
    out.claim(
      `All ${n} workers were counting at the same time, each on its own thread with its own event loop`,
      evidenceIf(
        r.allAtOnce,
        r.allAtOnce
          ? 'the latest worker started counting before the earliest one finished'
          : 'one worker finished before the last one started: start-up took longer than the work',
        'run it without --quick (more work per worker)',
      ),
    );
    // On one core, threads that take turns never use more CPU time than wall time; only threads
    // running JavaScript at the same instant can. So CPU time / wall time is the evidence for "no GIL".
    const gilFree = `CPU time ${formatMs(m.cpuMs)} in ${formatMs(m.wallMs)} of wall time: ${m.parallelism.toFixed(2)} cores busy on average`;
    out.claim(
      'There is no GIL: the workers ran JavaScript on more than one core at the same instant',
      m.parallelism >= 1.2
        ? evidenceIf(true, `${gilFree} (needs ≥ 1.20)`)
        : notJudged(
            `${gilFree}: this run got about one core, and threads that take turns cannot show it`,
            'run it on a machine with 2 free cores',
          ),
    );
    out.say('Running at the same instant is not yet running faster: with free cores the threads run in');
    out.say('parallel, on one busy core they take turns. comparisons/cpu-bound measures the speed-up.');

    out.heading('An error in a worker');
    const e = await catchWorkerError();
    out.say(`The parent gets the worker's own error: ${e.name}: ${e.message}`);
    out.say(`and its stack points into the worker's file: ${e.stack.split('\n')[1]?.trim() ?? ''}`);

    out.heading('terminate(): the only way to stop running JavaScript from outside');
    const t = await terminateBusyWorker();
    out.figure('a worker in for (;;) was stopped in', formatMs(t.terminateMs));
    out.figure('its exit code', String(t.exitCode));

    out.heading('unref(): the daemon-thread counterpart');
    const d = await daemonDemo();
    out.say('Two processes each start a worker that spins forever, then have nothing else to do.');
    out.figure('the one that called worker.unref() exited by itself', `code ${d.unrefExit.code}`);
    out.figure(
      'the one with a normal worker, a second later',
      d.refStillRunning ? 'still running (we stopped it)' : 'exited (unexpected)',
    );
    out.say(
      'A ref()ed worker keeps its process alive; an unref()ed one dies with it when nothing else is left.',
    );

    out.heading('resourceLimits');
    const h = await hitHeapLimit();
    out.say(`A worker with a 32 MB old-generation heap allocating forever died with ${h.code}`);
    out.say(`("${h.message}"), and the main thread carried on.`);

    out.heading('How many workers, and what one costs');
    out.figure('os.availableParallelism()', String(cores));
    out.say('More CPU-bound workers than cores only adds switching; I/O waits need no workers at all.');
    const s = await measureStartup(quick ? 5 : 15);
    out.figure(`worker start-up (median of ${s.repetitions})`, formatMs(s.medianMs));
    out.claim(
      'A worker costs milliseconds to start: reuse workers (threads/worker-pool) for small tasks',
      evidenceAtLeast(s.medianMs, 1, 'median start-up', { format: formatMs }),
    );
  },
});

if (isMain(__filename)) runLessonMain(lesson);
