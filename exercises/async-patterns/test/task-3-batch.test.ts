import { deferred } from '@course/runtime';
import { describe, expect, it } from 'vitest';
import { failFast, runBatch } from '../src/batch';
import { gatedTasks, observed, settle, stateOf, throwIfRejected } from './helpers/gated';

describe('Task 3: A batch that reports every failure', () => {
  describe('runBatch (the allSettled way)', () => {
    it('starts every item before any of them finishes', async () => {
      const t = gatedTasks<string>(5);
      const report = observed(runBatch([0, 1, 2, 3, 4], (i) => t.task(i)()));
      await throwIfRejected(report);
      expect(
        t.started,
        'items that had started while none had finished yet: a batch runs its items at once, not one await after another',
      ).toEqual([0, 1, 2, 3, 4]);
      for (const g of t.gates) g.resolve('ok');
      await report;
    });

    it('reports every failure and every success, in input order, whatever order they finish in', async () => {
      const t = gatedTasks<string>(5);
      const fails = new Set([1, 2, 4]);
      const report = observed(
        runBatch([0, 1, 2, 3, 4], async (i) => {
          const value = await t.task(i)();
          if (fails.has(i)) throw new Error(`item ${i} failed`);
          return value;
        }),
      );
      await throwIfRejected(report);
      for (const i of [4, 3, 2, 1, 0]) {
        t.gates[i]!.resolve(`value ${i}`); // the last item finishes first
        await settle();
      }
      const { succeeded, failed } = await report;
      expect(
        failed.map((f) => [f.item, (f.error as Error).message]),
        'the failures reported: all three, each with its own error, in input order (Promise.all would keep only the first)',
      ).toEqual([
        [1, 'item 1 failed'],
        [2, 'item 2 failed'],
        [4, 'item 4 failed'],
      ]);
      expect(succeeded, 'the successes, in input order').toEqual([
        { item: 0, value: 'value 0' },
        { item: 3, value: 'value 3' },
      ]);
    });

    it('resolves even when every item fails, and counts a synchronous throw as that item failing', async () => {
      const report = await runBatch(['a', 'b'], (item) => {
        if (item === 'a') throw new Error('threw before returning a promise');
        return Promise.reject(new Error('rejected'));
      }).catch((err: Error) =>
        expect.fail(
          `runBatch rejected with "${err.message}": a work that throws before returning a promise is that item's failure, to report like the others, not an error that escapes runBatch`,
        ),
      );
      expect(report.succeeded).toEqual([]);
      expect(report.failed.map((f) => [f.item, (f.error as Error).message])).toEqual([
        ['a', 'threw before returning a promise'],
        ['b', 'rejected'],
      ]);
    });
  });

  describe('failFast (the Promise.all way)', () => {
    it('resolves with the values in input order', async () => {
      const t = gatedTasks<number>(3);
      const all = observed(failFast([0, 1, 2], (i) => t.task(i)()));
      await throwIfRejected(all);
      for (const i of [2, 0, 1]) t.gates[i]!.resolve(i * 100);
      await expect(all).resolves.toEqual([0, 100, 200]);
    });

    it('rejects the moment the first failure happens and aborts the signal of every other item', async () => {
      const signals: AbortSignal[] = [];
      const gates = [deferred<number>(), deferred<number>(), deferred<number>()];
      const all = observed(
        failFast([0, 1, 2], (i, signal) => {
          signals.push(signal);
          return gates[i]!.promise;
        }),
      );
      await throwIfRejected(all);
      expect(signals.length, 'items started before any finished').toBe(3);
      const boom = new Error('item 2 failed first');
      gates[2]!.reject(boom); // the last item fails while the others still run
      expect(
        await stateOf(all),
        'failFast after one item failed and two still run: it must not wait for them',
      ).toBe('rejected');
      await expect(all).rejects.toBe(boom);
      expect(
        [signals[0]!.aborted, signals[1]!.aborted],
        'the signals of the two items still running: after the first failure they must be aborted so their work can stop',
      ).toEqual([true, true]);
      expect(signals[0]!.reason, 'the abort reason: the failure that ended the batch').toBe(boom);
      gates[0]!.resolve(0);
      gates[1]!.reject(new Error('late failure'));
      await settle();
    });

    it('aborts nothing when every item succeeds', async () => {
      const signals: AbortSignal[] = [];
      await failFast([1, 2], async (i, signal) => {
        signals.push(signal);
        return i;
      });
      expect(signals.map((s) => s.aborted)).toEqual([false, false]);
    });
  });
});
