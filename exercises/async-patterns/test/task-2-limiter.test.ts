import { withTimeout } from '@course/runtime';
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../src/limiter';
import { gatedTasks, settle, stateOf } from './helpers/gated';

describe('Task 2: A concurrency limiter', () => {
  it('runs at most `concurrency` tasks at once, and fills every free slot', async () => {
    const limit = createLimiter(3);
    const t = gatedTasks(8);
    const results = t.gates.map((_, i) => limit.run(t.task(i)));
    await settle();
    expect(t.started, 'with concurrency 3 and 8 tasks, exactly tasks 0, 1 and 2 may start at first').toEqual([
      0, 1, 2,
    ]);
    expect([limit.active, limit.queued], '[active, queued] with 3 running and 5 waiting').toEqual([3, 5]);
    for (let i = 0; i < 8; i++) {
      t.gates[i]!.resolve(i * 10);
      await settle();
      expect(limit.active, `after ${i + 1} task(s) finished`).toBe(Math.min(3, 8 - i - 1));
    }
    expect(await Promise.all(results)).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(t.mostRunning(), 'the most tasks that ever ran at once (concurrency 3)').toBe(3);
  });

  it('starts waiting tasks first in, first out, each the moment a slot frees', async () => {
    const limit = createLimiter(2);
    const t = gatedTasks(6);
    const results = t.gates.map((_, i) => limit.run(t.task(i)));
    await settle();
    t.gates[1]!.resolve(1); // the second task ends first: the oldest waiter (task 2) takes its slot
    await settle();
    expect(t.started, 'after task 1 ended, the oldest waiting task (2) must start, and only it').toEqual([
      0, 1, 2,
    ]);
    for (const i of [0, 2, 3, 4, 5]) {
      t.gates[i]!.resolve(i);
      await settle();
    }
    await Promise.all(results);
    expect(t.started, 'waiting tasks start in the order they were submitted (a queue, not a stack)').toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
  });

  it('frees the slot of a task that rejects, or throws before returning a promise', async () => {
    const limit = createLimiter(1);
    const rejects = limit.run(() => Promise.reject(new Error('rejected')));
    const throws = limit.run((() => {
      throw new Error('thrown');
    }) as () => Promise<never>);
    const after = limit.run(async () => 'ran');
    const outcome = (p: Promise<unknown>) =>
      p.then(
        (value) => `resolved ${String(value)}`,
        (err: Error) => `rejected ${err.message}`,
      );
    const budget = 2_000;
    const what =
      'to run: with concurrency 1 it waits for the failed task before it (a failed task must free its slot)';
    expect(await withTimeout(outcome(rejects), budget, 'the first task to reject')).toBe('rejected rejected');
    expect(await withTimeout(outcome(throws), budget, `the second task ${what}`)).toBe('rejected thrown');
    expect(await withTimeout(outcome(after), budget, `the third task ${what}`)).toBe('resolved ran');
    expect(limit.active).toBe(0);
  });

  it('does not let a task submitted as a slot frees jump the queue', async () => {
    const limit = createLimiter(1);
    const t = gatedTasks(34);
    const first = limit.run(t.task(0));
    const second = limit.run(t.task(1)); // waits for the one slot
    await settle();
    t.gates[0]!.resolve(0);
    // Newcomers arrive at every microtask step after task 0 ends, and after the next macrotask: if
    // the slot ever looks free while task 1 still waits, one of them lands in that gap and starts.
    const newcomers: Promise<number>[] = [];
    for (let k = 2; k < 32; k++) {
      newcomers.push(limit.run(t.task(k)));
      await null;
    }
    await settle();
    for (const k of [32, 33]) newcomers.push(limit.run(t.task(k)));
    await settle();
    expect(
      t.started,
      'task 1 was waiting when task 0 ended, so the slot is its; tasks submitted while the slot was being handed over must queue behind it (was the running count lowered before the next waiter started?)',
    ).toEqual([0, 1]);
    for (const g of t.gates) g.resolve(0);
    await Promise.all([first, second, ...newcomers]);
    expect(t.started, 'every task, in submission order').toEqual(Array.from({ length: 34 }, (_, i) => i));
  });

  it('clear() rejects every waiting task with the reason, lets running ones finish, and keeps working', async () => {
    const limit = createLimiter(1);
    const t = gatedTasks(4);
    const running = limit.run(t.task(0));
    const waiting = [limit.run(t.task(1)), limit.run(t.task(2))];
    await settle();
    const reason = new Error('shutting down');
    limit.clear(reason);
    expect(
      await Promise.all(waiting.map(stateOf)),
      'the two waiting tasks after clear(): each must be rejected at once, not left pending forever',
    ).toEqual(['rejected', 'rejected']);
    for (const w of waiting) await expect(w).rejects.toBe(reason);
    expect(limit.queued, 'queued after clear()').toBe(0);
    t.gates[0]!.resolve(0);
    await expect(running).resolves.toBe(0);
    const later = limit.run(t.task(3));
    t.gates[3]!.resolve(3);
    await expect(withTimeout(later, 2_000, 'a task submitted after clear() to run')).resolves.toBe(3);
    expect(t.started, 'cleared tasks must never start').toEqual([0, 3]);
  });

  it('drops a waiting task whose signal aborts: it rejects with the reason and never starts', async () => {
    const limit = createLimiter(1);
    const t = gatedTasks(3);
    const running = limit.run(t.task(0));
    const cancel = new AbortController();
    const cancelled = limit.run(t.task(1), { signal: cancel.signal });
    const next = limit.run(t.task(2));
    await settle();
    const reason = new Error('user went away');
    cancel.abort(reason);
    expect(await stateOf(cancelled), 'a waiting task whose signal aborted (it must reject at once)').toBe(
      'rejected',
    );
    await expect(cancelled).rejects.toBe(reason);
    expect(limit.queued, 'queued after the abort: the aborted task must leave the queue').toBe(1);
    t.gates[0]!.resolve(0);
    t.gates[2]!.resolve(2);
    await Promise.all([running, next]);
    expect(t.started, 'the aborted task must never start; the next waiter takes the slot').toEqual([0, 2]);
    const already = AbortSignal.abort(new Error('too late'));
    await expect(limit.run(async () => 'x', { signal: already })).rejects.toThrow('too late');
  });

  it('rejects a concurrency that is not an integer >= 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => createLimiter(bad)).toThrow(RangeError);
  });
});
