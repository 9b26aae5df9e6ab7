import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stripAnsi, withTimeout } from '@course/runtime';
import { describe, expect, it } from 'vitest';
import { allLessons, menuCli } from '../src';
import { courseLessons } from '../src/course';

function capture() {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      isTTY: false,
    },
    out: () => stripAnsi(out),
    err: () => stripAnsi(err),
  };
}

describe('pnpm start', () => {
  it('--list prints one lesson per line, its id first, in the course order', async () => {
    const c = capture();
    expect(await menuCli(['--list'], c.io)).toBe(0);
    const lessons = courseLessons();
    if (lessons.length === 0) {
      expect(c.out()).toMatch(/No lessons are installed yet/);
    } else {
      const lines = c.out().trim().split('\n');
      expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(lessons.map((l) => l.id));
    }
  });

  it('without a terminal and without arguments, prints the list and a usage hint and exits 0', async () => {
    const c = capture();
    expect(await menuCli([], c.io)).toBe(0);
    expect(c.out()).toMatch(/Usage:/);
    expect(c.out()).toMatch(/No terminal here/);
  });

  it('names an unknown lesson, suggests close matches and exits non-zero', async () => {
    const c = capture();
    expect(await menuCli(['no-such/lesson'], c.io)).toBe(2);
    expect(c.err()).toMatch(/Unknown lesson "no-such\/lesson"/);
    expect(c.err()).toMatch(/(pnpm(@[\d.]+)? start|npm start --) --list/);
  });

  it('rejects an unknown option instead of ignoring it', async () => {
    const c = capture();
    expect(await menuCli(['--fast'], c.io)).toBe(2);
    expect(c.err()).toMatch(/Unknown option --fast/);
  });

  it('every registered lesson has a unique id of the form <package>/<lesson>', () => {
    const ids = allLessons().map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
  });

  it('every lesson links to a page of the concepts guide that exists', () => {
    const root = join(__dirname, '..', '..', '..');
    for (const l of allLessons()) {
      expect(l.docs, `${l.id} has no docs link`).toBeDefined();
      expect(existsSync(join(root, l.docs!)), `${l.id} links to ${l.docs}, which does not exist`).toBe(true);
      expect(l.docs, `${l.id} should link to the guide, not the contributors' page`).not.toMatch(
        /architecture\.md$/,
      );
    }
  });

  it('the real command never waits on stdin when there is no terminal', async () => {
    const child = spawn(process.execPath, [join(__dirname, '..', 'bin', 'course-menu.cjs')], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await withTimeout(
      new Promise<number | null>((r) => child.once('exit', (c) => r(c))),
      20_000,
      'course-menu without a TTY to exit',
    ).finally(() => child.kill('SIGKILL'));
    expect(code).toBe(0);
    expect(out).toMatch(/Usage:/);
  });
});
