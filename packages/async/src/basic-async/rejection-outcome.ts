import { join } from 'node:path';
import { runChild, WorkerExitError } from '@course/runtime';

export interface RejectionOutcome {
  scenario: string;
  survived: boolean;
  handled?: string;
  exitCode: number | null;
  /** The first line of the crash report on stderr, if it crashed. */
  crashLine?: string;
}

/**
 * Run one scenario of `rejection-scenarios.ts` in a child process and report whether it survived.
 *
 * @example
 * (await rejectionOutcome('unhandled')).exitCode; // 1
 */
export async function rejectionOutcome(scenario: string): Promise<RejectionOutcome> {
  try {
    const r = await runChild<{ survived: boolean; handled?: string }>(
      join(__dirname, 'unhandled-rejection-child.ts'),
      {
        message: scenario,
        stdio: 'pipe',
        timeoutMs: 20_000,
      },
    );
    return { scenario, survived: r.survived, handled: r.handled, exitCode: null };
  } catch (e) {
    if (!(e instanceof WorkerExitError)) throw e;
    const crashLine = e.message.split('\n').find((l) => l.includes('Error: boom'));
    return { scenario, survived: false, exitCode: e.exitCode, crashLine: crashLine?.trim() };
  }
}
