import { liveHandles, runLesson } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { lesson } from '../src/basic-async';
import { asyncIterators } from '../src/basic-async/async-iterators';
import { blockTheLoop, sliceTheWork } from '../src/basic-async/block-the-loop';
import { cancellationInChild } from '../src/basic-async/cancellation';
import { combinators } from '../src/basic-async/combinators';
import {
  nextTickStarvation,
  orderFromMacrotask,
  orderInsideIoCallback,
} from '../src/basic-async/event-loop-order';
import { rejectionOutcome } from '../src/basic-async/rejection-outcome';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('event-loop order', () => {
  it('runs sync code, then nextTick callbacks, then promise reactions, then timers and immediates', async () => {
    for (let i = 0; i < 20; i++) {
      const order = await orderFromMacrotask();
      expect(order.slice(0, 3)).toEqual(['sync', 'nextTick', 'promise']);
      // timeout vs immediate from a macrotask: either order is allowed, so only the set is asserted.
      expect(order.slice(3).sort()).toEqual(['immediate', 'timeout']);
    }
  });

  it('always runs setImmediate before setTimeout(0) when both are scheduled in an I/O callback', async () => {
    for (let i = 0; i < 20; i++) {
      expect(await orderInsideIoCallback()).toEqual([
        'io',
        'sync',
        'nextTick',
        'promise',
        'immediate',
        'timeout',
      ]);
    }
  });

  it('drains a self-refilling nextTick queue completely before a ready I/O callback runs', async () => {
    expect((await nextTickStarvation(5_000)).ticksBeforeIo).toBe(5_000);
  });
});

describe('blocking the loop', () => {
  it('holds back a due timer and a finished read until the CPU loop ends, and the delay monitor sees it', async () => {
    const r = await blockTheLoop(150);
    expect(r.timerFiredAt).toBeGreaterThanOrEqual(r.blockEndedAt);
    expect(r.ioDoneAt).toBeGreaterThanOrEqual(r.blockEndedAt);
    expect(r.timerLateByMs).toBeGreaterThanOrEqual(130);
    expect(r.maxDelayMs).toBeGreaterThanOrEqual(120); // resolution 10 ms: the block shows as ≥ ~140 ms
  });

  it('lets a timer fire in between when the same work is sliced with setImmediate', async () => {
    const r = await sliceTheWork(100, 5);
    expect(r.slices).toBe(20);
    expect(r.timerFiredAt).toBeLessThan(r.workEndedAt);
  });
});

describe('combinators', () => {
  it('shows all, allSettled, race and any settling as specified', async () => {
    const c = await combinators();
    expect(c.allFulfilled).toEqual(['a', 'b']);
    expect(c.allRejected).toBe('b failed');
    expect(c.othersStillPendingAfterAllRejected).toBe(true);
    expect(c.allSettled).toEqual([
      { status: 'fulfilled', value: 's1' },
      { status: 'rejected', reason: 's2 failed' },
    ]);
    expect(c.race).toBe('rejected: b failed');
    expect(c.any).toBe('n2');
    expect(c.anyAllRejected).toEqual({ name: 'AggregateError', errors: ['x', 'y'] });
  });
});

describe('cancellation', () => {
  it('rejects with AbortError on abort() and on AbortSignal.timeout (cause TimeoutError), leaving no timer', async () => {
    const k = await cancellationInChild(50);
    expect(k.manual.name).toBe('AbortError');
    expect(k.timeout).toMatchObject({
      name: 'AbortError',
      causeName: 'TimeoutError',
      signalReasonName: 'TimeoutError',
    });
    expect(k.timeout.afterMs).toBeGreaterThanOrEqual(45);
    expect(k.timeout.afterMs).toBeLessThan(5_000); // far from the 10 s wait it cancelled
    expect(k.any).toEqual({ name: 'AbortError', reason: 'user pressed cancel' });
    expect(k.customReason).toBe('shutting down');
    expect(k.timersLeft).toBe(0);
  });
});

describe('async iterators', () => {
  it('pull values one at a time, clean up on break, and read streams and events', async () => {
    const r = await asyncIterators();
    expect(r.log).toEqual(['produce 5', 'consume 5', 'produce 4', 'consume 4', 'cleanup']);
    expect(r.taken).toEqual([5, 4]);
    expect(r.streamLines).toEqual(['alpha', 'beta', 'gamma']);
    expect(r.events).toEqual([1, 2, 3]);
  });
});

describe('unhandled rejections', () => {
  it('crash the process with exit code 1 unless handled in time', async () => {
    const [unhandled, awaited, late, forgotten] = await Promise.all(
      ['unhandled', 'awaited', 'late-handler', 'forgotten-promise'].map((s) => rejectionOutcome(s)),
    );
    expect(unhandled).toMatchObject({ survived: false, exitCode: 1 });
    expect(unhandled!.crashLine).toMatch(/boom \(unhandled\)/);
    expect(awaited).toMatchObject({ survived: true, handled: 'boom (awaited)' });
    expect(late).toMatchObject({ survived: false, exitCode: 1 });
    expect(forgotten).toMatchObject({ survived: false, exitCode: 1 });
  });
});

describe('the basic-async lesson', () => {
  it('runs quick and narrates each part', async () => {
    const lines: string[] = [];
    const code = await runLesson(lesson, { quick: true, stream: { write: (s: string) => lines.push(s) } });
    const text = lines.join('');
    expect(code, text).toBe(0);
    expect(text).toContain(
      'Scheduled in an I/O callback: io → sync → nextTick → promise → immediate → timeout',
    );
    expect(text).toMatch(/unhandled: crashed, exit code 1/);
  });
});
