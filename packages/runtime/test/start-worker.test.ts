import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAbortError, liveHandles, runWorker, startWorker, TimeoutError, WorkerExitError } from '../src';

const fixture = (name: string) => join(__dirname, 'fixtures', name);

describe('startWorker and runWorker', () => {
  it('start a TypeScript worker that imports workspace code and get its answer', async () => {
    const answer = await runWorker<{ echo: unknown; threadId: number; median: number }>(
      fixture('echo-worker.ts'),
      {
        workerData: { n: 42 },
        timeoutMs: 10_000,
      },
    );
    expect(answer.echo).toEqual({ n: 42 });
    expect(answer.median).toBe(2);
    expect(answer.threadId).toBeGreaterThan(0);
  });

  it("resolve a bundled module's third-party imports from that module's own package", async () => {
    await expect(runWorker(fixture('uses-kleur-worker.ts'), { timeoutMs: 10_000 })).resolves.toBe('string');
  });

  it('start a plain .js worker as it is', async () => {
    await expect(runWorker(fixture('plain-worker.js'), { timeoutMs: 10_000 })).resolves.toBe('plain');
  });

  it("surface an error thrown in the worker with the worker's own stack, pointing at the .ts line", async () => {
    const err = await runWorker(fixture('throwing-worker.ts'), { timeoutMs: 10_000 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('boom from the worker');
    expect((err as Error).stack).toMatch(/explode/);
    // The real path of the source file, not the cached bundle's folder.
    expect((err as Error).stack).toContain(`${fixture('throwing-worker.ts')}:2`);
  });

  it('reject with a TimeoutError naming the file when a worker never answers, and terminate it', async () => {
    const err = await runWorker(fixture('silent-worker.ts'), { timeoutMs: 300 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(/silent-worker\.ts gave no result within 300 ms/);
    expect(liveHandles()).toHaveLength(0);
  });

  it('reject with a WorkerExitError when the worker exits without answering', async () => {
    const err = await runWorker(fixture('exit-worker.ts'), { timeoutMs: 10_000 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(WorkerExitError);
    expect((err as WorkerExitError).exitCode).toBe(3);
  });

  it('stop a running worker when its AbortSignal aborts', async () => {
    const controller = new AbortController();
    const run = runWorker(fixture('silent-worker.ts'), { signal: controller.signal, timeoutMs: 10_000 });
    controller.abort(new Error('user cancelled'));
    const err = await run.catch((e: Error) => e);
    expect(isAbortError(err)).toBe(true);
    expect((err as Error).message).toMatch(/user cancelled/);
    expect(liveHandles()).toHaveLength(0);
  });

  it('refuse to start with an already aborted signal, and name a missing file clearly', () => {
    expect(() => startWorker(fixture('silent-worker.ts'), { signal: AbortSignal.abort() })).toThrow(
      /aborted/,
    );
    expect(() => startWorker(fixture('no-such-worker.ts'))).toThrow(
      /no-such-worker\.ts: the file does not exist/,
    );
  });

  it('track a started worker until it has exited', async () => {
    const handle = startWorker(fixture('silent-worker.ts'));
    expect(liveHandles().map((h) => h.file)).toContain(handle.file);
    await handle.terminate();
    expect(liveHandles()).toHaveLength(0);
  });
});
