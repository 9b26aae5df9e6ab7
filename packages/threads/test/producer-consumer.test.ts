import { liveHandles } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '../src/producer-consumer/exactly-once';
import { runMessageQueue } from '../src/producer-consumer/message-queue';
import { demonstrateBackpressure, runRingQueue } from '../src/producer-consumer/ring-queue';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

const run = { producers: 3, consumers: 2, capacity: 8, perProducer: 3_000 };

describe('the SharedArrayBuffer ring buffer queue', () => {
  it('holds a producer back when full, then delivers everything in order once a consumer starts', async () => {
    const r = await demonstrateBackpressure();
    expect(['ok', 'not-equal']).toContain(r.outcome);
    expect(r.whileHeld.count).toBe(2);
    expect(r.whileHeld.fullWaits).toBeGreaterThanOrEqual(1);
    expect(r.consumed).toEqual([1, 2, 3, 4, 5]);
    expect(r.after).toMatchObject({ count: 0, closed: true, maxDepth: 2 });
  });

  it('delivers every produced item exactly once to several consumers, never holding more than its capacity', async () => {
    const r = await runRingQueue(run);
    expect(r.audit).toEqual({ produced: 9_000, consumed: 9_000, lost: 0, duplicated: 0 });
    expect(r.maxDepth).toBeLessThanOrEqual(8);
    expect(r.closed).toBe(true);
    expect(r.count).toBe(0);
  });
});

describe('the message-passing queue', () => {
  it('delivers every produced item exactly once, never queueing more than its capacity, and stops every consumer', async () => {
    const r = await runMessageQueue(run);
    expect(r.audit).toEqual({ produced: 9_000, consumed: 9_000, lost: 0, duplicated: 0 });
    expect(r.maxDepth).toBeLessThanOrEqual(8);
  });
});

describe('audit', () => {
  it('counts lost, duplicated and foreign items', () => {
    expect(audit([[1, 2, 3]], [[1], [3, 3]])).toEqual({ produced: 3, consumed: 3, lost: 1, duplicated: 1 });
    expect(audit([[1]], [[1, 99]])).toEqual({ produced: 1, consumed: 2, lost: 0, duplicated: 1 });
  });
});
