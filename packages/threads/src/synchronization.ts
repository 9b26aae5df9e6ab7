import { availableParallelism } from 'node:os';
import {
  allOf,
  defineLesson,
  evidenceCount,
  evidenceIf,
  formatMs,
  isMain,
  runLessonMain,
} from '@course/runtime';
import { withdrawTwice } from './synchronization/async-race';
import { type IncrementMode, sharedCounter } from './synchronization/lost-update';
import { asyncWaitOnMain, blockingWaitOnMain } from './synchronization/main-thread-wait';
import { boundedBySemaphore, meetAtBarrier, twoLocks, waitForCondition } from './synchronization/primitives';

/**
 * Run the unsynchronised counter up to `attempts` times until an update is lost (a race shows only
 * when the threads really interleave), and return every attempt.
 *
 * @example
 * const { observed } = await findLostUpdates({ workers: 2, iterations: 2e6, attempts: 10 });
 */
export async function findLostUpdates({
  workers,
  iterations,
  attempts,
}: {
  workers: number;
  iterations: number;
  attempts: number;
}) {
  const runs: Awaited<ReturnType<typeof sharedCounter>>[] = [];
  for (let i = 0; i < attempts; i++) {
    const r = await sharedCounter({ workers, iterations, mode: 'plain' });
    runs.push(r);
    if (r.lost > 0) break;
  }
  return { runs, observed: runs.some((r) => r.lost > 0) };
}

export const lesson = defineLesson({
  id: 'threads/synchronization',
  title: 'Synchronization: SharedArrayBuffer, Atomics, locks',
  summary:
    'Lost updates on shared memory, Atomics, a mutex, semaphore, barrier, condition variable, deadlock, and async races.',
  concepts: [
    'SharedArrayBuffer',
    'Atomics',
    'lost update',
    'mutex',
    'semaphore',
    'barrier',
    'condition variable',
    'deadlock',
    'async mutex',
  ],
  docs: 'docs/concepts/memory-model.md',
  async run({ quick, out }) {
    const workers = Math.max(2, Math.min(availableParallelism(), 4));
    const iterations = quick ? 1_000_000 : 5_000_000;

    out.heading('A lost update: counter[0]++ from several threads');
    const race = await findLostUpdates({ workers, iterations, attempts: 10 });
    const last = race.runs[race.runs.length - 1]!;
    out.say(
      `${workers} workers each add 1, ${iterations.toLocaleString('en-US')} times, to one Int32 in a SharedArrayBuffer.`,
    );
    out.figure('expected', last.expected.toLocaleString('en-US'));
    out.figure(
      'got',
      `${last.final.toLocaleString('en-US')}  (${last.lost.toLocaleString('en-US')} updates lost, attempt ${race.runs.length})`,
    );
    out.say('`++` is read, add, write: two threads read 41, both write 42, one increment is gone.');
    const exact: Array<{ mode: IncrementMode; lost: number }> = [];
    for (const mode of ['atomic', 'mutex'] as IncrementMode[]) {
      const r = await sharedCounter({
        workers,
        iterations: mode === 'mutex' ? iterations / 10 : iterations,
        mode,
      });
      out.figure(
        mode === 'atomic' ? 'with Atomics.add' : 'with ++ under a Mutex (Atomics.wait/notify)',
        `${r.final.toLocaleString('en-US')} of ${r.expected.toLocaleString('en-US')} in ${formatMs(r.ms)}`,
      );
      exact.push({ mode, lost: r.lost });
    }
    out.claim(
      'Shared memory needs Atomics (one indivisible step) or a lock around the whole read-modify-write',
      allOf(
        evidenceCount(last.lost, 'updates lost with plain ++', {
          context: `(in ${race.runs.length} run${race.runs.length === 1 ? '' : 's'})`,
          tryNext: 'run it again: the race needs the threads to interleave, which a busy machine may not do',
        }),
        ...exact.map(({ mode, lost }) =>
          evidenceIf(lost === 0, `${lost} lost with ${mode === 'atomic' ? 'Atomics.add' : 'the Mutex'}`),
        ),
      ),
    );

    out.heading('Why not Atomics.wait on the main thread?');
    const w = { blocking: await blockingWaitOnMain(quick ? 100 : 250), async: await asyncWaitOnMain(10_000) };
    out.say(
      'Node allows it (browsers throw), but it blocks the event loop. A timer due in 0 ms would wake the waiter:',
    );
    out.figure('Atomics.wait', `${w.blocking.events.join(' → ')} after ${formatMs(w.blocking.ms)}`);
    out.figure('Atomics.waitAsync', `${w.async.events.join(' → ')} after ${formatMs(w.async.ms)}`);
    out.claim(
      'Block in workers; on the main thread await Atomics.waitAsync so the loop keeps running',
      evidenceIf(
        w.blocking.events[0]?.startsWith('Atomics.wait') === true && w.async.events[0] === 'timer fired',
        `the timer fired after Atomics.wait gave up (${w.blocking.result}), but before Atomics.waitAsync resolved (${w.async.result})`,
      ),
    );

    out.heading('A semaphore bounds concurrency');
    const sem = await boundedBySemaphore({ workers: 4, permits: 2, rounds: quick ? 20 : 200 });
    out.figure('most of 4 workers inside at once, with 2 permits', String(sem.maxInside));
    out.figure('entries', String(sem.entries));

    out.heading('A barrier lines threads up');
    const bar = await meetAtBarrier({ parties: workers, rounds: 3 });
    out.say(
      `After each meeting every worker saw all ${workers} arrivals: ${bar.seen.map((s) => `[${s.join(', ')}]`).join(' ')}`,
    );

    out.heading('A condition variable: wait for a state change without spinning or missing it');
    for (const waiterFirst of [true, false]) {
      const c = await waitForCondition({ waiterFirst });
      out.figure(
        waiterFirst ? 'waiter started first, it saw' : 'setter started first, the waiter saw',
        String(c.waiterSaw),
      );
    }

    out.heading('Deadlock: two locks taken in opposite orders');
    const dead = await twoLocks({ ordered: false, rounds: 2, timeoutMs: quick ? 100 : 300 });
    out.figure(
      'opposite orders: lock attempts that timed out',
      `${dead.timedOut} (completed ${dead.completed})`,
    );
    const fixed = await twoLocks({ ordered: true, rounds: quick ? 1_000 : 10_000, timeoutMs: 10_000 });
    out.figure(
      'one global order (A before B): timed out',
      `${fixed.timedOut} (completed ${fixed.completed})`,
    );
    out.claim(
      'A timeout detects a deadlock; taking locks in one fixed order prevents it',
      allOf(
        evidenceCount(dead.timedOut, 'lock attempts timed out in opposite orders'),
        evidenceIf(fixed.timedOut === 0, `${fixed.timedOut} timed out in one order`),
      ),
    );

    out.heading('One thread, still a race: check-then-act across await');
    const unsafe = await withdrawTwice({ start: 100, amount: 30, locked: false });
    const safe = await withdrawTwice({ start: 100, amount: 30, locked: true });
    out.figure(
      'two withdrawals of 30 from 100, unlocked',
      `${unsafe.succeeded} succeeded, balance ${unsafe.final} (should be ${unsafe.expected})`,
    );
    out.figure('the same under an AsyncMutex', `${safe.succeeded} succeeded, balance ${safe.final}`);
    out.claim(
      'The event loop runs one callback at a time, but every await is a point where others run',
      evidenceIf(
        unsafe.final !== unsafe.expected && safe.final === safe.expected,
        `unlocked: balance ${unsafe.final} where ${unsafe.expected} was due; locked: ${safe.final} as due`,
      ),
    );
  },
});

if (isMain(__filename)) runLessonMain(lesson);
