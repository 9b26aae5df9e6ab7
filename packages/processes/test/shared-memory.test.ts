import { captureNarrator, liveHandles } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { lesson } from '../src/shared-memory';
import { ipcCost } from '../src/shared-memory/ipc-cost';
import { messageCounter } from '../src/shared-memory/message-counter';
import { sabAcrossIpc } from '../src/shared-memory/sab-across-ipc';
import { sabThreads } from '../src/shared-memory/sab-threads';
import { sharedFileCounter } from '../src/shared-memory/shared-file';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('sabAcrossIpc', () => {
  it('refuses a SharedArrayBuffer, copies a view of one, and turns it into {} under JSON', async () => {
    const r = await sabAcrossIpc();
    expect(r.advancedSabError).toBe('#<SharedArrayBuffer> could not be cloned.');
    expect(r.viewArrival).toEqual({
      tag: '[object Int32Array]',
      bufferTag: '[object ArrayBuffer]',
      firstAfterWrite: 7,
    });
    expect(r.parentStillSees).toBe(42);
    expect(r.jsonArrival).toBe('{"sab":{}}');
  });
});

describe('ipcCost', () => {
  it('makes a round trip cost more as the payload grows, and a Float64Array cheaper than a number array', async () => {
    // The fastest of several runs: noise on a shared machine only ever adds time.
    const rows = await ipcCost([100, 200_000], 5);
    for (const kind of ['json number[]', 'advanced number[]', 'advanced Float64Array'] as const) {
      const [small, big] = rows.filter((r) => r.kind === kind);
      expect(big!.minMs).toBeGreaterThan(3 * small!.minMs);
    }
    const at = (kind: string) => rows.find((r) => r.kind === kind && r.count === 200_000)!.minMs;
    expect(at('advanced Float64Array')).toBeLessThan(at('json number[]'));
    expect(at('advanced Float64Array')).toBeLessThan(at('advanced number[]'));
  });
});

describe('sharedFileCounter', () => {
  it('never loses an update when every writer process holds the O_EXCL lock file', async () => {
    const r = await sharedFileCounter('locked', 3, 300);
    expect(r).toMatchObject({ expected: 900, final: 900, lost: 0 });
  });

  it('never loses an update when each writer process owns its slot', async () => {
    const r = await sharedFileCounter('own-slot', 3, 1000);
    expect(r).toMatchObject({ expected: 3000, final: 3000, lost: 0 });
  });

  it('loses updates when writer processes race on a read-modify-write without a lock', async () => {
    // A race is probabilistic: allow three runs for the interleaving to show (it nearly always does at once).
    let lost = 0;
    for (let attempt = 0; attempt < 3 && lost === 0; attempt++)
      lost = (await sharedFileCounter('unlocked', 3, 2000)).lost;
    expect(lost).toBeGreaterThan(0);
  });
});

describe('messageCounter', () => {
  it('counts every increment sent by several processes to the one owner', async () => {
    expect(await messageCounter(3, 500)).toMatchObject({ expected: 1500, final: 1500 });
  });
});

describe('sabThreads', () => {
  it('shares one counter between threads for real: the parent reads every Atomics.add', async () => {
    expect(await sabThreads(true, 2, 100_000)).toMatchObject({ expected: 200_000, final: 200_000, lost: 0 });
  });
});

describe('shared-memory lesson', () => {
  it('narrates every experiment in quick mode', async () => {
    const out = captureNarrator();
    await lesson.run({ quick: true, signal: new AbortController().signal, out });
    const text = out.text();
    expect(text).toMatch(/could not be cloned/);
    expect(text).toMatch(/O_EXCL lock file/);
    expect(text).toMatch(/node-gyp/);
  }, 120_000);
});
