import { allOf, defineLesson, evidenceIf, formatMs, isMain, runLessonMain } from '@course/runtime';
import { asyncIterators } from './basic-async/async-iterators';
import { blockTheLoop, idleLoopDelay, sliceTheWork } from './basic-async/block-the-loop';
import { cancellationInChild } from './basic-async/cancellation';
import { combinators } from './basic-async/combinators';
import {
  nextTickStarvation,
  orderFromMacrotask,
  orderInsideIoCallback,
  timeoutVsImmediateTally,
} from './basic-async/event-loop-order';
import { rejectionOutcome } from './basic-async/rejection-outcome';

export const lesson = defineLesson({
  id: 'async/basic-async',
  title: 'The event loop: promises, phases, blocking, cancellation',
  summary:
    'One thread runs your JavaScript; the event loop decides what runs next, and a CPU loop stops it all.',
  concepts: [
    'event loop phases',
    'process.nextTick',
    'microtasks',
    'setImmediate',
    'monitorEventLoopDelay',
    'Promise combinators',
    'AbortController',
    'async iterators',
    'unhandled rejections',
  ],
  docs: 'docs/concepts/node-model.md',
  async run({ quick, out }) {
    out.heading('Who runs first: nextTick, promises, timers, setImmediate, I/O');
    const fromMacrotask = await orderFromMacrotask();
    out.say(`Scheduled from a macrotask:   ${fromMacrotask.join(' → ')}`);
    const fromIo = await orderInsideIoCallback();
    out.say(`Scheduled in an I/O callback: ${fromIo.join(' → ')}`);
    out.say(
      'Synchronous code finishes first; then the whole nextTick queue; then promise reactions (microtasks).',
    );
    out.say(
      'Inside an I/O callback, setImmediate always beats setTimeout(0): check comes right after poll, and the timer is not due yet.',
    );
    const tally = await timeoutVsImmediateTally(quick ? 20 : 100);
    out.figure(
      'outside I/O, timeout(0) first / immediate first',
      `${tally.timeoutFirst} / ${tally.immediateFirst}`,
    );
    out.warn('Outside an I/O callback that order is not guaranteed: never rely on it.');
    const ticks = 10_000;
    const starve = await nextTickStarvation(ticks);
    out.figure('nextTick callbacks run before a ready file read got its turn', String(starve.ticksBeforeIo));
    out.claim(
      'A self-refilling nextTick (or microtask) queue starves timers and I/O: the loop cannot move on',
      evidenceIf(
        starve.ticksBeforeIo === ticks,
        `the file read's callback waited for all ${starve.ticksBeforeIo.toLocaleString('en-US')} of ${ticks.toLocaleString('en-US')} nextTicks`,
      ),
    );

    out.heading('Blocking the loop');
    const blockMs = quick ? 150 : 400;
    const idle = await idleLoopDelay(200);
    const blocked = await blockTheLoop(blockMs);
    out.table(
      [
        { what: 'idle loop', max: formatMs(idle.maxDelayMs), p50: formatMs(idle.p50DelayMs) },
        {
          what: `${blockMs} ms CPU loop`,
          max: formatMs(blocked.maxDelayMs),
          p50: formatMs(blocked.p50DelayMs),
        },
      ],
      [
        { header: 'monitorEventLoopDelay', value: (r) => r.what },
        { header: 'max delay', value: (r) => r.max, align: 'right' },
        { header: 'median', value: (r) => r.p50, align: 'right' },
      ],
    );
    out.figure('a 10 ms timer fired late by', formatMs(blocked.timerLateByMs));
    out.say(
      'The timer and a finished file read both waited for the CPU loop to end: nothing preempts running JavaScript.',
    );
    const sliced = await sliceTheWork(blockMs, 5);
    out.say(
      `The same work in ${sliced.slices} slices of 5 ms, yielding with setImmediate between them: the 10 ms timer ` +
        `fired after ${formatMs(sliced.timerFiredAt - sliced.startedAt)}, while the work went on until ${formatMs(sliced.workEndedAt - sliced.startedAt)}.`,
    );
    const slicedTimerMs = sliced.timerFiredAt - sliced.startedAt;
    const slicedWorkMs = sliced.workEndedAt - sliced.startedAt;
    out.claim(
      'Keep each callback short; move long CPU work to a worker thread (see threads/basic-threads)',
      allOf(
        evidenceIf(
          blocked.timerLateByMs >= blockMs / 2,
          `one ${blockMs} ms callback made the 10 ms timer ${formatMs(blocked.timerLateByMs)} late`,
        ),
        evidenceIf(
          slicedTimerMs < slicedWorkMs,
          `sliced, it fired at ${formatMs(slicedTimerMs)}, before the work ended at ${formatMs(slicedWorkMs)}`,
        ),
      ),
    );

    out.heading('Promise.all / allSettled / race / any');
    const c = await combinators();
    out.say(
      `all: [${c.allFulfilled.join(', ')}]; with one failure it rejects at once ("${c.allRejected}") while the others keep running.`,
    );
    out.say(`allSettled: ${c.allSettled.map((s) => s.status).join(', ')} (never rejects).`);
    out.say(`race: ${c.race} (the first to settle, success or not).`);
    out.say(
      `any: ${c.any} (first success); all failing gives ${c.anyAllRejected.name} [${c.anyAllRejected.errors.join(', ')}].`,
    );

    out.heading('Cancellation with AbortController and AbortSignal.timeout');
    const k = await cancellationInChild(quick ? 50 : 100);
    out.say(
      `abort(): ${k.manual.name} after ${formatMs(k.manual.afterMs)}; AbortSignal.timeout: ${k.timeout.name} (cause ${k.timeout.causeName}) after ${formatMs(k.timeout.afterMs)}.`,
    );
    out.say(`AbortSignal.any: ${k.any.name}, reason "${k.any.reason}". Timers left behind: ${k.timersLeft}.`);
    out.claim(
      'Cancellation is cooperative: pass the signal down to every await that should stop',
      evidenceIf(
        k.manual.name === 'AbortError' && k.timeout.name === 'AbortError' && k.timersLeft === 0,
        `both waits rejected with ${k.manual.name} / ${k.timeout.name}, and ${k.timersLeft} timers were left behind`,
      ),
    );

    out.heading('Async iterators');
    const it = await asyncIterators();
    out.say(`Generator with break after 2: ${it.log.join(', ')}`);
    out.say(`Stream lines: ${it.streamLines.join(', ')}; events via events.on(): ${it.events.join(', ')}`);

    out.heading('Unhandled rejections (each in its own child process)');
    const outcomes: Record<string, boolean> = {};
    for (const scenario of ['unhandled', 'awaited', 'late-handler', 'forgotten-promise']) {
      const r = await rejectionOutcome(scenario);
      outcomes[scenario] = r.survived;
      out.figure(
        scenario,
        r.survived ? `survived (handled: ${r.handled ?? 'no'})` : `crashed, exit code ${r.exitCode}`,
      );
    }
    out.claim(
      'Await every promise you start (or attach .catch at once); a rejection nobody handles ends the process',
      evidenceIf(
        outcomes.awaited === true && outcomes.unhandled === false && outcomes['forgotten-promise'] === false,
        `awaited: ${outcomes.awaited ? 'survived' : 'crashed'}; unhandled: ${outcomes.unhandled ? 'survived' : 'crashed'}; forgotten promise: ${outcomes['forgotten-promise'] ? 'survived' : 'crashed'}`,
      ),
    );
  },
});

if (isMain(__filename)) runLessonMain(lesson);
