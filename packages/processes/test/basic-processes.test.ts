import { captureNarrator, liveHandles } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { lesson } from '../src/basic-processes';
import { crashAndNotice, forkAndTalk } from '../src/basic-processes/fork-ipc';
import { gracefulShutdown } from '../src/basic-processes/graceful-shutdown';
import { parentKilledChildFollows, processGroupKill } from '../src/basic-processes/orphans';
import { isAlive } from '../src/basic-processes/pid-alive';
import { exitCodesAndSignals, shellVsExecFile, spawnAndStream } from '../src/basic-processes/shell-commands';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('spawnAndStream', () => {
  it('reads the child output while it runs, writes its stdin, and gets stderr and the exit code', async () => {
    const r = await spawnAndStream();
    expect(r.beforeInput).toEqual(['ready']);
    expect(r.afterInput).toEqual(['got hello']);
    expect(r.stderr).toBe('oops\n');
    expect(r.code).toBe(3);
  });
});

describe('shellVsExecFile', () => {
  it('lets a shell run injected text through exec, but passes it literally through execFile', async () => {
    const r = await shellVsExecFile('report.txt; echo INJECTED');
    expect(r.viaShell).toBe('report.txt\nINJECTED\n');
    expect(r.viaExecFile).toBe('report.txt; echo INJECTED\n');
  });
});

describe('exitCodesAndSignals', () => {
  it('reports an exit code, a killing signal, a timeout kill and a missing program', async () => {
    const r = await exitCodesAndSignals();
    expect(r.normal).toEqual({ code: 7, signal: null });
    expect(r.killed).toEqual({ code: null, signal: 'SIGKILL' });
    expect(r.timedOut).toMatchObject({ killed: true, signal: 'SIGTERM' });
    expect(r.timedOut.ms).toBeLessThan(10_000);
    expect(r.missing.code).toBe('ENOENT');
  });
});

describe('forkAndTalk', () => {
  it('does the work in another process and answers every batch over IPC', async () => {
    const r = await forkAndTalk([[1, 2, 3], [4], []]);
    expect(r.childPid).not.toBe(r.parentPid);
    expect(r.answers.sort((a, b) => a.id - b.id)).toEqual([
      { id: 0, squares: [1, 4, 9] },
      { id: 1, squares: [16] },
      { id: 2, squares: [] },
    ]);
  });
});

describe('crashAndNotice', () => {
  it('tells the parent the child died with exit code 1, and why', async () => {
    const r = await crashAndNotice();
    expect(r.exitCode).toBe(1);
    expect(r.message).toMatch(/crash-child\.ts exited \(code 1\) before sending a result/);
    expect(r.message).toMatch(/the child crashed while working/);
  });
});

describe('gracefulShutdown', () => {
  it('lets a polite child clean up and exit 0, and SIGKILLs a stubborn one after the grace period', async () => {
    const r = await gracefulShutdown(300);
    expect(r.polite).toEqual({ status: { code: 0, signal: null }, cleanedUp: true });
    expect(r.stubborn.status).toEqual({ code: null, signal: 'SIGKILL' });
    expect(r.stubborn.sawSigterm).toBe(true);
    expect(r.stubborn.tookMs).toBeGreaterThanOrEqual(290);
  });
});

describe('parentKilledChildFollows', () => {
  it('ends a forked child when its parent is killed with SIGKILL', async () => {
    const r = await parentKilledChildFollows();
    expect(r.childAliveBeforeKill).toBe(true);
    expect(r.childExitedAfterMs).toBeLessThan(5_000);
  });
});

describe('processGroupKill', () => {
  it('orphans a grandchild when only the leader is killed, and ends it by killing the group', async () => {
    const r = await processGroupKill();
    expect(r).toEqual({ grandchildSurvivedLeaderKill: true, grandchildGoneAfterGroupKill: true });
  });
});

describe('isAlive', () => {
  it('is true for this process and false for a pid that does not exist', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(2 ** 22 + 1)).toBe(false);
  });
});

describe('basic-processes lesson', () => {
  it('narrates every experiment in quick mode', async () => {
    const out = captureNarrator();
    await lesson.run({ quick: true, signal: new AbortController().signal, out });
    const text = out.text();
    expect(text).toMatch(/exit code 3/);
    expect(text).toMatch(/INJECTED/);
    expect(text).toMatch(/ended by SIGKILL/);
    expect(text).toMatch(/left its background sleep running: true/);
  }, 120_000);
});
