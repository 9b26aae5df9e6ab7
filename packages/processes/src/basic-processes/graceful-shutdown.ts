import { join } from 'node:path';
import { deferred, type ExitStatus, startChild, withTimeout } from '@course/runtime';

const BUDGET_MS = 15_000;

export interface ShutdownReport {
  polite: { status: ExitStatus; cleanedUp: boolean };
  stubborn: { status: ExitStatus; sawSigterm: boolean; graceMs: number; tookMs: number };
}

/**
 * Graceful shutdown: ask first (SIGTERM: the child may close files and finish its reply), insist after
 * a deadline (SIGKILL cannot be caught or ignored). A polite child exits 0 after its clean-up; a
 * stubborn one is killed when the grace period runs out, so shutdown never hangs.
 *
 * @example
 * const r = await gracefulShutdown(300); // r.stubborn.status.signal === 'SIGKILL'
 */
export async function gracefulShutdown(graceMs = 300): Promise<ShutdownReport> {
  const polite = startChild(join(__dirname, 'polite-child.ts'), { stdio: 'pipe' });
  const stubborn = startChild(join(__dirname, 'stubborn-child.ts'), { stdio: 'pipe' });
  try {
    const politeReady = deferred<void>();
    const cleanedUp = deferred<boolean>();
    polite.child.on('message', (m) =>
      m === 'ready' ? politeReady.resolve() : cleanedUp.resolve(m === 'cleaned up'),
    );
    const stubbornReady = deferred<void>();
    let sawSigterm = false;
    stubborn.child.on('message', (m) => {
      if (m === 'ready') stubbornReady.resolve();
      else sawSigterm = true;
    });
    await withTimeout(Promise.all([politeReady.promise, stubbornReady.promise]), BUDGET_MS, 'children ready');

    const politeStatus = await withTimeout(polite.stop(graceMs), BUDGET_MS, 'polite child exit');
    const t0 = performance.now();
    const stubbornStatus = await withTimeout(stubborn.stop(graceMs), BUDGET_MS, 'stubborn child exit');
    return {
      polite: {
        status: politeStatus,
        cleanedUp: await withTimeout(cleanedUp.promise, 1_000, 'clean-up report'),
      },
      stubborn: { status: stubbornStatus, sawSigterm, graceMs, tookMs: performance.now() - t0 },
    };
  } finally {
    await Promise.all([polite.stop(0), stubborn.stop(0)]);
  }
}
