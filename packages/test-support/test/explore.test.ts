import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExploreOptions, explore, ScheduleFailure } from '../src/explore/explore';
import { decodeSchedule, encodeSchedule, timeoutChoice } from '../src/explore/schedulers';

const WORKER = join(__dirname, 'fixtures/explore-worker.ts');

/** Two (or more) threads running the same scenario on one fresh 8-byte explored buffer. */
function scenario(name: string, scenarios: string[], more: Partial<ExploreOptions> = {}): ExploreOptions {
  return {
    name,
    worker: WORKER,
    participants: scenarios.map((s, i) => ({ name: `t${i + 1}`, scenario: s })),
    setup: () => ({ words: new SharedArrayBuffer(8) }),
    ...more,
  };
}

const counterIs =
  (expected: number) =>
  ({ shared }: { shared: Record<string, SharedArrayBuffer> }) =>
    expect(Atomics.load(new Int32Array(shared.words as SharedArrayBuffer), 0), 'the counter').toBe(expected);

async function failureOf(options: ExploreOptions): Promise<ScheduleFailure> {
  const err = await explore(options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `${options.name}: the exploration found nothing`).toBeInstanceOf(ScheduleFailure);
  return err as ScheduleFailure;
}

describe('explore: the interleaving explorer', () => {
  it('replay strings round-trip, with runs and time-outs', () => {
    const choices = [0, 0, 0, 1, 1, timeoutChoice(0), 1, 2];
    expect(encodeSchedule(choices)).toBe('a3b2Abc');
    expect(decodeSchedule('a3b2Abc')).toEqual(choices);
    expect(() => decodeSchedule('a3?')).toThrow(/unexpected "\?" at position 3/);
  });

  it.each(['pct', 'random', 'dfs'] as const)(
    'finds the lost update of a load-then-store counter (%s), shows it step by step, and replays it exactly',
    async (strategy) => {
      const options = scenario('counter', ['loadThenStore', 'loadThenStore'], {
        check: counterIs(2),
        strategy,
      });
      const failure = await failureOf(options);
      // The failing interleaving: both threads load 0 before either stores.
      const loads = failure.trace.filter((s) => s.op === 'load');
      expect(loads.map((s) => s.value)).toEqual([0, 0]);
      expect(failure.message).toMatch(/the counter: expected 1 to be 2/);
      expect(failure.message).toMatch(/Atomics\.load\(words\[0\]\) → 0/);
      expect(failure.message).toContain(`COURSE_SCHEDULE='counter:${failure.schedule}'`);
      const again = await failureOf({ ...options, replay: failure.schedule });
      expect(again.trace).toEqual(failure.trace);
      expect(again.report.schedules).toBe(1);
    },
  );

  it('finds the lost update of a plain view[0] += 1 too: plain reads and writes of explored memory are steps', async () => {
    const failure = await failureOf(
      scenario('plain', ['plainIncrement', 'plainIncrement'], { check: counterIs(2), strategy: 'dfs' }),
    );
    expect(failure.trace.map((s) => s.op)).toEqual(['read', 'read', 'write', 'write']);
  });

  it('dfs tries each of the 6 interleavings of two 2-step threads exactly once, and Atomics.add passes them all', async () => {
    const report = await explore(
      scenario('adds', ['twoAtomicIncrements', 'twoAtomicIncrements'], {
        check: counterIs(4),
        strategy: 'dfs',
        preemptions: 10,
      }),
    );
    expect(report.schedules).toBe(6);
    expect(report.steps).toBe(24);
  });

  it('the same seed explores the same schedules: a failure found once is found in every run', async () => {
    const options = scenario('seeded', ['loadThenStore', 'loadThenStore', 'loadThenStore'], {
      check: counterIs(3),
      strategy: 'pct',
      seed: 7,
    });
    const [a, b] = [await failureOf(options), await failureOf(options)];
    expect(b.schedule).toBe(a.schedule);
    expect(b.report.schedules).toBe(a.report.schedules);
  });

  it('reports a deadlock: a thread waits with no timeout and nobody is left to notify it', async () => {
    const failure = await failureOf(scenario('deadlock', ['waitForZeroToChange', 'atomicIncrement']));
    expect(failure.message).toMatch(/Deadlock/);
    expect(failure.message).toMatch(
      /"t1" sleeps in Atomics\.wait\(words\[1\], 0\) since step \d+, and no thread/,
    );
    expect(failure.message).toMatch(/"t2" had finished/);
  });

  it('wait and notify are modelled exactly: a notified waiter returns ok, a change without a notify does not wake it', async () => {
    const results: unknown[] = [];
    await explore(
      scenario('notify', ['waitForZeroToChange', 'setAndNotify'], {
        strategy: 'dfs',
        check: ({ results: r }) => {
          results.push(r[0]);
          // Woken by the notify ('ok'), or too late to sleep ('not-equal'); never 'timed-out'.
          expect(['ok', 'not-equal']).toContain(r[0]);
          if (r[0] === 'ok') expect(r[1], 'threads the notify woke').toBe(1);
        },
      }),
    );
    expect(new Set(results)).toEqual(new Set(['ok', 'not-equal']));
  });

  it('a timed wait times out only when no other thread can run', async () => {
    await explore(
      scenario('timed', ['waitTimed', 'setAndNotify'], {
        strategy: 'dfs',
        check: ({ results }) => expect(results[0]).not.toBe('timed-out'),
      }),
    );
    await explore(
      scenario('alone', ['waitTimed'], { check: ({ results }) => expect(results[0]).toBe('timed-out') }),
    );
  });

  it('reports a livelock when a spin never ends within the step bound', async () => {
    const failure = await failureOf(scenario('spin', ['spinUntilSet'], { maxSteps: 200 }));
    expect(failure.message).toMatch(/Livelock: 200 steps/);
  });

  it('leaves memory it does not explore alone: real Atomics, real waits', async () => {
    await explore(
      scenario('private', ['privateBufferIsUntouched'], {
        check: ({ results }) => expect(results[0]).toEqual([5, 'timed-out']),
      }),
    );
  });
});
