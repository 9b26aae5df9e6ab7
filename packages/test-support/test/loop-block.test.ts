import { spin } from '@course/runtime';
import { describe, expect, it } from 'vitest';
import { expectLoopResponsive, expectNoLoopBlock, loopBlockMessage, watchEventLoop } from '../src/loop-block';

/** Block the event loop synchronously for about `ms` milliseconds: the hazard being detected. */
function blockFor(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy-wait on purpose
  }
}

/** Let the histogram's timer take samples after a block (it measures on its next tick). */
const turns = (n: number) => new Promise<void>((r) => setTimeout(r, n * 20));

describe('loopBlockMessage', () => {
  it('is empty within the budget and names the figure over it', () => {
    expect(loopBlockMessage({ maxMs: 40, meanMs: 11, p99Ms: 30 }, 50)).toBe('');
    expect(loopBlockMessage({ maxMs: 312.4, meanMs: 20, p99Ms: 300 }, 50, 'solve()')).toMatch(
      /^The event loop was blocked for 312 ms while solve\(\) ran \(budget 50 ms\)/,
    );
  });
});

describe('watchEventLoop', () => {
  it('sees a 300 ms synchronous stretch as a delay of at least 250 ms', async () => {
    const watch = watchEventLoop();
    await turns(2);
    blockFor(300);
    await turns(2);
    expect(watch.stop().maxMs).toBeGreaterThanOrEqual(250);
  });
});

describe('expectLoopResponsive', () => {
  it('fails a function that blocks the loop over budget, with the figure', async () => {
    await expect(
      expectLoopResponsive(
        async () => {
          await turns(1);
          blockFor(300);
          await turns(2);
        },
        100,
        'the busy one',
      ),
    ).rejects.toThrow(/blocked for \d{3,} ms while the busy one ran \(budget 100 ms\)/);
  });

  it('returns the result of a function that keeps the loop free', async () => {
    await expect(expectLoopResponsive(async () => spin(1) * 0 + 42, 1_000)).resolves.toBe(42);
  });
});

describe('expectNoLoopBlock', () => {
  expectNoLoopBlock(1_000);

  it('lets a test that yields between small steps pass', async () => {
    for (let i = 0; i < 5; i++) await turns(1);
  });
});

describe('expectLoopResponsive on a block at the very start and end of the function', () => {
  it('sees a busy-wait that is all the function does', async () => {
    await expect(
      expectLoopResponsive(async () => {
        blockFor(300);
      }, 100),
    ).rejects.toThrow(/blocked for \d{3,} ms/);
  });
});

describe('LoopWatch.finish', () => {
  it('measures a block that ended just before it was called', async () => {
    const watch = watchEventLoop();
    await turns(1);
    blockFor(300);
    expect((await watch.finish()).maxMs).toBeGreaterThanOrEqual(250);
  });
});
