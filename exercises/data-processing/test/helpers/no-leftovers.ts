import { liveHandles, stopAll } from '@course/runtime';
import { expect } from 'vitest';

/**
 * For `afterEach`: fail if a worker or child started by the test is still running, and stop it
 * either way, so one leak does not make every later test fail too.
 */
export async function expectNothingLeftRunning(): Promise<void> {
  const live = liveHandles().map((h) => `${h.kind} ${h.file}`);
  await stopAll();
  expect(live, 'workers/children still running after the test (terminate them before settling)').toEqual([]);
}
