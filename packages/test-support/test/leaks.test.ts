import { createServer } from 'node:net';
import { join } from 'node:path';
import { liveHandles, startWorker } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { describeLeaks, diffResources, expectNoLeaks, findLeaks, resourceCounts } from '../src/leaks';

describe('diffResources', () => {
  it('reports only the types that grew, with before and after counts', () => {
    const before = new Map([
      ['Timeout', 1],
      ['TCPServerWrap', 1],
    ]);
    const after = new Map([
      ['Timeout', 3],
      ['TCPServerWrap', 1],
      ['TCPSocketWrap', 1],
    ]);
    expect(diffResources(before, after)).toEqual([
      { type: 'TCPSocketWrap', before: 0, after: 1 },
      { type: 'Timeout', before: 1, after: 3 },
    ]);
  });

  it('ignores transient types such as file-system requests in flight', () => {
    expect(diffResources(new Map(), new Map([['FSReqCallback', 2]]))).toEqual([]);
  });
});

describe('findLeaks', () => {
  afterEach(async () => {
    await Promise.all(liveHandles().map((h) => h.stop()));
  });

  it('finds a timer left running and names it in the message', async () => {
    // Counts are compared by type, so an unrelated timer (the test runner's own) that expires during
    // the grace period can hide one growth: that is noise from outside, so the scenario gets three tries.
    let message: string | undefined;
    for (let attempt = 0; attempt < 3 && message === undefined; attempt++) {
      const before = resourceCounts();
      const timer = setInterval(() => {}, 60_000);
      try {
        const report = await findLeaks(before, { graceMs: 50 });
        if (report.resources.some((r) => r.type === 'Timeout')) message = describeLeaks(report);
      } finally {
        clearInterval(timer);
      }
    }
    expect(message).toMatch(/1 timer\(s\) \(clearTimeout\/clearInterval them\)/);
  });

  it('finds a listening server and a worker left running', async () => {
    const before = resourceCounts();
    const server = createServer().listen(0, '127.0.0.1');
    const worker = startWorker(join(__dirname, 'fixtures', 'idle-worker.ts'));
    try {
      const report = await findLeaks(before, { graceMs: 50 });
      expect(report.handles.map((h) => h.kind)).toEqual(['worker']);
      expect(report.resources.map((r) => r.type)).toContain('TCPServerWrap');
      expect(describeLeaks(report)).toMatch(
        /a worker \(.*idle-worker\.ts\) started \d+ ms ago is still running/,
      );
    } finally {
      server.close();
      await worker.terminate();
    }
  });

  it('reports nothing once everything started was stopped, even if stopping was still in flight', async () => {
    const before = resourceCounts();
    const worker = startWorker(join(__dirname, 'fixtures', 'idle-worker.ts'));
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    void worker.terminate(); // not awaited: findLeaks must wait for it within its grace
    server.close();
    const report = await findLeaks(before, { graceMs: 5_000 });
    expect(describeLeaks(report)).toBe('');
  });
});

describe('expectNoLeaks', () => {
  expectNoLeaks();

  it('passes a test that cleans up after itself', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    await new Promise<void>((r) => server.close(() => r()));
  });
});
