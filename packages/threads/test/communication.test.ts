import { liveHandles } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { broadcastTo, workerToWorker } from '../src/communication/channels';
import { signalThroughSharedMemory } from '../src/communication/sab-signal';
import { compareTransferAndClone } from '../src/communication/transfer-vs-clone';
import { whatCannotBeSent } from '../src/communication/uncloneable';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('the communication lesson', () => {
  it('lets two workers talk directly over a MessageChannel', async () => {
    const r = await workerToWorker();
    expect(r.text).toBe('hello, other worker');
    expect(r.from).toBe(r.senderThreadId);
    expect(r.receivedBy).toBe(r.receiverThreadId);
    expect(r.from).not.toBe(r.receivedBy);
  });

  it('delivers one BroadcastChannel post to every worker that joined', async () => {
    const r = await broadcastTo(3);
    expect(r.heard.map((h) => h.threadId).sort()).toEqual([...r.workerThreadIds].sort());
    expect(r.heard.every((h) => h.got === 'one post, every listener')).toBe(true);
  });

  it('moves a 16 MiB buffer by transfer and shares it by SharedArrayBuffer at least 10x faster than cloning it', async () => {
    const r = await compareTransferAndClone({ mib: 16, repetitions: 5 });
    expect(r.intact).toBe(true);
    expect(r.detachedAfterTransfer).toBe(true);
    expect(r.cloneMs / r.transferMs).toBeGreaterThanOrEqual(10);
    expect(r.cloneMs / r.sharedMs).toBeGreaterThanOrEqual(10);
  });

  it('answers through shared memory with Atomics signalling alone', async () => {
    const r = await signalThroughSharedMemory(21);
    expect(r).toMatchObject({ input: 21, output: 42, outcome: 'ok' });
  });

  it('refuses a function with a DataCloneError and strips a class instance to its fields', async () => {
    const r = await whatCannotBeSent();
    expect(r.functionError?.name).toBe('DataCloneError');
    expect(r.functionError?.message).toMatch(/could not be cloned/);
    expect(r.point).toEqual({ isPoint: false, fields: { x: 3, y: 4 }, hasMethod: false });
    expect([r.mapIntact, r.dateIntact, r.errorIntact]).toEqual([true, true, true]);
  });
});
