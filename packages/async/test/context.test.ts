import { captureNarrator, liveHandles, runLesson } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { lesson } from '../src/context';
import { concurrentRequests, countMisattributed } from '../src/context/concurrent-requests';
import { followAcrossAsyncWork } from '../src/context/follow-async-work';
import { intoAWorker } from '../src/context/into-a-worker';
import { whereContextIsLost } from '../src/context/where-context-is-lost';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('AsyncLocalStorage across async hops', () => {
  it('gives the request id back after await, timers, immediates, nextTick, microtasks, a pipeline and an emit', async () => {
    const { hops } = await followAcrossAsyncWork('req-7');
    expect(hops.map((h) => h.via)).toEqual([
      'synchronous start',
      'after await',
      'setTimeout callback',
      'setImmediate callback',
      'process.nextTick callback',
      'queueMicrotask callback',
      'after timers/promises',
      'stream transform',
      'stream sink',
      'listener of an emit made by the request',
    ]);
    for (const h of hops) expect(h, h.via).toEqual({ via: h.via, seen: 'req-7' });
  });

  it('keeps two runs apart even when they follow the same code', async () => {
    const [a, b] = await Promise.all([followAcrossAsyncWork('a'), followAcrossAsyncWork('b')]);
    expect(new Set(a.hops.map((h) => h.seen))).toEqual(new Set(['a']));
    expect(new Set(b.hops.map((h) => h.seen))).toEqual(new Set(['b']));
  });
});

describe('concurrent requests on one thread', () => {
  it('attributes every line to its own request through storage, and all but one wrongly through a shared variable', async () => {
    const r = await concurrentRequests(6);
    expect(r.fromStorage).toHaveLength(6);
    expect(countMisattributed(r.fromStorage)).toBe(0);
    // The gates open in reverse order after all six started: each line is logged as the last starter.
    expect(countMisattributed(r.fromGlobal)).toBe(5);
    expect(new Set(r.fromGlobal.map((l) => l.loggedAs))).toEqual(new Set(['req-6']));
  });
});

describe('where the context does not follow the code', () => {
  it('runs a listener in the context of the emit and a queued callback in the drainer’s, unless bound or snapshotted', () => {
    expect(whereContextIsLost()).toEqual({
      listenerAddedInA: 'B',
      queuedCallback: 'flusher',
      boundCallback: 'A',
      snapshot: 'A',
    });
  });
});

describe('a worker', () => {
  it('starts with no store of the parent’s, and re-enters each id that came in a message', async () => {
    const r = await intoAWorker(['x-1', 'x-2', 'x-3']);
    expect(r.parentHad).toBe('req-parent');
    expect(r.workerStartSaw).toBeUndefined();
    expect(r.answers).toEqual([
      { askedFor: 'x-1', seenInWorker: 'x-1' },
      { askedFor: 'x-2', seenInWorker: 'x-2' },
      { askedFor: 'x-3', seenInWorker: 'x-3' },
    ]);
  });
});

describe('the lesson', () => {
  it('runs at --quick with every claim holding, and leaves nothing running', async () => {
    const out = captureNarrator();
    await lesson.run({ quick: true, signal: new AbortController().signal, out });
    expect(out.claims().length).toBe(4);
    for (const c of out.claims())
      expect(c.evidence.verdict, `${c.text}: ${c.evidence.because}`).toBe('holds');
  });

  it('runs through the runner and exits 0', async () => {
    const chunks: string[] = [];
    const code = await runLesson(lesson, { quick: true, stream: { write: (c: string) => chunks.push(c) } });
    expect(code, chunks.join('')).toBe(0);
  });
});
