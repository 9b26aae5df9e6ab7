import { createServer } from 'node:net';
import { join } from 'node:path';
import { runnableEntry, runWorker } from '@course/runtime';
import { describe, expect, it } from 'vitest';

// End to end with loopback only: the guard's decisions are tested as a pure function elsewhere.
describe('the network guard in workers started by code under test', () => {
  it('is installed in every worker through COURSE_PRELOAD, and loopback connections still work', async () => {
    const server = createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const before = process.env.COURSE_PRELOAD;
    process.env.COURSE_PRELOAD = runnableEntry(join(__dirname, '..', 'src', 'guard', 'net-guard-preload.ts'));
    try {
      const answer = await runWorker(join(__dirname, 'fixtures', 'guard', 'guard-state-worker.ts'), {
        workerData: port,
        timeoutMs: 15_000,
      });
      expect(answer).toEqual({ guarded: true, loopback: 'connected' });
    } finally {
      if (before === undefined) delete process.env.COURSE_PRELOAD;
      else process.env.COURSE_PRELOAD = before;
      await new Promise((r) => server.close(r));
    }
  });
});
