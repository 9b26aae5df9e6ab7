import {
  assertLinearizable,
  expectNoLeaks,
  fifoQueueModel,
  type Operation,
  repeatWithSeeds,
} from '@course/test-support';
import { describe, expect, it } from 'vitest';
import { RingQueue } from '../src/ring-queue';
import { newGate } from './fixtures/gate';
import { runScenario, untilWord } from './fixtures/harness';

/** Check the records every consumer got: each (producer, seq) exactly once, in order per producer. */
function checkDelivery(perConsumer: number[][], producers: number, count: number): void {
  const seen = new Map<number, number>();
  perConsumer.forEach((flat, consumer) => {
    const last = new Map<number, number>();
    for (let i = 0; i < flat.length; i += 2) {
      const [p, seq] = [flat[i] as number, flat[i + 1] as number];
      const key = p * count + seq;
      if (seen.has(key)) throw new Error(`Record (producer ${p}, #${seq}) was popped twice (duplicated)`);
      seen.set(key, consumer);
      const prev = last.get(p) ?? -1;
      if (seq <= prev)
        throw new Error(`Consumer ${consumer} got producer ${p}'s #${seq} after #${prev} (reordered)`);
      last.set(p, seq);
    }
  });
  const missing = producers * count - seen.size;
  if (missing) throw new Error(`${missing} of ${producers * count} records were never popped (lost)`);
}

describe('Task 5: Bounded MPMC ring queue', () => {
  expectNoLeaks();

  it('3 producers x 3,000 records through 2 consumers: none lost, duplicated or reordered per producer (seeded capacity)', async () => {
    await repeatWithSeeds(
      async ({ random }) => {
        const capacity = 1 + random.int(64);
        const [producers, consumers, count] = [3, 2, 3_000];
        const queue = RingQueue.create(capacity, 2);
        const gate = newGate();
        const parties = producers + consumers;
        const popped = Array.from({ length: consumers }, () =>
          runScenario<number[]>(5, 'consume', { queue: queue.buffer, gate, parties }),
        );
        await Promise.all(
          Array.from({ length: producers }, (_, producer) =>
            runScenario(5, 'produce', { queue: queue.buffer, producer, count, gate, parties }),
          ),
        );
        await queue.closeAsync();
        checkDelivery(await Promise.all(popped), producers, count);
        expect(queue.size()).toBe(0);
      },
      { seeds: 2 },
    );
  });

  it('concurrent pushes and pops from 4 workers are linearizable against a FIFO queue (seeded)', async () => {
    await repeatWithSeeds(
      async ({ seed }) => {
        const queue = RingQueue.create(4, 1);
        const gate = newGate();
        const roles = [
          { role: 'producer', base: 1_000, count: 300 },
          { role: 'producer', base: 2_000, count: 300 },
          { role: 'consumer', base: 0, count: 300 },
          { role: 'consumer', base: 0, count: 300 },
        ];
        const logs = await Promise.all(
          roles.map((r) =>
            runScenario<Operation[]>(5, 'history', {
              queue: queue.buffer,
              ...r,
              gate,
              parties: roles.length,
            }),
          ),
        );
        assertLinearizable(
          logs.flat() as Operation<number | undefined, number | string>[],
          fifoQueueModel(),
          { title: `RingQueue history, seed ${seed}` },
        );
      },
      { seeds: 2 },
    );
  });

  it('push and pop time out on a full and an empty queue', async () => {
    const queue = RingQueue.create(2, 1);
    const r = await runScenario<{
      statuses: string[];
      popped: number[];
      pushWaited: number;
      popWaited: number;
    }>(5, 'timeouts', { queue: queue.buffer, timeoutMs: 40 });
    expect(r.statuses).toEqual(['ok', 'ok', 'timeout', 'ok', 'ok', 'timeout']);
    expect(r.popped).toEqual([1, 2]);
    expect(r.pushWaited).toBeGreaterThanOrEqual(35);
    expect(r.popWaited).toBeGreaterThanOrEqual(35);
  });

  it('close() wakes every blocked consumer and producer; records pushed before close are still popped', async () => {
    const empty = RingQueue.create(4, 1);
    const full = RingQueue.create(1, 1);
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const budget = 8_000; // their own pop/push timeout is 20 s: only close() can end them this early
    const blocked = [
      ...Array.from({ length: 3 }, () =>
        runScenario<string>(
          5,
          'blockOnce',
          { queue: empty.buffer, signal: signal.buffer, op: 'pop' },
          budget,
        ),
      ),
      ...Array.from({ length: 2 }, () =>
        runScenario<string>(
          5,
          'blockOnce',
          { queue: full.buffer, signal: signal.buffer, op: 'push' },
          budget,
        ),
      ),
    ];
    await untilWord(signal, 0, (n) => n === 5, 'all 5 workers to start their blocking call');
    await Promise.all([empty.closeAsync(), full.closeAsync()]);
    const statuses = await Promise.all(blocked);
    // The two pushers raced for full's single slot before close: at most one got 'ok'.
    expect(statuses.slice(0, 3)).toEqual(['closed', 'closed', 'closed']);
    expect(statuses.slice(3).filter((s) => s === 'closed').length).toBeGreaterThanOrEqual(1);
    expect(full.size() + statuses.slice(3).filter((s) => s === 'closed').length).toBe(2);
    if (full.size() === 1) {
      // Closed, but not empty: the record pushed before close() is still delivered, then 'closed'.
      const drain = { queue: full.buffer, signal: signal.buffer, op: 'pop' };
      expect(await runScenario(5, 'blockOnce', drain)).toBe('ok');
      expect(await runScenario(5, 'blockOnce', drain)).toBe('closed');
    }
  });

  it('rejects a record of the wrong size, and from(buffer) sees the same queue', () => {
    const queue = RingQueue.create(8, 3);
    const again = RingQueue.from(queue.buffer);
    expect([again.capacity, again.recordInts]).toEqual([8, 3]);
    expect(() => queue.push([1, 2], 0)).toThrow(/3 ints/);
    expect(RingQueue.bytesFor(8, 3)).toBeLessThanOrEqual(queue.buffer.byteLength);
  });
});
