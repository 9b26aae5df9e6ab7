import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deferred, liveHandles, runChild, startChild, WorkerExitError, withTimeout } from '../src';

const fixture = (name: string) => join(__dirname, 'fixtures', name);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startChild and runChild', () => {
  it('fork a TypeScript child and talk to it over IPC', async () => {
    const answer = await runChild<{ echo: unknown; pid: number }>(fixture('echo-child.ts'), {
      message: { hello: 'child' },
      timeoutMs: 10_000,
    });
    expect(answer.echo).toEqual({ hello: 'child' });
    expect(answer.pid).not.toBe(process.pid);
    expect(liveHandles()).toHaveLength(0);
  });

  it('tell the parent when a child crashes, with its exit code', async () => {
    const err = await runChild(fixture('crashing-child.ts'), {
      message: 'go',
      timeoutMs: 10_000,
      stdio: 'pipe',
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(WorkerExitError);
    expect((err as WorkerExitError).exitCode).toBe(1);
    expect((err as Error).message).toMatch(/crashing-child\.ts exited \(code 1\) before sending a result/);
    // The child's own error and the .ts line it came from reach the parent.
    expect((err as Error).message).toMatch(/Error: the child crashed/);
    expect((err as Error).message).toMatch(/crashing-child\.ts:2/);
  });

  it('send SIGTERM, then SIGKILL after the grace period to a child that ignores SIGTERM', async () => {
    const c = startChild(fixture('stubborn-child.ts'), { stdio: 'ignore' });
    const ready = deferred<void>();
    const ignored = deferred<void>();
    c.child.on('message', (m) => (m === 'ready' ? ready.resolve() : ignored.resolve()));
    await withTimeout(ready.promise, 10_000, 'child ready');
    const status = await c.stop(200);
    await withTimeout(ignored.promise, 1_000, 'child saw SIGTERM');
    expect(status).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('stop the child when the AbortSignal aborts', async () => {
    const controller = new AbortController();
    const c = startChild(fixture('idle-child.ts'), { signal: controller.signal, stdio: 'ignore' });
    const up = deferred<void>();
    c.child.once('message', () => up.resolve());
    await withTimeout(up.promise, 10_000, 'child up');
    controller.abort();
    expect((await withTimeout(c.exited, 5_000, 'child exit')).signal).toBe('SIGTERM');
  });

  it('leave no orphan: when the parent is killed with SIGKILL, its child exits too', async () => {
    const parent = startChild(fixture('parent-with-child.ts'), { stdio: 'ignore' });
    const reported = deferred<number>();
    parent.child.once('message', (m: { childPid: number }) => reported.resolve(m.childPid));
    const childPid = await withTimeout(reported.promise, 10_000, 'parent reports its child');
    expect(isAlive(childPid)).toBe(true);
    parent.child.kill('SIGKILL');
    await parent.exited;
    // The child notices the closed IPC channel and exits; poll its pid with a budget (no fixed sleep).
    const deadline = Date.now() + 5_000;
    while (isAlive(childPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(isAlive(childPid)).toBe(false);
  });
});
