import { expectNoLeaks } from '@course/test-support';
import { describe, expect, it } from 'vitest';
import { Condition } from '../src/condition';
import { Mutex } from '../src/mutex';
import { runScenario, untilWord } from './fixtures/harness';

function shared(stateInts: number) {
  return {
    mutex: new Mutex(),
    condition: new Condition(),
    state: new Int32Array(new SharedArrayBuffer(stateInts * 4)),
  };
}

/** Two workers take turns; each waits at most `budgetMs` for a wake-up before declaring it lost. */
async function pingPong(impl: 'subject' | 'lost-wakeup', turns: number, budgetMs: number): Promise<number[]> {
  const { mutex, condition, state } = shared(1);
  const args = {
    mutex: mutex.buffer,
    condition: condition.buffer,
    state: state.buffer,
    turns,
    impl,
    budgetMs,
  };
  // allSettled: when one worker fails, still wait for the other to end (no worker outlives the test).
  const results = await Promise.allSettled(
    [0, 1].map((me) => runScenario<number>(3, 'pingPong', { ...args, me }, 15_000)),
  );
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<number>).value);
}

describe('Task 3: Condition variable', () => {
  expectNoLeaks();

  it('ping-pong: 2 workers hand 5,000 turns to each other with no lost wake-up', async () => {
    expect(await pingPong('subject', 5_000, 2_000)).toEqual([5_000, 5_000]);
  });

  it('the ping-pong test catches a condition that reads its sequence after unlocking (lost wake-up)', async () => {
    const outcome = await pingPong('lost-wakeup', 5_000, 300).catch((err: Error) => err.message);
    expect(outcome).toMatch(/Lost wake-up/);
  });

  it('notifyAll wakes every one of 3 waiting workers', async () => {
    const { mutex, condition, state } = shared(2);
    const args = { mutex: mutex.buffer, condition: condition.buffer, state: state.buffer };
    const waiters = Array.from({ length: 3 }, () => runScenario<string>(3, 'waitForFlag', args));
    await untilWord(state, 1, (n) => n === 3, 'all 3 waiters to register');
    // Taking the mutex means every waiter that registered has released it inside wait().
    expect(await mutex.lockAsync(5_000)).toBe(true);
    state[0] = 1;
    condition.notifyAll();
    mutex.unlock();
    expect(await Promise.all(waiters)).toEqual(Array(3).fill('woken with the flag set'));
  });

  it('notifyOne wakes a waiter whose predicate became true', async () => {
    const { mutex, condition, state } = shared(2);
    const waiter = runScenario<string>(3, 'waitForFlag', {
      mutex: mutex.buffer,
      condition: condition.buffer,
      state: state.buffer,
    });
    await untilWord(state, 1, (n) => n === 1, 'the waiter to register');
    expect(await mutex.lockAsync(5_000)).toBe(true);
    state[0] = 1;
    condition.notifyOne();
    mutex.unlock();
    expect(await waiter).toBe('woken with the flag set');
  });

  it('wait(mutex, timeoutMs) returns false on timeout, holding the mutex again', async () => {
    const { mutex, condition } = shared(1);
    const result = await runScenario(3, 'waitTimesOut', {
      mutex: mutex.buffer,
      condition: condition.buffer,
      timeoutMs: 40,
    });
    expect(result).toEqual({ notified: false, heldAgain: true });
    expect(mutex.isLocked()).toBe(false);
  });

  it('wait() on the main thread throws instead of freezing the event loop', async () => {
    const { mutex, condition } = shared(1);
    expect(await mutex.lockAsync(1_000)).toBe(true);
    expect(() => condition.wait(mutex, 10)).toThrow(/main thread|event loop/);
    expect(mutex.isLocked(), 'the refused wait() must not have released the mutex').toBe(true);
    mutex.unlock();
  });
});
